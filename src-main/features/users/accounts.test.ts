import { describe, expect, it } from 'vitest';
import type { Account, SessionUser } from '../../../src-shared/contract';
import { Sessions } from '../../core/sessions';
import { ADMIN, addUser, call, setupDesk, signInAs, testCore } from '../../core/testing';

async function desk() {
  const { core, clock } = await testCore();
  await setupDesk(core);
  return { core, clock };
}

type Core = Awaited<ReturnType<typeof desk>>['core'];

function audit(core: Core, action: string): { user_id: number | null; entity_id: number | null; details: string | null }[] {
  return core.deps.sqlite.prepare('SELECT user_id, entity_id, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as never;
}

const FIRST = 'first-day password 1';

async function createAgent(core: Core, teamId: number | null = null): Promise<Account> {
  return call(core, 'users.create', { username: 'wangfang', displayName: '王芳', role: 'agent', teamId, password: FIRST }, 'admin');
}

describe('accounts', () => {
  it('creates an account whose first sign-in must change the password before anything else', async () => {
    const { core } = await desk();
    const team = await call(core, 'users.saveTeam', { name: '华东客服组' }, 'admin');
    const agent = await createAgent(core, team.id);
    expect(agent).toMatchObject({ username: 'wangfang', role: 'agent', teamId: team.id, teamName: '华东客服组', mustChangePassword: true, disabled: false });
    expect(audit(core, 'user.create')).toHaveLength(1);

    const signedIn = await call(core, 'auth.signIn', { username: 'wangfang', password: FIRST }, 'w');
    expect(signedIn).toMatchObject({ mustChangePassword: true, locked: false });
    expect(await core.dispatch('tickets.list', {}, 'w')).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });

    const change = (currentPassword: string, newPassword: string) => core.dispatch('auth.changePassword', { currentPassword, newPassword }, 'w');
    expect(await change('not it at all', 'a brand new passphrase')).toMatchObject({ error: { code: 'VALIDATION', details: { fields: [{ path: 'currentPassword', code: 'wrongPassword' }] } } });
    expect(await change(FIRST, 'password1')).toMatchObject({ error: { details: { fields: [{ path: 'newPassword', code: 'commonPassword' }] } } });
    expect(await change(FIRST, 'wangfang2026')).toMatchObject({ error: { details: { fields: [{ path: 'newPassword', code: 'contextWord' }] } } });
    expect(await change(FIRST, FIRST)).toMatchObject({ error: { details: { fields: [{ path: 'newPassword', code: 'samePassword' }] } } });
    expect(await change(FIRST, 'a brand new passphrase')).toMatchObject({ ok: true, data: { mustChangePassword: false } });

    expect((await core.dispatch('tickets.list', {}, 'w')).ok).toBe(true);
    expect(audit(core, 'auth.changePassword')).toHaveLength(1);
    expect(audit(core, 'auth.changePasswordFailed')).toHaveLength(1);
    // The old password no longer works; the new one does, without a change prompt.
    expect(await core.dispatch('auth.signIn', { username: 'wangfang', password: FIRST }, 'w2')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await call(core, 'auth.signIn', { username: 'wangfang', password: 'a brand new passphrase' }, 'w2')).toMatchObject({ mustChangePassword: false });
  });

  it('refuses weak first passwords and taken usernames, writing nothing', async () => {
    const { core } = await desk();
    const create = (username: string, password: string) => core.dispatch('users.create', { username, displayName: '李强', role: 'engineer', teamId: null, password }, 'admin');
    expect(await create('liqiang', 'qwertyuiop')).toMatchObject({ error: { code: 'VALIDATION', details: { fields: [{ path: 'password', code: 'commonPassword' }] } } });
    expect(await create('liqiang', 'short')).toMatchObject({ error: { details: { fields: [{ path: 'password', code: 'tooShort' }] } } });
    expect(await create('ADMIN', FIRST)).toMatchObject({ error: { code: 'CONFLICT', details: { fields: [{ path: 'username', code: 'taken' }] } } });
    expect(await core.dispatch('users.create', { username: 'liqiang', displayName: '李强', role: 'engineer', teamId: 999, password: FIRST }, 'admin')).toMatchObject({
      error: { details: { fields: [{ path: 'teamId', code: 'notFound' }] } },
    });
    expect((await call(core, 'users.list', {}, 'admin')).map((a) => a.username)).toEqual(['admin']);
    expect(audit(core, 'user.create')).toHaveLength(0);
  });

  it('disabling ends the account’s sessions and refuses its sign-in; enabling lets it back', async () => {
    const { core } = await desk();
    const agent = await createAgent(core);
    await call(core, 'auth.signIn', { username: 'wangfang', password: FIRST }, 'w');
    expect(await call(core, 'users.setDisabled', { id: agent.id, disabled: true }, 'admin')).toMatchObject({ disabled: true });
    expect(await core.dispatch('auth.session', {}, 'w')).toMatchObject({ ok: true, data: null });
    expect(await core.dispatch('tickets.list', {}, 'w')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await core.dispatch('auth.signIn', { username: 'wangfang', password: FIRST }, 'w')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(audit(core, 'auth.signInFailed').at(-1)?.details).toContain('disabled');
    await call(core, 'users.setDisabled', { id: agent.id, disabled: false }, 'admin');
    expect((await core.dispatch('auth.signIn', { username: 'wangfang', password: FIRST }, 'w')).ok).toBe(true);
    expect(audit(core, 'user.disable')).toHaveLength(1);
    expect(audit(core, 'user.enable')).toHaveLength(1);
  });

  it('a new role reaches open sessions at once, and the audit keeps what changed', async () => {
    const { core } = await desk();
    await addUser(core, 'engineer', 'zhaolei');
    await signInAs(core, 'zhaolei');
    const id = (await call(core, 'auth.session', {}, 'zhaolei'))!.id;
    expect(await core.dispatch('sla.jobRuns', {}, 'zhaolei')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await call(core, 'users.update', { id, displayName: '赵磊', role: 'supervisor', teamId: null }, 'admin');
    const session = (await call(core, 'auth.session', {}, 'zhaolei')) as SessionUser;
    expect(session).toMatchObject({ role: 'supervisor', displayName: '赵磊' });
    expect(session.permissions).toContain('jobs.read');
    expect(JSON.parse(audit(core, 'user.update')[0]!.details!)).toEqual({
      before: { displayName: 'zhaolei', role: 'engineer' },
      after: { displayName: '赵磊', role: 'supervisor' },
    });
  });

  it('keeps an administrator: none can demote or disable themself', async () => {
    const { core } = await desk();
    const admin = (await call(core, 'auth.session', {}, 'admin'))!;
    expect(await core.dispatch('users.update', { id: admin.id, displayName: 'x', role: 'agent', teamId: null }, 'admin')).toMatchObject({
      error: { code: 'CONFLICT', details: { reason: 'ownRole' } },
    });
    expect(await core.dispatch('users.setDisabled', { id: admin.id, disabled: true }, 'admin')).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'ownAccount' } } });
    // Another administrator may: the one acting stays.
    await addUser(core, 'admin', 'admin2');
    await signInAs(core, 'admin2');
    await call(core, 'users.update', { id: admin.id, displayName: '管理员', role: 'supervisor', teamId: null }, 'admin2');
    expect(await call(core, 'auth.session', {}, 'admin')).toMatchObject({ role: 'supervisor' });
    expect(await core.dispatch('users.list', {}, 'admin')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await call(core, 'users.list', {}, 'admin2')).filter((a) => a.role === 'admin' && !a.disabled).map((a) => a.username)).toEqual(['admin2']);
  });

  it('a reset password clears a lockout, ends the sessions and must be changed', async () => {
    const { core } = await desk();
    const agent = await createAgent(core);
    await call(core, 'auth.signIn', { username: 'wangfang', password: FIRST }, 'w');
    for (let i = 0; i < 6; i++) await core.dispatch('auth.signIn', { username: 'wangfang', password: 'wrong guess here' }, 'x');
    expect((await call(core, 'users.list', {}, 'admin')).find((a) => a.id === agent.id)?.lockedUntil).not.toBeNull();
    const reset = await call(core, 'users.resetPassword', { id: agent.id, password: 'second day password' }, 'admin');
    expect(reset).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    expect(await core.dispatch('auth.session', {}, 'w')).toMatchObject({ data: null });
    expect(await call(core, 'auth.signIn', { username: 'wangfang', password: 'second day password' }, 'w')).toMatchObject({ mustChangePassword: true });
    const entry = audit(core, 'user.resetPassword')[0]!;
    expect(entry.details).not.toContain('second day password');
    expect(audit(core, 'auth.signInFailed').filter((e) => e.entity_id === agent.id)).toHaveLength(6);
  });

  it('an idle-locked window answers only auth until its user’s password unlocks it', async () => {
    const { core } = await desk();
    expect(await call(core, 'auth.lock', {}, 'admin')).toMatchObject({ locked: true });
    expect(await core.dispatch('tickets.list', {}, 'admin')).toMatchObject({ error: { code: 'SESSION_LOCKED' } });
    expect(await call(core, 'auth.session', {}, 'admin')).toMatchObject({ locked: true });
    expect(await core.dispatch('auth.unlock', { password: 'not the password' }, 'admin')).toMatchObject({
      error: { code: 'VALIDATION', details: { fields: [{ path: 'password', code: 'wrongPassword' }] } },
    });
    expect(await call(core, 'auth.unlock', { password: ADMIN.password }, 'admin')).toMatchObject({ locked: false });
    expect((await core.dispatch('tickets.list', {}, 'admin')).ok).toBe(true);
    expect(audit(core, 'auth.unlockFailed')).toHaveLength(1);
  });

  it('locks a session that made no call for the idle time (a sleeping machine)', () => {
    const sessions = new Sessions(30 * 60_000);
    const user = { id: 1, username: 'a', displayName: 'A', role: 'agent', permissions: [], mustChangePassword: false, locked: false, teamId: null, dataScope: 'all' } as SessionUser;
    sessions.start('k', user, 0);
    expect(sessions.get('k', 29 * 60_000)?.locked).toBe(false);
    expect(sessions.get('k', 58 * 60_000)?.locked).toBe(false);
    expect(sessions.get('k', 89 * 60_000)?.locked).toBe(true);
    sessions.unlock('k');
    expect(sessions.get('k', 90 * 60_000)?.locked).toBe(false);
  });

  it('applies the idle time administrators set', async () => {
    const { core } = await desk();
    expect(await call(core, 'settings.get', {}, 'admin')).toMatchObject({ idleLockMinutes: 30 });
    await call(core, 'settings.update', { idleLockMinutes: 5 }, 'admin');
    expect(core.deps.sessions.idleLockMs).toBe(5 * 60_000);
    expect(await core.dispatch('settings.update', { idleLockMinutes: 0 }, 'admin')).toMatchObject({ error: { code: 'VALIDATION' } });
  });

  it('teams: unique names, and only a team without active members can go', async () => {
    const { core } = await desk();
    const team = await call(core, 'users.saveTeam', { name: '华南服务组' }, 'admin');
    expect(await core.dispatch('users.saveTeam', { name: '华南服务组' }, 'admin')).toMatchObject({ error: { details: { fields: [{ path: 'name', code: 'duplicate' }] } } });
    const agent = await createAgent(core, team.id);
    expect(await call(core, 'users.teams', {}, 'admin')).toEqual([{ id: team.id, name: '华南服务组', members: 1 }]);
    expect(await core.dispatch('users.removeTeam', { id: team.id }, 'admin')).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'teamHasMembers' } } });
    await call(core, 'users.setDisabled', { id: agent.id, disabled: true }, 'admin');
    await call(core, 'users.removeTeam', { id: team.id }, 'admin');
    expect((await call(core, 'users.list', {}, 'admin')).find((a) => a.id === agent.id)).toMatchObject({ teamId: null });
    expect(audit(core, 'team.remove')).toHaveLength(1);
  });

  it('records every sign-in and failure, and refuses a common password at setup', async () => {
    const { core } = await desk();
    await core.dispatch('auth.signIn', { username: 'nobody', password: 'whatever it is' }, 'x');
    await core.dispatch('auth.signIn', { username: 'admin', password: 'whatever it is' }, 'x');
    await call(core, 'auth.signIn', { username: 'admin', password: ADMIN.password }, 'x');
    await call(core, 'auth.signOut', {}, 'x');
    const failures = audit(core, 'auth.signInFailed').map((e) => JSON.parse(e.details!) as { reason: string });
    expect(failures.map((f) => f.reason)).toEqual(['unknownUser', 'badPassword']);
    expect(audit(core, 'auth.signIn').length).toBeGreaterThanOrEqual(1);
    expect(audit(core, 'auth.signOut')).toHaveLength(1);

    const { core: fresh } = await testCore();
    const result = await fresh.dispatch('system.setup', { companyName: 'X', locale: 'en-US', admin: { ...ADMIN, password: 'iloveyou' }, demoData: false }, 's');
    expect(result).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'admin.password', code: 'commonPassword' }] } } });
  });
});
