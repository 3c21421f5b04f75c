import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../core/createCore';
import { addUser, call, fakeClock, setupDesk, signInAs, testCore, type FakeClock } from '../../core/testing';

let core: Core;
let clock: FakeClock;
const DAY = 86_400_000;

beforeEach(async () => {
  ({ core, clock } = await testCore(fakeClock(Date.UTC(2026, 10, 23, 2, 0))));
  await setupDesk(core);
});

const company = (name: string, extra: Record<string, unknown> = {}) => call(core, 'customers.save', { kind: 'company', name, ...extra } as never, 'admin');
const failure = (name: string, input: unknown, session = 'admin') => core.dispatch(name, input, session);

describe('customer profiles', () => {
  it('creates a customer with a number, a normalized phone, an address, tags and an owner', async () => {
    await addUser(core, 'agent', 'xiaowang');
    const saved = await company('杭州西湖电梯有限公司', {
      phone: '0571-8888 6666',
      email: ' Service@XiHu-Lift.cn ',
      tier: 'key',
      province: 'ZJ',
      city: '杭州市',
      district: '西湖区',
      street: '文三路 90 号',
      tags: ['电梯', ' 重点 客户 ', '电梯'],
    });
    expect(saved.customerNo).toBe('C202611230001');
    const c = await call(core, 'customers.get', { customerId: saved.id }, 'admin');
    expect(c).toMatchObject({
      name: '杭州西湖电梯有限公司',
      phone: '+86-571-88886666',
      email: 'service@xihu-lift.cn',
      tier: 'key',
      lifecycle: 'active',
      province: 'ZJ',
      city: '杭州市',
      district: '西湖区',
      street: '文三路 90 号',
      tags: ['电梯', '重点 客户'],
      owner: null,
      orders: [],
    });
  });

  it('refuses a bad email or a landline without its area code, naming the field, and saves nothing', async () => {
    const bad = await failure('customers.save', { kind: 'company', name: '某公司', email: 'not-an-email' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'email', code: 'email' }] } } });
    const landline = await failure('customers.save', { kind: 'company', name: '某公司', phone: '8888 6666' });
    expect(landline).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'phone', code: 'phoneAreaCode' }] } } });
    expect((await call(core, 'customers.list', {}, 'admin')).items).toEqual([]);
  });

  it('computes the lifecycle from the latest request or purchase with the desk thresholds, and filters by it', async () => {
    const quiet = await company('老客户');
    clock.advance(200 * DAY);
    const busy = await company('新客户');
    const list = async (filter: Record<string, unknown>) => (await call(core, 'customers.list', filter as never, 'admin')).items.map((c) => [c.name, c.lifecycle]);
    expect(await list({})).toEqual([
      ['新客户', 'active'],
      ['老客户', 'dormant'],
    ]);
    expect(await list({ lifecycle: 'dormant' })).toEqual([['老客户', 'dormant']]);
    // A request brings a dormant customer back.
    await call(core, 'tickets.create', { customer: { id: quiet.id }, type: 'repair', channel: 'phone', subject: '电梯异响' } as never, 'admin');
    expect(await list({ lifecycle: 'active' })).toEqual([
      ['新客户', 'active'],
      ['老客户', 'active'],
    ]);
    // Thresholds are the desk's: lost after 100 days makes the busy one lost later on.
    await call(core, 'settings.update', { dormantAfterDays: 30, lostAfterDays: 100 }, 'admin');
    clock.advance(120 * DAY);
    expect(await list({ lifecycle: 'lost' })).toEqual([
      ['新客户', 'lost'],
      ['老客户', 'lost'],
    ]);
    const refused = await failure('settings.update', { lostAfterDays: 20 });
    expect(refused).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'lostAfterDays', code: 'notAfterDormant' }] } } });
    void busy;
  });

  it('lists by tier, tag, owner and text (name, number or any phone form), newest first, in pages', async () => {
    await company('甲公司', { tier: 'strategic', tags: ['电梯'], phone: '13812345678' });
    await company('乙公司', { tier: 'normal', tags: ['空调'] });
    await company('丙公司', { tier: 'strategic' });
    const names = async (filter: Record<string, unknown>) => (await call(core, 'customers.list', filter as never, 'admin')).items.map((c) => c.name);
    expect(await names({ tier: 'strategic' })).toEqual(['丙公司', '甲公司']);
    expect(await names({ tag: '空调' })).toEqual(['乙公司']);
    expect(await names({ text: '+86 138-1234-5678' })).toEqual(['甲公司']);
    expect(await names({ text: 'C202611230002' })).toEqual(['乙公司']);
    const first = await call(core, 'customers.list', { limit: 2 }, 'admin');
    expect(first.items.map((c) => c.name)).toEqual(['丙公司', '乙公司']);
    const second = await call(core, 'customers.list', { limit: 2, cursor: first.nextCursor! }, 'admin');
    expect(second.items.map((c) => c.name)).toEqual(['甲公司']);
    expect(second.nextCursor).toBeNull();
    expect(await call(core, 'customers.tags', {}, 'admin')).toEqual(['电梯', '空调'].sort());
  });

  it('keeps requests findable by the customer’s and the contact’s new name and phone after an edit', async () => {
    const c = await company('旧名公司');
    const k = await call(core, 'customers.saveContact', { customerId: c.id, name: '赵工' }, 'admin');
    const t = await call(core, 'tickets.create', { customer: { id: c.id }, contact: { id: k.id }, type: 'repair', channel: 'phone', subject: '漏水' } as never, 'admin');
    await call(core, 'customers.save', { id: c.id, kind: 'company', name: '新名集团' }, 'admin');
    await call(core, 'customers.saveContact', { id: k.id, customerId: c.id, name: '钱工', phone: '13900001111' }, 'admin');
    const found = async (text: string) => (await call(core, 'tickets.list', { text }, 'admin')).items.map((i) => i.id);
    expect(await found('新名集团')).toEqual([t.id]);
    expect(await found('旧名公司')).toEqual([]);
    expect(await found('钱工')).toEqual([t.id]);
    expect(await found('13900001111')).toEqual([t.id]);
  });

  it('keeps a customer editable when its account manager has been disabled since', async () => {
    await addUser(core, 'agent', 'xiaozhou');
    const owner = (await core.deps.db.selectFrom('users').select('id').where('username', '=', 'xiaozhou').executeTakeFirstOrThrow()).id;
    const c = await company('江南机电', { ownerId: owner });
    await core.deps.db.updateTable('users').set({ disabled: 1 }).where('id', '=', owner).execute();
    await call(core, 'customers.save', { id: c.id, kind: 'company', name: '江南机电有限公司', ownerId: owner }, 'admin');
    expect(await failure('customers.save', { kind: 'company', name: '新客户', ownerId: owner })).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'ownerId', code: 'notFound' }] } } });
  });

  it('keeps contacts with their role and preferred channel; one named on a request cannot be removed', async () => {
    const c = await company('江南机电');
    const contact = await call(core, 'customers.saveContact', { customerId: c.id, name: '陈工', phone: '138 1234 5678', role: '设备主管', preferredChannel: 'wechat' }, 'admin');
    expect(contact).toMatchObject({ phone: '+8613812345678', role: '设备主管', preferredChannel: 'wechat', email: null });
    await call(core, 'tickets.create', { customer: { id: c.id }, contact: { id: contact.id }, type: 'repair', channel: 'phone', subject: '漏水' } as never, 'admin');
    expect(await failure('customers.removeContact', { id: contact.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'contactInUse' } } });
    const spare = await call(core, 'customers.saveContact', { customerId: c.id, name: '李工' }, 'admin');
    await call(core, 'customers.removeContact', { id: spare.id }, 'admin');
    expect((await call(core, 'customers.get', { customerId: c.id }, 'admin')).contacts.map((k) => k.name)).toEqual(['陈工']);
  });
});

