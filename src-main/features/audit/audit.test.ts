import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../src-shared/contract';
import { ADMIN, addUser, call, setupDesk, signInAs, testCore } from '../../core/testing';
import { CHANNEL_AUDIT } from './channels';
import { sealAuditLog } from './chain';
import { appendAudit } from './record';

async function desk() {
  const { core } = await testCore();
  await setupDesk(core);
  return core;
}

type Core = Awaited<ReturnType<typeof desk>>;

const entries = (core: Core, action: string) =>
  core.deps.sqlite.prepare('SELECT user_id, entity, entity_id, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
    user_id: number | null;
    entity: string;
    entity_id: number | null;
    details: string | null;
  }[];

describe('the audit trail', () => {
  it('decides for every channel what it records', () => {
    expect(Object.keys(CHANNEL_AUDIT).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('records writes with who, which record and the input; views of a customer’s 360 page; not reads or failures', async () => {
    const core = await desk();
    await addUser(core, 'agent', 'kefu');
    await signInAs(core, 'kefu');
    const agentId = (await call(core, 'auth.session', {}, 'kefu'))!.id;
    const customer = await call(core, 'customers.save', { kind: 'company', name: '江南机电' } as never, 'kefu');
    const ticket = await call(core, 'tickets.create', { customer: { id: customer.id }, type: 'repair', channel: 'phone', subject: '电梯异响' } as never, 'kefu');
    const contact = await call(core, 'customers.saveContact', { customerId: customer.id, name: '王工' } as never, 'kefu');
    await call(core, 'customers.get', { customerId: customer.id } as never, 'kefu');
    await call(core, 'tickets.list', {}, 'kefu');
    expect((await core.dispatch('tickets.create', { customer: { id: 999999 }, type: 'repair', channel: 'phone', subject: 'x' }, 'kefu')).ok).toBe(false);

    const created = entries(core, 'tickets.create');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ user_id: agentId, entity: 'ticket', entity_id: (ticket as { id: number }).id });
    // What was written and to which records; never the text about people (the trail cannot be erased).
    expect(JSON.parse(created[0]!.details!)).toMatchObject({ input: { subject: { written: 4 }, type: 'repair', customer: { id: customer.id } } });
    expect(entries(core, 'customers.save')[0]!.details).not.toContain('江南机电');
    // A new record is known by its own id, not the one it hangs on.
    expect(entries(core, 'customers.saveContact')[0]).toMatchObject({ entity: 'contact', entity_id: contact.id });
    expect(entries(core, 'customer.view')).toEqual([{ user_id: agentId, entity: 'customer', entity_id: customer.id, details: null }]);
    expect(entries(core, 'tickets.list')).toHaveLength(0);
  });

  it('keeps the fields a write changed, before and after, personal text by its length only', async () => {
    const core = await desk();
    const customer = await call(core, 'customers.save', { kind: 'company', name: '江南机电' } as never, 'admin');
    await call(core, 'customers.save', { id: customer.id, kind: 'company', name: '江南机电集团', tier: 'key' } as never, 'admin');
    const edit = JSON.parse(entries(core, 'customers.save')[1]!.details!) as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(edit.before).toEqual({ name: { written: 4 }, tier: 'normal' });
    expect(edit.after).toEqual({ name: { written: 6 }, tier: 'key' });
    // A new record has no before: what it was created with.
    const created = JSON.parse(entries(core, 'customers.save')[0]!.details!) as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(created.after).toMatchObject({ id: customer.id, customer_no: customer.customerNo, name: { written: 4 }, tier: 'normal' });
    expect(created.before).toMatchObject({ id: null, tier: null });
    expect(entries(core, 'customers.save')[0]).toMatchObject({ entity: 'customer', entity_id: customer.id });
  });

  it('never keeps a password', async () => {
    const core = await desk();
    const setup = entries(core, 'system.setup');
    expect(setup).toHaveLength(1);
    // Setup is recorded as the administrator it created.
    expect(setup[0]!.user_id).toBe((await call(core, 'auth.session', {}, 'admin'))!.id);
    expect(setup[0]!.details).not.toContain(ADMIN.password);
    expect(JSON.parse(setup[0]!.details!)).toMatchObject({ input: { admin: { username: 'admin', password: '***' } } });
  });

  it('is append-only, and a tampered or removed entry breaks the chain from there', async () => {
    const core = await desk();
    await call(core, 'settings.update', { reopenWindowDays: 10 }, 'admin');
    await call(core, 'settings.update', { reopenWindowDays: 12 }, 'admin');
    const db = core.deps.sqlite;
    expect(await call(core, 'audit.verify', {}, 'admin')).toEqual({ checked: expect.any(Number), brokenAt: null });
    const ids = (db.prepare("SELECT id FROM audit_log WHERE action = 'settings.update' ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    expect(() => db.prepare('UPDATE audit_log SET details = ? WHERE id = ?').run('{}', ids[0])).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = ?').run(ids[0])).toThrow(/append-only/);

    // Someone with the database file drops the guards and edits an entry: verify names it.
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
    db.prepare('UPDATE audit_log SET details = ? WHERE id = ?').run('{"input":{"reopenWindowDays":99}}', ids[0]);
    expect(await call(core, 'audit.verify', {}, 'admin')).toMatchObject({ brokenAt: ids[0] });
    const { core: other } = await testCore();
    await setupDesk(other);
    await call(other, 'settings.update', { reopenWindowDays: 10 }, 'admin');
    await call(other, 'settings.update', { reopenWindowDays: 12 }, 'admin');
    other.deps.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    const first = (other.deps.sqlite.prepare("SELECT id FROM audit_log WHERE action = 'settings.update' ORDER BY id").all() as { id: number }[])[0]!.id;
    other.deps.sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(first);
    const verdict = await call(other, 'audit.verify', {}, 'admin');
    expect(verdict.brokenAt).toBeGreaterThan(first);
  });

  it('chains entries from worker threads and from before the chain existed', async () => {
    const core = await desk();
    const db = core.deps.sqlite;
    appendAudit(db, Date.now(), { userId: null, action: 'import.run', entity: 'import_run', entityId: 1 });
    await call(core, 'settings.update', { reopenWindowDays: 10 }, 'admin');
    // An entry written by a version without the chain (no hash) is chained at the next start.
    db.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, details) VALUES (1, NULL, 'export.all', 'export', NULL, NULL)").run();
    expect(sealAuditLog(db)).toBe(1);
    expect(await call(core, 'audit.verify', {}, 'admin')).toMatchObject({ brokenAt: null });
  });

  it('lets administrators search by person, action family and record, newest first, page by page', async () => {
    const core = await desk();
    await addUser(core, 'engineer', 'gong');
    for (let i = 0; i < 3; i++) await signInAs(core, 'gong');
    await core.dispatch('auth.signIn', { username: 'gong', password: 'not the password' }, 'x');
    const gong = (await call(core, 'auth.session', {}, 'gong'))!.id;
    const page = await call(core, 'audit.list', { userId: gong, action: 'auth.' }, 'admin');
    expect(page.items.map((e) => e.action)).toEqual(['auth.signIn', 'auth.signIn', 'auth.signIn']);
    // A failed sign-in names the account tried; who typed it is unknown.
    const tried = await call(core, 'audit.list', { entity: 'user', entityId: gong, action: 'auth.signInFailed' }, 'admin');
    expect(tried.items).toEqual([expect.objectContaining({ userId: null, userName: null, details: { username: 'gong', reason: 'badPassword' } })]);
    expect(await call(core, 'audit.actions', {}, 'admin')).toEqual(expect.arrayContaining(['auth.signIn', 'auth.signInFailed', 'system.setup']));
    // Paging: 150 entries come back in two pages without repeats or gaps.
    for (let i = 0; i < 150; i++) await call(core, 'settings.update', { reopenWindowDays: i % 30 }, 'admin');
    const one = await call(core, 'audit.list', { action: 'settings.update' }, 'admin');
    const two = await call(core, 'audit.list', { action: 'settings.update', before: one.nextBefore! }, 'admin');
    expect(one.items).toHaveLength(100);
    expect(two.items).toHaveLength(50);
    expect(two.nextBefore).toBeNull();
    const ids = [...one.items, ...two.items].map((e) => e.id);
    expect(new Set(ids).size).toBe(150);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(await core.dispatch('audit.list', {}, 'gong')).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('the audit trail as a file', () => {
  it('exports what a search finds, newest first, and records the export', async () => {
    const core = await desk();
    await addUser(core, 'engineer', 'gong');
    await signInAs(core, 'gong');
    await core.dispatch('auth.signIn', { username: 'gong', password: 'not it, "quoted", 多' }, 'x');
    const headers = { at: '时间', user: '操作人', action: '操作', entity: '对象', entityId: '编号', details: '详情' };
    // The file speaks the user's words; a code without one is written as recorded.
    const words = { actions: { 'auth.signIn': '登录', 'auth.signInFailed': '登录失败' }, entities: { user: '账户' }, system: '系统', unknownPerson: '未知（未登录）' };
    const { jobId } = await call(core, 'exports.audit', { format: 'csv', action: 'auth.', headers, words }, 'admin');
    let job = await call(core, 'exports.job', { jobId }, 'admin');
    for (let i = 0; job.state === 'running' && i < 100; i++) {
      await new Promise((r) => setImmediate(r));
      job = await call(core, 'exports.job', { jobId }, 'admin');
    }
    expect(job).toMatchObject({ state: 'done', file: { name: expect.stringMatching(/^audit-\d{8}-\d{4}\.csv$/) } });
    const piece = await call(core, 'exports.chunk', { jobId, offset: 0 }, 'admin');
    const text = Buffer.from(piece.dataBase64, 'base64').toString('utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('时间,操作人,操作,对象,编号,详情');
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 4))).toEqual([
      ['未知（未登录）', '登录失败', '账户'],
      ['gong', '登录', '账户'],
    ]);
    expect(lines[1]).toContain('""reason"":""badPassword""');
    const recorded = entries(core, 'export.audit');
    expect(recorded).toHaveLength(1);
    expect(JSON.parse(recorded[0]!.details!)).toMatchObject({ filter: { action: 'auth.' }, format: 'csv', rows: 2 });
    expect(await core.dispatch('exports.audit', { format: 'csv', headers, words }, 'gong')).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
