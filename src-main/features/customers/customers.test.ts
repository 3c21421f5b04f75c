import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../core/createCore';
import { call, fakeClock, setupDesk, testCore } from '../../core/testing';

let core: Core;

beforeEach(async () => {
  ({ core } = await testCore(fakeClock(Date.UTC(2026, 10, 23, 2, 0))));
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