describe('purchase orders', () => {
  it('enters an order with lines, totals it, shows it in the timeline, and refuses a taken number', async () => {
    const c = await company('江南机电');
    const product = await call(core, 'customers.saveProduct', { productLine: '商用空调', model: 'KFR-72LW', name: '立柜式空调' }, 'admin');
    const order = await call(
      core,
      'customers.saveOrder',
      { customerId: c.id, orderNo: 'PO-2026-001', orderedOn: '2026-11-20', lines: [{ productId: product.id, quantity: 2, unitPrice: 1_280_000 }, { description: '安装辅材', quantity: 1, unitPrice: 50_000 }] },
      'admin',
    );
    expect(order).toMatchObject({ orderNo: 'PO-2026-001', source: 'manual', total: 2_610_000, lines: [{ description: '立柜式空调', product: { id: product.id } }, { description: '安装辅材', product: null }] });
    const timeline = await call(core, 'customers.timeline', { customerId: c.id, kinds: ['purchase'] }, 'admin');
    expect(timeline.items.map((i) => [i.kind, i.order?.orderNo, i.order?.total, i.ticket])).toEqual([['purchase', 'PO-2026-001', 2_610_000, null]]);
    const again = await failure('customers.saveOrder', { customerId: c.id, orderNo: 'PO-2026-001', orderedOn: '2026-11-21', lines: [{ description: '滤网', quantity: 1, unitPrice: 100 }] });
    expect(again).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'orderNo', code: 'taken' }] } } });
    await call(core, 'customers.removeOrder', { id: order.id }, 'admin');
    expect((await call(core, 'customers.get', { customerId: c.id }, 'admin')).orders).toEqual([]);
  });

  it('pages a timeline of requests and purchases without repeating or skipping', async () => {
    const c = await company('江南机电');
    for (let i = 0; i < 3; i++) {
      await call(core, 'customers.saveOrder', { customerId: c.id, orderNo: `PO-${i}`, orderedOn: `2026-11-1${i}`, lines: [{ description: '配件', quantity: 1, unitPrice: 100 }] }, 'admin');
      await call(core, 'tickets.create', { customer: { id: c.id }, type: 'repair', channel: 'phone', subject: `故障 ${i}` } as never, 'admin');
      clock.advance(DAY);
    }
    const all = await call(core, 'customers.timeline', { customerId: c.id, limit: 100 }, 'admin');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(core, 'customers.timeline', { customerId: c.id, limit: 2, ...(cursor ? { cursor } : {}) }, 'admin');
      seen.push(...page.items.map((i) => `${i.kind}:${i.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => `${i.kind}:${i.id}`));
    expect(all.items.filter((i) => i.kind === 'purchase').map((i) => i.order?.orderNo)).toEqual(['PO-2', 'PO-1', 'PO-0']);
  });
});

describe('merging customers', () => {
  it('moves every request, contact, product, order and tag, fills gaps, keeps a pointer and an audit entry', async () => {
    const into = await company('华东精密机械有限公司', { tags: ['机床'] });
    const from = await company('华东精机', { phone: '021-5555 0101', email: 'hd@example.cn', tags: ['重点'] });
    const contact = await call(core, 'customers.saveContact', { customerId: from.id, name: '王经理' }, 'admin');
    const t = await call(core, 'tickets.create', { customer: { id: from.id }, contact: { id: contact.id }, type: 'repair', channel: 'phone', subject: '主轴异响' } as never, 'admin');
    await call(core, 'customers.saveAsset', { customerId: from.id, productId: null, serialNo: 'SN-1' }, 'admin');
    await call(core, 'customers.saveOrder', { customerId: from.id, orderNo: 'PO-9', orderedOn: '2026-11-01', lines: [{ description: '刀具', quantity: 1, unitPrice: 100 }] }, 'admin');

    const result = await call(core, 'customers.merge', { fromId: from.id, intoId: into.id }, 'admin');
    expect(result).toEqual({ intoId: into.id, moved: { requests: 1, contacts: 1, assets: 1, orders: 1 } });
    const survivor = await call(core, 'customers.get', { customerId: into.id }, 'admin');
    expect(survivor).toMatchObject({ phone: '+86-21-55550101', email: 'hd@example.cn', tags: ['机床', '重点'], contacts: [{ name: '王经理' }], assets: [{ serialNo: 'SN-1' }], orders: [{ orderNo: 'PO-9' }] });
    expect((await call(core, 'tickets.get', { id: t.id }, 'admin')).customer.id).toBe(into.id);
    // The merged record points to the survivor and is out of lists and lookups.
    expect((await call(core, 'customers.get', { customerId: from.id }, 'admin')).mergedInto).toMatchObject({ id: into.id });
    expect((await call(core, 'customers.list', {}, 'admin')).items.map((c) => c.id)).toEqual([into.id]);
    expect((await call(core, 'customers.lookup', { text: '华东精' }, 'admin')).map((c) => c.id)).toEqual([into.id]);
    // Search finds the request under the survivor's name.
    const found = await call(core, 'tickets.list', { text: '华东精密机械有限公司' }, 'admin');
    expect(found.items.map((i) => i.id)).toContain(t.id);
    // The survivor's own requests are found by the phone it took from the merged record.
    const own = await call(core, 'tickets.create', { customer: { id: into.id }, type: 'repair', channel: 'phone', subject: '导轨润滑' } as never, 'admin');
    expect((await call(core, 'tickets.list', { text: '55550101' }, 'admin')).items.map((i) => i.id).sort()).toEqual([t.id, own.id].sort());
    const audit = await core.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'customer.merge').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ merged: { id: from.id, name: '华东精机' }, moved: { requests: 1 }, requestIds: [t.id] });
    // A second merge of the same record, or into a merged one, is refused.
    expect(await failure('customers.merge', { fromId: from.id, intoId: into.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await failure('customers.merge', { fromId: into.id, intoId: into.id })).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'intoId', code: 'sameCustomer' }] } } });
  });

  it('is the service manager’s: an agent may not merge', async () => {
    await addUser(core, 'agent', 'xiaoli');
    await signInAs(core, 'xiaoli');
    const a = await company('甲');
    const b = await company('乙');
    expect(await failure('customers.merge', { fromId: a.id, intoId: b.id }, 'xiaoli')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
