import { describe, expect, it } from 'vitest';
import { ADMIN, fakeClock, setupDesk, testCore, unwrap } from '../../core/testing';
import { FREE_ATTEMPTS, MAX_LOCK_MS, lockDurationMs } from './lockout';

describe('first-run setup and sign-in', () => {
  it('has no account until setup, then refuses a second setup', async () => {
    const { core } = await testCore();
    expect(unwrap(await core.dispatch('system.status', {}, 's'))).toMatchObject({ setupDone: false });
    expect(await core.dispatch('auth.signIn', { username: 'admin', password: 'admin' }, 's')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await setupDesk(core);
    expect(unwrap(await core.dispatch('system.status', {}, 's'))).toMatchObject({ setupDone: true, companyName: '华东精密机械', defaultLocale: 'zh-CN' });
    expect(unwrap(await core.dispatch('auth.session', {}, 'admin'))).toMatchObject({ username: 'admin', role: 'admin' });
    const again = await core.dispatch('system.setup', { companyName: 'X', locale: 'en-US', admin: { ...ADMIN, username: 'other' }, demoData: false }, 's2');
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(unwrap(await core.dispatch('auth.session', {}, 's2'))).toBeNull();
  });

  it('rejects a short password at setup with a field error', async () => {
    const { core } = await testCore();
    const result = await core.dispatch('system.setup', { companyName: 'X', locale: 'en-US', admin: { ...ADMIN, password: 'short' }, demoData: false }, 's');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'admin.password', code: 'tooShort', min: 8 }] } } });
    expect((unwrap(await core.dispatch('system.status', {}, 's')) as { setupDone: boolean }).setupDone).toBe(false);
  });

  it('signs in case-insensitively, stores argon2id, and signs out', async () => {
    const { core } = await testCore();
    await setupDesk(core);
    const hash = (core.deps.sqlite.prepare('SELECT password_hash FROM users').get() as { password_hash: string }).password_hash;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(unwrap(await core.dispatch('auth.signIn', { username: 'ADMIN', password: ADMIN.password }, 'tab'))).toMatchObject({ role: 'admin' });
    unwrap(await core.dispatch('auth.signOut', {}, 'tab'));
    expect(await core.dispatch('tickets.list', {}, 'tab')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const { core } = await testCore();
    await setupDesk(core);
    const unknown = await core.dispatch('auth.signIn', { username: 'ghost', password: 'whatever1' }, 't');
    const wrong = await core.dispatch('auth.signIn', { username: 'admin', password: 'whatever1' }, 't');
    expect(unknown).toEqual(wrong);
  });

  it('locks briefly after repeated failures, even for the right password, then lets the user in', async () => {
    const clock = fakeClock();
    const { core } = await testCore(clock);
    await setupDesk(core);
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) {
      expect(await core.dispatch('auth.signIn', { username: 'admin', password: 'wrong-pass' }, 't')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    const locked = await core.dispatch('auth.signIn', { username: 'admin', password: 'wrong-pass' }, 't');
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', details: { retryAfterMs: 30_000 } } });
    expect(await core.dispatch('auth.signIn', { username: 'admin', password: ADMIN.password }, 't')).toMatchObject({ error: { code: 'LOCKED_OUT' } });
    clock.advance(30_001);
    expect(unwrap(await core.dispatch('auth.signIn', { username: 'admin', password: ADMIN.password }, 't'))).toMatchObject({ username: 'admin' });
    // Success resets the count: one more failure is an ordinary one.
    expect(await core.dispatch('auth.signIn', { username: 'admin', password: 'wrong-pass' }, 't')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('caps the lock so nobody can lock a colleague out for long', () => {
    expect(lockDurationMs(FREE_ATTEMPTS - 1)).toBe(0);
    expect(lockDurationMs(FREE_ATTEMPTS)).toBe(30_000);
    expect(lockDurationMs(FREE_ATTEMPTS + 1)).toBe(60_000);
    expect(lockDurationMs(1000)).toBe(MAX_LOCK_MS);
  });
});
