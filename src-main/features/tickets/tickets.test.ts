import { beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail, TicketPage } from '../../../src-shared/contract';
import type { Core } from '../../core/createCore';
import { addUser, fakeClock, setupDesk, signInAs, testCore, unwrap, type FakeClock } from '../../core/testing';

let core: Core;
let clock: FakeClock;

beforeEach(async () => {
  ({ core, clock } = await testCore(fakeClock(Date.UTC(2026, 10, 23, 17, 30))));
  await setupDesk(core);
});

async function create(input: Record<string, unknown>, session = 'admin'): Promise<TicketDetail> {
  return unwrap(await core.dispatch('tickets.create', { type: 'repair', channel: 'phone', ...input }, session)) as TicketDetail;
}

async function list(input: Record<string, unknown>): Promise<TicketPage> {
  return unwrap(await core.dispatch('tickets.list', input, 'admin')) as TicketPage;
}

function count(table: string): number {
  return (core.deps.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('creating a service request', () => {
  it('creates the customer and contact typed into the form, numbers it by the desk day, and records history', async () => {
    // 17:30 UTC on the 23rd is 01:30 on the 24th in Shanghai: the number uses the desk's day.
    const t = await create({
      customer: { name: '华东精密机械有限公司', phone: '+86 21 5555 0101' },
      contact: { name: '王经理', phone: '13812345678' },
      priority: 'high',
      subject: '空调漏水',
      description: '机房空调室内机漏水，E4 故障码',
      requestedBy: '2026-11-26',
    });
    expect(t).toMatchObject({
      number: 'SR-20261124-0001',
      status: 'pending_assignment',
      priority: 'high',
      requestedBy: '2026-11-26',
      // Phones are stored in one form whatever way they were typed (domain/phone.ts).
      customer: { name: '华东精密机械有限公司', customerNo: 'C202611240001', phone: '+86-21-55550101' },
      contact: { name: '王经理', phone: '+8613812345678' },
      createdByName: '管理员',
      events: [
        { kind: 'created', toStatus: 'pending_assignment', actorName: '管理员' },
        // The desk's default agreement (Standard, shipped) starts the SLA clock.
        { kind: 'slaComputed', actorName: null, details: { reason: 'created', basis: 'default', agreementName: '标准 Standard' } },
      ],
    });
    const second = await create({ customer: { id: t.customer.id }, contact: { id: t.contact!.id }, subject: '再次漏水' });
    expect(second.number).toBe('SR-20261124-0002');
    expect(count('customers')).toBe(1);
  });

  it('rejects bad input with field details and writes nothing', async () => {
    const before = ['tickets', 'customers', 'contacts', 'ticket_events', 'counters'].map(count);
    const bad = [
      { customer: { name: '' }, subject: 'x' },
      { customer: { name: 'A' }, subject: '' },
      { customer: { name: 'A' }, subject: 'x', type: 'nonsense' },
      { customer: { name: 'A' }, subject: 'x', requestedBy: '2026-13-45' },
      { customer: { name: 'A', phone: 'call me' }, subject: 'x' },
      { customer: { name: 'A' }, subject: 'x'.repeat(201) },
    ];
    for (const input of bad) {
      const result = await core.dispatch('tickets.create', { type: 'repair', channel: 'phone', ...input }, 'admin');
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    // References that do not exist are refused inside the transaction: nothing half-written.
    const missing = await core.dispatch(
      'tickets.create',
      { type: 'repair', channel: 'phone', customer: { name: 'New Co' }, productId: 999, subject: 'x' },
      'admin',
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'productId', code: 'notFound' }] } } });
    // A landline without its area code could be any city's: the agent is asked for it.
    const local = await core.dispatch('tickets.create', { type: 'repair', channel: 'phone', customer: { name: 'A', phone: '5555 0101' }, subject: 'x' }, 'admin');
    expect(local).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'customer.phone', code: 'phoneAreaCode' }] } } });
    expect(['tickets', 'customers', 'contacts', 'ticket_events', 'counters'].map(count)).toEqual(before);
  });

  it("refuses a contact that belongs to another customer", async () => {
    const a = await create({ customer: { name: 'A 公司' }, contact: { name: '甲' }, subject: 'one' });
    const b = await create({ customer: { name: 'B 公司' }, subject: 'two' });
    const result = await core.dispatch(
      'tickets.create',
      { type: 'repair', channel: 'phone', customer: { id: b.customer.id }, contact: { id: a.contact!.id }, subject: 'x' },
      'admin',
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'contact.id' }] } } });
  });

  it('lets agents create and engineers only read', async () => {
    await addUser(core, 'agent', 'agent1');
    await addUser(core, 'engineer', 'eng1');
    await signInAs(core, 'agent1');
    await signInAs(core, 'eng1');
    await create({ customer: { name: 'C' }, subject: 'by agent' }, 'agent1');
    const byEngineer = await core.dispatch('tickets.create', { type: 'repair', channel: 'phone', customer: { name: 'C' }, subject: 'x' }, 'eng1');
    expect(byEngineer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((unwrap(await core.dispatch('tickets.list', {}, 'eng1')) as TicketPage).items).toHaveLength(1);
  });
});

