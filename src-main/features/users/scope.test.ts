import { describe, expect, it } from 'vitest';
import type { DataScope } from '../../../src-shared/domain/roles';
import { addUser, call, setupDesk, signInAs, testCore } from '../../core/testing';

// Data scopes are enforced by the queries: lists, counts, search, detail pages, changes by
// id, customer pages and look-ups. What is out of scope answers NOT_FOUND, as if absent.

async function desk() {
  const { core } = await testCore();
  await setupDesk(core);
  return core;
}
type Core = Awaited<ReturnType<typeof desk>>;

/** An account made by the administrator, signed in on a session of its name, password changed. */
async function account(core: Core, username: string, teamId: number | null, dataScope: DataScope) {
  const first = 'first-day password 1';
  const created = await call(core, 'users.create', { username, displayName: username, role: 'agent', teamId, dataScope, password: first }, 'admin');
  await call(core, 'auth.signIn', { username, password: first }, username);
  await call(core, 'auth.changePassword', { currentPassword: first, newPassword: 'my own passphrase 2' }, username);
  return created;
}

const request = async (core: Core, session: string, customer: { id: number } | { name: string; phone: string }, subject: string) =>
  (await call(core, 'tickets.create', { customer, type: 'repair', channel: 'phone', subject } as never, session)) as unknown as { id: number; version: number };

const listed = async (core: Core, session: string, input: Record<string, unknown> = {}) => (await call(core, 'tickets.list', input as never, session)).items.map((i) => i.subject).sort();

