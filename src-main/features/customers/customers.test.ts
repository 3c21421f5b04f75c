import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../core/createCore';
import { addUser, call, fakeClock, setupDesk, signInAs, testCore, type FakeClock } from '../../core/testing';
import { warrantyState } from '../../../src-shared/domain/warranty';

let core: Core;
let clock: FakeClock;
const HOUR = 3_600_000;

beforeEach(async () => {
  ({ core, clock } = await testCore(fakeClock(Date.UTC(2026, 10, 23, 2, 0))));
  await setupDesk(core);
});

/** A request that creates the customer (and contact) typed into the intake form. */
async function enter(customer: { name: string; phone?: string }, contact?: { name: string; phone?: string }) {
  const t = await call(core, 'tickets.create', { customer, ...(contact ? { contact } : {}), type: 'repair', channel: 'phone', subject: '空调漏水' } as never, 'admin');
  return t.customer;
}

const duplicates = (input: { name: string; phone?: string }) => call(core, 'customers.possibleDuplicates', input, 'admin');

describe('possible duplicates when a customer is entered', () => {
  it('finds the same company under another legal form, width or spacing', async () => {
    const known = await enter({ name: '华东精密机械有限公司' });
    await enter({ name: '华东机械' });
    for (const name of ['华东精密机械', ' 华东 精密机械 股份有限公司', '华东精密机械有限公司']) {
      expect((await duplicates({ name })).map((c) => [c.id, c.reasons])).toEqual([[known.id, ['name']]]);
    }
    expect(await duplicates({ name: '华东精密机械（上海）有限公司' })).toEqual([]);
  });

  it('finds the same phone however typed, on the customer or one of its contacts', async () => {
    const byCustomer = await enter({ name: '江南机电', phone: '021-5555 0101' });
    const byContact = await enter({ name: '北方重工' }, { name: '王经理', phone: '138 1234 5678' });
    expect((await duplicates({ name: '新客户', phone: '+86 (21) 55550101' })).map((c) => [c.id, c.reasons])).toEqual([[byCustomer.id, ['phone']]]);
    const found = await duplicates({ name: '北方重工有限公司', phone: '+86 13812345678' });
    expect(found.map((c) => [c.id, c.reasons])).toEqual([[byContact.id, ['name', 'phone']]]);
    expect(found[0]!.contacts).toEqual([{ id: expect.any(Number), name: '王经理', phone: '+8613812345678' }]);
  });

  it('refuses a phone it cannot read, with the field named', async () => {
    expect(await core.dispatch('customers.possibleDuplicates', { name: 'x', phone: 'call me' }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'phone', code: 'phone' }] } },
    });
  });
});

describe('customer lookup', () => {
  it('finds a customer by its phone however typed', async () => {
    const c = await enter({ name: '江南机电', phone: '021-5555 0101' });
    expect((await call(core, 'customers.lookup', { text: '(021) 5555-0101' }, 'admin')).map((r) => r.id)).toEqual([c.id]);
  });
});