describe('the queue', () => {
  beforeEach(async () => {
    const subjects = ['空调漏水', '电梯门异响', '打印机卡纸 paper jam', '申请退款', '空调不制冷 E4', '净水器漏水'];
    for (let i = 0; i < 30; i++) {
      clock.advance(60_000);
      await create({
        customer: { name: i % 2 ? '深圳宏达电子' : 'Acme Industrial Ltd' },
        subject: subjects[i % subjects.length],
        priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4],
        type: i % 5 === 0 ? 'installation' : 'repair',
        requestedBy: i % 3 === 0 ? undefined : `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
      });
    }
  });

  async function all(input: Record<string, unknown>): Promise<TicketPage['items']> {
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await list({ ...input, cursor, limit: 7 });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  it('pages newest first with keyset cursors, no gaps and no repeats', async () => {
    const items = await all({});
    expect(items.map((t) => t.id)).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
  });

  it('sorts by priority and by requested-by date (undated last) across pages', async () => {
    const byPriority = await all({ sort: 'priority_desc' });
    const ranks = { low: 0, normal: 1, high: 2, urgent: 3 };
    expect(byPriority).toHaveLength(30);
    for (let i = 1; i < byPriority.length; i++) {
      const [a, b] = [byPriority[i - 1]!, byPriority[i]!];
      expect(ranks[a.priority] > ranks[b.priority] || (a.priority === b.priority && a.id > b.id)).toBe(true);
    }
    const byDate = await all({ sort: 'requested_asc' });
    expect(byDate).toHaveLength(30);
    const keys = byDate.map((t) => `${t.requestedBy ?? '9999-12-31'}#${String(t.id).padStart(4, '0')}`);
    expect(keys).toEqual([...keys].sort());
    expect(byDate.at(-1)!.requestedBy).toBeNull();
  });

  it('filters by status, type, priority and assignee', async () => {
    expect(await all({ type: ['installation'] })).toHaveLength(6);
    expect(await all({ priority: ['urgent', 'low'] })).toHaveLength(15);
    expect(await all({ status: ['closed'] })).toHaveLength(0);
    expect(await all({ assignee: 'none' })).toHaveLength(30);
    expect(await all({ assignee: 1 })).toHaveLength(0);
  });

  it('finds Chinese terms of any length, English words and numbers', async () => {
    expect(await all({ text: '漏水' })).toHaveLength(10);
    expect(await all({ text: '漏' })).toHaveLength(10);
    expect(await all({ text: '空调' })).toHaveLength(10);
    expect(await all({ text: '不制冷' })).toHaveLength(5);
    expect(await all({ text: '空调漏水' })).toHaveLength(5);
    expect(await all({ text: '调漏' })).toHaveLength(5);
    expect(await all({ text: 'PAPER' })).toHaveLength(5);
    expect(await all({ text: 'pap' })).toHaveLength(5);
    expect(await all({ text: 'e4' })).toHaveLength(5);
    expect(await all({ text: '退款 宏达' })).toHaveLength(5);
    expect(await all({ text: '退款 acme' })).toHaveLength(0);
    expect(await all({ text: 'acme' })).toHaveLength(15);
    expect(await all({ text: '宏达' })).toHaveLength(15);
    expect(await all({ text: 'SR-20261124-0007' })).toHaveLength(1);
    expect(await all({ text: '冰箱' })).toHaveLength(0);
    expect(await all({ text: '漏水', priority: ['low'] })).toHaveLength(3);
  });

  it('does not match bigrams that only touch across words', async () => {
    await create({ customer: { name: 'Z' }, subject: '门 异常，空调 调试' });
    expect(await all({ text: '空调调试' })).toHaveLength(0);
    expect(await all({ text: '调试' })).toHaveLength(1);
  });

  it('finds one character at the start, middle or end of a word, or alone', async () => {
    const t = await create({ customer: { name: 'Z' }, subject: '氟利昂 泄 Q' });
    const found = async (text: string) => (await all({ text })).map((i) => i.id).includes(t.id);
    for (const c of ['氟', '利', '昂', '泄']) expect(await found(c)).toBe(true);
    expect(await found('冰')).toBe(false);
  });

  it('pages every filter combination and sort exactly like a full scan would', async () => {
    // Spread states and owners straight in the table so every index branch has rows.
    await addUser(core, 'engineer', 'e1');
    await addUser(core, 'engineer', 'e2');
    const statuses = ['pending_assignment', 'assigned', 'closed', 'locked', 'on_hold'];
    core.deps.sqlite.exec(`UPDATE tickets SET status = CASE id % 5 ${statuses.map((st, i) => `WHEN ${i} THEN '${st}'`).join(' ')} END,
      assignee_id = CASE WHEN id % 3 = 0 THEN NULL ELSE (SELECT id FROM users WHERE username = CASE id % 2 WHEN 0 THEN 'e1' ELSE 'e2' END) END`);
    const rows = core.deps.sqlite
      .prepare("SELECT id, status, type, priority, assignee_id AS assignee, ifnull(requested_by, '9999-12-31') AS req FROM tickets")
      .all() as { id: number; status: string; type: string; priority: number; assignee: number | null; req: string }[];
    const e1 = (core.deps.sqlite.prepare("SELECT id FROM users WHERE username = 'e1'").get() as { id: number }).id;
    const ranks = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
    const cases: Record<string, unknown>[] = [
      { status: ['pending_assignment', 'assigned', 'locked'] },
      { status: ['closed'], priority: ['urgent', 'high'] },
      { type: ['repair', 'installation'], priority: ['low'] },
      { assignee: e1, status: ['assigned', 'closed', 'on_hold'] },
      { assignee: 'none', type: ['repair'] },
      { priority: ['normal', 'urgent'] },
      {},
    ];
    for (const filter of cases) {
      for (const sort of ['created_desc', 'created_asc', 'priority_desc', 'requested_asc'] as const) {
        const expected = rows
          .filter((r) => !filter.status || (filter.status as string[]).includes(r.status))
          .filter((r) => !filter.type || (filter.type as string[]).includes(r.type))
          .filter((r) => !filter.priority || (filter.priority as (keyof typeof ranks)[]).map((p): number => ranks[p]).includes(r.priority))
          .filter((r) => filter.assignee === undefined || (filter.assignee === 'none' ? r.assignee === null : r.assignee === filter.assignee))
          .sort((a, b) => {
            if (sort === 'created_desc') return b.id - a.id;
            if (sort === 'created_asc') return a.id - b.id;
            if (sort === 'priority_desc') return b.priority - a.priority || b.id - a.id;
            return a.req.localeCompare(b.req) || a.id - b.id;
          })
          .map((r) => r.id);
        expect((await all({ ...filter, sort })).map((t) => t.id), JSON.stringify({ filter, sort })).toEqual(expected);
      }
    }
  });

  it('rejects a forged cursor with VALIDATION', async () => {
    expect(await core.dispatch('tickets.list', { cursor: 'not-a-cursor' }, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('returns the detail page and NOT_FOUND for unknown ids', async () => {
    expect(unwrap(await core.dispatch('tickets.get', { id: 3 }, 'admin'))).toMatchObject({ id: 3, subject: '打印机卡纸 paper jam' });
    expect(await core.dispatch('tickets.get', { id: 999 }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('tells listeners which requests changed', async () => {
    const seen: unknown[] = [];
    core.events.subscribe((name, payload) => seen.push({ name, payload }));
    const t = await create({ customer: { name: 'Q' }, subject: 'x' });
    expect(seen).toEqual([{ name: 'tickets.changed', payload: { ids: [t.id] } }]);
  });
});