describe('data scopes', () => {
  it('a team-scoped agent reads and changes only the team’s requests; the service manager and admin see all', async () => {
    const core = await desk();
    const east = await call(core, 'users.saveTeam', { name: '华东客服组' }, 'admin');
    const south = await call(core, 'users.saveTeam', { name: '华南客服组' }, 'admin');
    await account(core, 'dong', east.id, 'team');
    await account(core, 'dong2', east.id, 'team');
    await account(core, 'nan', south.id, 'team');
    await addUser(core, 'supervisor', 'zhuguan');
    await signInAs(core, 'zhuguan');
    const customer = await call(core, 'customers.save', { kind: 'company', name: '江南机电' } as never, 'admin');
    const eastOne = await request(core, 'dong', { id: customer.id }, '华东 空调漏水');
    await request(core, 'dong2', { id: customer.id }, '华东 电梯异响');
    const southOne = await request(core, 'nan', { id: customer.id }, '华南 空调漏水');
    await request(core, 'admin', { id: customer.id }, '总部 空调漏水');

    expect(await listed(core, 'dong')).toEqual(['华东 电梯异响', '华东 空调漏水']);
    expect(await listed(core, 'nan')).toEqual(['华南 空调漏水']);
    expect(await listed(core, 'zhuguan')).toHaveLength(4);
    expect(await listed(core, 'admin')).toHaveLength(4);
    // Search and counts too.
    expect(await listed(core, 'dong', { text: '漏水' })).toEqual(['华东 空调漏水']);
    expect((await call(core, 'tickets.viewCounts', {}, 'dong')).unassigned).toBe(2);
    expect((await call(core, 'tickets.viewCounts', {}, 'admin')).unassigned).toBe(4);
    // Another team's request is not there: not to open, not to change.
    expect(await core.dispatch('tickets.get', { id: southOne.id }, 'dong')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('tickets.addNote', { id: southOne.id, kind: 'internal', body: 'x' }, 'dong')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('tickets.setPriority', { id: southOne.id, version: southOne.version, priority: 'urgent', note: '' } as never, 'dong')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await core.dispatch('tickets.get', { id: eastOne.id }, 'dong2')).ok).toBe(true);
    // The customer's timeline shows the team's requests only.
    const timeline = await call(core, 'customers.timeline', { customerId: customer.id } as never, 'dong');
    expect(new Set(timeline.items.map((i) => i.ticket?.subject))).toEqual(new Set(['华东 空调漏水', '华东 电梯异响']));
  });

  it('an account manager sees only the customers they manage and those customers’ requests', async () => {
    const core = await desk();
    const manager = await account(core, 'kehujingli', null, 'own');
    const mine = await call(core, 'customers.save', { kind: 'company', name: '苏州精密', ownerId: manager.id } as never, 'admin');
    const other = await call(core, 'customers.save', { kind: 'company', name: '无锡电梯' } as never, 'admin');
    await request(core, 'admin', { id: mine.id }, '苏州 主轴过热');
    const foreign = await request(core, 'admin', { id: other.id }, '无锡 门机故障');

    expect((await call(core, 'customers.list', {} as never, 'kehujingli')).items.map((c) => c.name)).toEqual(['苏州精密']);
    expect((await call(core, 'customers.lookup', { text: '无锡' } as never, 'kehujingli')).map((c) => c.name)).toEqual([]);
    expect(await core.dispatch('customers.get', { customerId: other.id }, 'kehujingli')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await core.dispatch('customers.get', { customerId: mine.id }, 'kehujingli')).ok).toBe(true);
    expect(await listed(core, 'kehujingli')).toEqual(['苏州 主轴过热']);
    expect(await core.dispatch('tickets.get', { id: foreign.id }, 'kehujingli')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('customers.saveContact', { customerId: other.id, name: '王工' } as never, 'kehujingli')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // No request for someone else's customer; a customer typed in becomes theirs.
    expect(await core.dispatch('tickets.create', { customer: { id: other.id }, type: 'repair', channel: 'phone', subject: 'x' }, 'kehujingli')).toMatchObject({
      error: { code: 'VALIDATION', details: { fields: [{ path: 'customer.id', code: 'notFound' }] } },
    });
    await request(core, 'kehujingli', { name: '常州新客户', phone: '13800138000' }, '常州 安装');
    expect((await call(core, 'customers.list', {} as never, 'kehujingli')).items.map((c) => c.name).sort()).toEqual(['常州新客户', '苏州精密'].sort());
    expect(await listed(core, 'kehujingli')).toEqual(['常州 安装', '苏州 主轴过热'].sort());
  });

  it('a team scope needs a team; one whose team was removed keeps to its own work', async () => {
    const core = await desk();
    expect(await core.dispatch('users.create', { username: 'lone', displayName: 'lone', role: 'agent', teamId: null, dataScope: 'team', password: 'first-day password 1' }, 'admin')).toMatchObject({
      error: { details: { fields: [{ path: 'teamId', code: 'teamScopeNeedsTeam' }] } },
    });
    const team = await call(core, 'users.saveTeam', { name: '临时组' }, 'admin');
    const agent = await account(core, 'linshi', team.id, 'team');
    expect(agent.dataScope).toBe('team');
    const customer = await call(core, 'customers.save', { kind: 'company', name: '江南机电' } as never, 'admin');
    await request(core, 'admin', { id: customer.id }, '总部 空调漏水');
    await call(core, 'users.setDisabled', { id: agent.id, disabled: true }, 'admin');
    await call(core, 'users.removeTeam', { id: team.id }, 'admin');
    await call(core, 'users.setDisabled', { id: agent.id, disabled: false }, 'admin');
    await call(core, 'auth.signIn', { username: 'linshi', password: 'my own passphrase 2' }, 'linshi');
    await request(core, 'linshi', { id: customer.id }, '临时 空调漏水');
    expect(await listed(core, 'linshi')).toEqual(['临时 空调漏水']);
    // A team whose requests carry its name stays (renamed if need be).
    const used = await call(core, 'users.saveTeam', { name: '华东组' }, 'admin');
    const member = await account(core, 'huadong', used.id, 'team');
    await request(core, 'huadong', { id: customer.id }, '华东 电梯异响');
    await call(core, 'users.setDisabled', { id: member.id, disabled: true }, 'admin');
    expect(await core.dispatch('users.removeTeam', { id: used.id }, 'admin')).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'teamHasRequests' } } });
    // New agents default to their team's scope, others to everything.
    const withTeam = await call(core, 'users.saveTeam', { name: '华北组' }, 'admin');
    expect(await call(core, 'users.create', { username: 'bei', displayName: 'bei', role: 'agent', teamId: withTeam.id, password: 'first-day password 1' }, 'admin')).toMatchObject({ dataScope: 'team' });
    expect(await call(core, 'users.create', { username: 'gong', displayName: 'gong', role: 'engineer', teamId: withTeam.id, password: 'first-day password 1' }, 'admin')).toMatchObject({ dataScope: 'all' });
  });
});