describe('the customer 360 page', () => {
  it('counts open work, resolution time, satisfaction and complaints, and lists the installed base with warranty states', async () => {
    await addUser(core, 'engineer', 'wang');
    await signInAs(core, 'wang');
    const wang = (await call(core, 'users.assignees', {}, 'admin')).find((u) => u.displayName === 'wang')!.id;
    const first = await call(core, 'tickets.create', { customer: { name: '江南机电', phone: '021-5555 0101' }, contact: { name: '王经理', phone: '13812345678' }, type: 'repair', channel: 'phone', subject: '空调漏水' } as never, 'admin');
    const customerId = first.customer.id;
    await call(core, 'tickets.create', { customer: { id: customerId }, type: 'complaint', channel: 'phone', subject: '工程师迟到', complaint: { severity: 'medium', party: 'process' } } as never, 'admin');
    // The first is resolved 6 hours after entry and followed up with a 4.
    let t = await call(core, 'tickets.assign', { id: first.id, version: first.version, engineerId: wang }, 'admin');
    clock.advance(6 * HOUR);
    const start = clock.now() - 2 * HOUR;
    t = await call(core, 'tickets.logWork', { id: t.id, version: t.version, kind: 'onsite', startedAt: start, endedAt: start + HOUR, workMinutes: 60, parts: [], labourFee: 0, travelFee: 0, chargeable: false, findings: '疏通冷凝水管', outcome: 'resolved' } as never, 'wang');
    await call(core, 'tickets.recordFollowUp', { id: t.id, version: t.version, satisfaction: 4, satisfied: true, comment: '满意' }, 'admin');
    const product = await core.deps.db.insertInto('products').values({ product_line: 'HVAC', model: 'KFR-72LW', name: '柜式空调' }).returning('id').executeTakeFirstOrThrow();
    for (const [serial, start, end] of [['SN-1', '2026-01-01', '2027-12-31'], ['SN-2', '2025-01-01', '2026-12-01'], ['SN-3', '2023-01-01', '2025-12-31'], ['SN-4', null, null]] as const) {
      await core.deps.db.insertInto('assets').values({ customer_id: customerId, product_id: product.id, serial_no: serial, warranty_start: start, warranty_end: end, agreement_id: null, created_at: clock.now() }).execute();
    }

    const page = await call(core, 'customers.get', { customerId }, 'admin');
    expect(page).toMatchObject({ name: '江南机电', phone: '+86-21-55550101', contacts: [{ name: '王经理', phone: '+8613812345678' }] });
    expect(page.kpis).toEqual({ openRequests: 1, requestsLast12Months: 2, meanResolutionHours: 6, lastContactAt: clock.now(), csatAverage: 4, followUps: 1, complaints: 1 });
    expect(page.assets.map((a) => [a.serialNo, a.warranty, a.product?.model])).toEqual([
      ['SN-1', 'in_warranty', 'KFR-72LW'],
      ['SN-2', 'expiring', 'KFR-72LW'],
      ['SN-3', 'expired', 'KFR-72LW'],
      ['SN-4', 'none', 'KFR-72LW'],
    ]);
    expect(await core.dispatch('customers.get', { customerId: 999 }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('tells warranty states by the desk day', () => {
    expect(warrantyState('2026-01-01', '2026-12-31', '2026-12-01')).toBe('expiring');
    expect(warrantyState('2026-01-01', '2026-12-31', '2026-11-30')).toBe('in_warranty');
    expect(warrantyState('2026-01-01', '2026-12-31', '2027-01-01')).toBe('expired');
    expect(warrantyState('2027-01-01', '2027-12-31', '2026-11-30')).toBe('not_started');
    expect(warrantyState(null, null, '2026-11-30')).toBe('none');
  });

  it('has one timeline of every request, newest first, narrowed by kind and paged without gaps', async () => {
    const a = await call(core, 'tickets.create', { customer: { name: '江南机电' }, type: 'repair', channel: 'phone', subject: '空调漏水' } as never, 'admin');
    const customerId = a.customer.id;
    clock.advance(HOUR);
    await call(core, 'tickets.addNote', { id: a.id, kind: 'reply', body: '工程师明天上门' }, 'admin');
    await call(core, 'tickets.addNote', { id: a.id, kind: 'internal', body: '重点客户' }, 'admin');
    clock.advance(HOUR);
    const c = await call(core, 'tickets.create', { customer: { id: customerId }, type: 'complaint', channel: 'phone', subject: '工程师迟到', complaint: { severity: 'low', party: 'process' } } as never, 'admin');
    // Another customer's history stays out.
    await call(core, 'tickets.create', { customer: { name: '北方重工' }, type: 'repair', channel: 'phone', subject: '别家' } as never, 'admin');

    const all = await call(core, 'customers.timeline', { customerId }, 'admin');
    expect(all.items.map((i) => [i.kind, i.eventKind, i.ticket?.id])).toEqual([
      ['other', 'slaComputed', c.id],
      ['complaint', 'created', c.id],
      ['note', 'note', a.id],
      ['reply', 'reply', a.id],
      ['other', 'slaComputed', a.id],
      ['request', 'created', a.id],
    ]);
    expect(all.nextCursor).toBeNull();
    const narrowed = await call(core, 'customers.timeline', { customerId, kinds: ['reply', 'complaint'] }, 'admin');
    expect(narrowed.items.map((i) => [i.kind, i.note ?? i.ticket?.subject])).toEqual([
      ['complaint', '工程师迟到'],
      ['reply', '工程师明天上门'],
    ]);
    expect((await call(core, 'customers.timeline', { customerId, kinds: ['request'] }, 'admin')).items.map((i) => i.ticket?.id)).toEqual([a.id]);

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(core, 'customers.timeline', { customerId, limit: 2, ...(cursor ? { cursor } : {}) }, 'admin');
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));

    // The desk's own bookkeeping later on is no contact with the customer.
    const lastContact = clock.now();
    clock.advance(HOUR);
    await call(core, 'tickets.setPriority', { id: a.id, version: (await call(core, 'tickets.get', { id: a.id }, 'admin')).version, priority: 'high' }, 'admin');
    expect((await call(core, 'customers.get', { customerId }, 'admin')).kpis.lastContactAt).toBe(lastContact);
  });
});

describe('the installed base', () => {
  it('records a product with its warranty, whose agreement then applies to requests about it', async () => {
    await addUser(core, 'agent', 'agent1');
    await addUser(core, 'engineer', 'wang');
    await signInAs(core, 'agent1');
    await signInAs(core, 'wang');
    const customer = await enter({ name: '江南机电' });
    const product = await core.deps.db.insertInto('products').values({ product_line: 'HVAC', model: 'KFR-72LW', name: '柜式空调' }).returning('id').executeTakeFirstOrThrow();
    const vip = (await call(core, 'sla.agreements', {}, 'admin')).find((a) => a.name === 'VIP')!;
    const unit = { customerId: customer.id, productId: product.id, serialNo: 'SN-0001', installDate: '2026-03-01', location: '3 楼机房', warrantyStart: '2026-03-01', warrantyEnd: '2028-02-29', agreementId: vip.id };

    // The warranty's agreement decides SLA terms: agents record the unit, agreement admins choose its terms.
    expect(await core.dispatch('customers.saveAsset', unit, 'agent1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const recorded = await call(core, 'customers.saveAsset', { ...unit, agreementId: null }, 'agent1');
    const saved = await call(core, 'customers.saveAsset', { ...unit, id: recorded.id }, 'admin');
    expect(saved).toMatchObject({ serialNo: 'SN-0001', location: '3 楼机房', warranty: 'in_warranty', product: { model: 'KFR-72LW' }, agreement: { name: 'VIP' } });
    const t = await call(core, 'tickets.create', { customer: { id: customer.id }, productId: product.id, type: 'repair', channel: 'phone', subject: '不制冷' } as never, 'agent1');
    expect(t.agreement).toMatchObject({ basis: 'warranty', agreement: { name: 'VIP' } });
    expect(t.warranty).toEqual({ serialNo: 'SN-0001', warrantyEnd: '2028-02-29', state: 'in_warranty' });

    // Edited by the agent (keeping its agreement): the warranty ended last year, so a new
    // request about the unit is not covered.
    const edited = await call(core, 'customers.saveAsset', { ...unit, id: saved.id, warrantyStart: '2023-03-01', warrantyEnd: '2025-02-28' }, 'agent1');
    expect(edited.warranty).toBe('expired');
    const later = await call(core, 'tickets.create', { customer: { id: customer.id }, productId: product.id, type: 'repair', channel: 'phone', subject: '又不制冷' } as never, 'agent1');
    expect(later.warranty).toMatchObject({ state: 'expired' });
    expect(later.agreement).toMatchObject({ basis: 'default' });
    expect((await call(core, 'customers.get', { customerId: customer.id }, 'agent1')).assets.map((a) => a.id)).toEqual([saved.id]);
    await call(core, 'customers.removeAsset', { id: saved.id }, 'agent1');
    expect((await call(core, 'customers.get', { customerId: customer.id }, 'agent1')).assets).toEqual([]);
  });

  it('refuses bad records with the field named, and engineers only read them', async () => {
    await addUser(core, 'engineer', 'wang');
    await signInAs(core, 'wang');
    const customer = await enter({ name: '江南机电' });
    const product = await core.deps.db.insertInto('products').values({ product_line: 'HVAC', model: 'KFR-72LW', name: '柜式空调' }).returning('id').executeTakeFirstOrThrow();
    const unit = { customerId: customer.id, productId: product.id, serialNo: 'SN-0001' };
    await call(core, 'customers.saveAsset', unit, 'admin');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...unit, serialNo: 'SN-0002', warrantyStart: '2026-03-01', warrantyEnd: '2025-03-01' }, 'warrantyEnd', 'beforeStart'],
      [{ ...unit, serialNo: 'SN-0002', warrantyStart: '2026-03-01' }, 'warrantyEnd', 'required'],
      [{ ...unit, serialNo: 'SN-0002', productId: 999 }, 'productId', 'notFound'],
      [{ ...unit, serialNo: 'SN-0002', agreementId: 999 }, 'agreementId', 'notFound'],
      [unit, 'serialNo', 'taken'],
    ];
    const gold = (await call(core, 'sla.agreements', {}, 'admin')).find((a) => a.name === '金牌 Gold')!;
    const { calendarName: _c, customerCount: _n, ...goldInput } = gold;
    await call(core, 'sla.saveAgreement', { ...goldInput, active: false }, 'admin');
    cases.push([{ ...unit, serialNo: 'SN-0002', agreementId: gold.id }, 'agreementId', 'notInForce']);
    for (const [input, path, code] of cases) {
      expect(await core.dispatch('customers.saveAsset', input, 'admin')).toMatchObject({ ok: false, error: { details: { fields: [{ path, code }] } } });
    }
    expect(await core.dispatch('customers.saveAsset', { ...unit, serialNo: 'SN-0003' }, 'wang')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call(core, 'customers.get', { customerId: customer.id }, 'wang')).assets).toHaveLength(1);
  });
});

