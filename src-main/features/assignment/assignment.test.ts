import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../core/createCore';
import { addUser, call, setupDesk, signInAs, testCore } from '../../core/testing';

let core: Core;
const ids: Record<string, number> = {};
let hvac: number;

beforeEach(async () => {
  ({ core } = await testCore());
  await setupDesk(core);
  for (const [role, name] of [['agent', 'agent1'], ['engineer', 'wang'], ['engineer', 'li'], ['engineer', 'zhao'], ['supervisor', 'boss']] as const) {
    await addUser(core, role, name);
    await signInAs(core, name);
  }
  for (const u of await call(core, 'users.assignees', {}, 'admin')) ids[u.displayName] = u.id;
  hvac = Number(core.deps.sqlite.prepare("INSERT INTO products (product_line, model, name) VALUES ('空调 HVAC', 'KFR-35', '壁挂式空调') RETURNING id").pluck().get());
});

function request(extra: Record<string, unknown> = {}) {
  return call(core, 'tickets.create', { customer: { name: '华东精密' }, type: 'repair', channel: 'phone', subject: '空调不制冷', productId: hvac, ...extra } as never, 'agent1');
}

describe('automatic assignment', () => {
  it('assigns by the first matching rule to the least loaded available engineer, and explains it', async () => {
    const leak = (await call(core, 'tickets.problemCategories', {}, 'agent1')).find((c) => c.code === 'noise_leak')!.id;
    await call(core, 'assignment.saveRule', { name: '电梯', position: 1, productLine: '电梯', problemCategoryId: null, strategy: 'least_load', engineerIds: [ids.zhao!] }, 'boss');
    await call(core, 'assignment.saveRule', { name: 'HVAC 华东', position: 2, productLine: '空调 HVAC', problemCategoryId: null, strategy: 'least_load', engineerIds: [ids.wang!, ids.li!] }, 'boss');

    const first = await request();
    expect(first).toMatchObject({ status: 'assigned', assignee: { id: ids.wang } });
    expect(first.events.at(-1)).toMatchObject({
      kind: 'assign',
      actorName: null,
      details: { by: 'rule', ruleName: 'HVAC 华东', strategy: 'least_load', load: 0, engineerName: 'wang' },
    });
    // wang now has one open request, li none.
    expect((await request({ problemCategoryId: leak })).assignee?.id).toBe(ids.li);
    expect((await request()).assignee?.id).toBe(ids.wang);

    // Away engineers are skipped; nobody available leaves the request unassigned.
    await call(core, 'users.setAvailability', { userId: ids.wang!, available: false }, 'wang');
    expect((await request()).assignee?.id).toBe(ids.li);
    await call(core, 'users.setAvailability', { userId: ids.li!, available: false }, 'boss');
    expect(await request()).toMatchObject({ status: 'pending_assignment', assignee: null });
    // No rule for requests without a product: they wait for a person.
    expect((await request({ productId: undefined })).status).toBe('pending_assignment');
    // Requests entered on hold are not assigned.
    expect((await request({ initialStatus: 'on_hold', holdReason: 'scheduled' })).status).toBe('on_hold');
  });

  it('routes by the region of the customer’s province', async () => {
    await call(core, 'assignment.saveRule', { name: '华南', position: 1, productLine: null, problemCategoryId: null, region: 'south', strategy: 'least_load', engineerIds: [ids.zhao!] }, 'boss');
    await call(core, 'assignment.saveRule', { name: '华东', position: 2, productLine: null, problemCategoryId: null, region: 'east', strategy: 'least_load', engineerIds: [ids.wang!] }, 'boss');
    const shenzhen = await request({ customer: { name: '深圳宏达', province: 'GD' } });
    expect(shenzhen.assignee?.id).toBe(ids.zhao);
    expect(shenzhen.customer.province).toBe('GD');
    expect((await request({ customer: { name: '苏州精密', province: 'JS' } })).assignee?.id).toBe(ids.wang);
    // No province, or one no rule covers: a person decides.
    expect((await request({ customer: { name: '无地址客户' } })).status).toBe('pending_assignment');
    expect((await request({ customer: { name: '成都客户', province: 'SC' } })).status).toBe('pending_assignment');
    expect(await core.dispatch('tickets.create', { customer: { name: 'X', province: 'ZZ' }, type: 'repair', channel: 'phone', subject: 'x' }, 'agent1')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('rotates round robin through the rule’s engineers', async () => {
    await call(core, 'assignment.saveRule', { name: 'All', position: 1, productLine: null, problemCategoryId: null, strategy: 'round_robin', engineerIds: [ids.wang!, ids.li!, ids.zhao!] }, 'boss');
    const owners = [];
    for (let i = 0; i < 4; i++) owners.push((await request()).assignee?.id);
    expect(owners).toEqual([ids.wang, ids.li, ids.zhao, ids.wang]);
  });

  it('only lets managers edit rules and others mark availability, and validates engineers', async () => {
    const rule = { name: 'x', position: 1, productLine: null, problemCategoryId: null, strategy: 'least_load' as const, engineerIds: [ids.wang!] };
    expect(await core.dispatch('assignment.saveRule', rule, 'agent1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const agentId = (core.deps.sqlite.prepare("SELECT id FROM users WHERE username = 'agent1'").get() as { id: number }).id;
    expect(await core.dispatch('assignment.saveRule', { ...rule, engineerIds: [agentId] }, 'boss')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'engineerIds.0', code: 'notFound' }] } },
    });
    expect(await core.dispatch('users.setAvailability', { userId: ids.li!, available: false }, 'wang')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const saved = await call(core, 'assignment.saveRule', rule, 'boss');
    await call(core, 'assignment.removeRule', { id: saved.id }, 'admin');
    expect(await call(core, 'assignment.rules', {}, 'agent1')).toEqual([]);
    expect(await core.dispatch('assignment.removeRule', { id: saved.id }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