describe('the product catalog', () => {
  it('adds and edits models, refuses a model twice, and is the service managers\' and admins\' to keep', async () => {
    await addUser(core, 'agent', 'agent1');
    await addUser(core, 'supervisor', 'boss');
    await signInAs(core, 'agent1');
    await signInAs(core, 'boss');
    const added = await call(core, 'customers.saveProduct', { productLine: '商用空调', model: 'KFR-120LW', name: '柜式空调 5 匹' }, 'boss');
    expect(added).toMatchObject({ productLine: '商用空调', model: 'KFR-120LW', name: '柜式空调 5 匹' });
    expect(await call(core, 'customers.saveProduct', { id: added.id, productLine: '商用空调', model: 'KFR-120LW', name: '柜式空调（5 匹）' }, 'admin')).toMatchObject({ name: '柜式空调（5 匹）' });
    expect(await core.dispatch('customers.saveProduct', { productLine: '商用空调', model: 'kfr-120lw', name: '重复' }, 'boss')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'model', code: 'taken' }] } },
    });
    expect(await core.dispatch('customers.saveProduct', { productLine: 'x', model: 'y', name: 'z' }, 'agent1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call(core, 'customers.products', {}, 'agent1')).map((p) => p.model)).toContain('KFR-120LW');
  });
});
