import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, setupDesk, testCore, type FakeClock } from '../../core/testing';
import { runServiceCheck } from '../sla/jobs';
import { yearsBefore } from './retention';

async function desk(clock?: FakeClock) {
  const { core, clock: c } = await testCore(clock);
  await setupDesk(core);
  return { core, clock: c };
}
type Core = Awaited<ReturnType<typeof desk>>['core'];

const count = (core: Core, sql: string, ...params: unknown[]) => (core.deps.sqlite.prepare(sql).get(...params) as { n: number }).n;
const found = async (core: Core, text: string) => (await call(core, 'tickets.list', { text }, 'admin')).items.map((i) => i.id);

async function customerWithHistory(core: Core) {
  const customer = await call(core, 'customers.save', { kind: 'individual', name: '张伟', phone: '13912345678', email: 'zhangwei@example.cn', street: '科技路 8 号', note: '怕吵', tags: ['老客户'] } as never, 'admin');
  const contact = await call(core, 'customers.saveContact', { customerId: customer.id, name: '李娜', phone: '13800001111' } as never, 'admin');
  const ticket = (await call(core, 'tickets.create', { customer: { id: customer.id }, contact: { id: contact.id }, type: 'repair', channel: 'phone', subject: '空调漏水', description: '张伟家住科技路 8 号，电话 13912345678' } as never, 'admin')) as unknown as { id: number; number: string };
  await call(core, 'tickets.addNote', { id: ticket.id, kind: 'reply', body: '明天上午联系张伟' }, 'admin');
  const photo = Buffer.from('personal photo bytes');
  await call(core, 'tickets.attach', { id: ticket.id, fileName: '张伟家.jpg', mimeType: 'image/jpeg', contentBase64: photo.toString('base64') }, 'admin');
  return { customer, contact, ticket };
}

describe('erasure on request (PIPL)', () => {
  it('clears every personal field and what search knew, keeping the records and their counts', async () => {
    const { core } = await desk();
    const { customer, ticket } = await customerWithHistory(core);
    const file = path.join(core.deps.dataDir, 'attachments');
    const before = { tickets: count(core, 'SELECT count(*) AS n FROM tickets'), events: count(core, 'SELECT count(*) AS n FROM ticket_events') };
    expect(await found(core, '张伟')).toEqual([ticket.id]);

    const result = await call(core, 'privacy.erase', { customerId: customer.id, reason: '客户来函要求删除' }, 'admin');
    expect(result).toEqual({ customerId: customer.id, requests: 1, contacts: 1 });

    const page = await call(core, 'customers.get', { customerId: customer.id } as never, 'admin');
    expect(page).toMatchObject({ name: customer.customerNo, phone: null, email: null, street: null, note: null, tags: [], erasedAt: expect.any(Number) });
    expect(page.contacts).toEqual([expect.objectContaining({ name: '', phone: null })]);
    const detail = await call(core, 'tickets.get', { id: ticket.id }, 'admin');
    expect(detail).toMatchObject({ subject: '空调漏水', description: '', attachments: [] });
    expect(JSON.stringify(detail)).not.toMatch(/张伟|13912345678|李娜|科技路/);
    // Search forgets the name and phone; the request is still there by its number.
    expect(await found(core, '张伟')).toEqual([]);
    expect(await found(core, '13912345678')).toEqual([]);
    expect(await found(core, ticket.number)).toEqual([ticket.id]);
    // The statistics keep every record.
    expect(count(core, 'SELECT count(*) AS n FROM tickets')).toBe(before.tickets);
    expect(count(core, 'SELECT count(*) AS n FROM ticket_events')).toBeGreaterThanOrEqual(before.events);
    // The file is gone from the data folder, and the audit keeps the counts, not the data.
    const files = fs.readdirSync(file, { recursive: true }).filter((f) => fs.statSync(path.join(file, String(f))).isFile());
    expect(files).toEqual([]);
    const entry = core.deps.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'customer.erase'").get() as { details: string };
    expect(JSON.parse(entry.details)).toMatchObject({ reason: '客户来函要求删除', requests: 1, contacts: 1 });
    expect(entry.details).not.toMatch(/张伟|13912345678/);
    // Nor did the trail keep them when the records were written.
    expect(count(core, "SELECT count(*) AS n FROM audit_log WHERE details LIKE '%张伟%' OR details LIKE '%13912345678%' OR details LIKE '%李娜%'")).toBe(0);
  });

  it('takes the records merged into the customer along, and refuses a merged record itself', async () => {
    const { core } = await desk();
    const keep = await call(core, 'customers.save', { kind: 'company', name: '江南机电' } as never, 'admin');
    const old = await call(core, 'customers.save', { kind: 'company', name: '江南机电老户', phone: '021-55550101' } as never, 'admin');
    await call(core, 'tickets.create', { customer: { id: old.id }, type: 'repair', channel: 'phone', subject: '主轴过热', description: '联系人王工 021-55550101' } as never, 'admin');
    await call(core, 'customers.merge', { fromId: old.id, intoId: keep.id }, 'admin');
    expect(await core.dispatch('privacy.erase', { customerId: old.id, reason: 'x' }, 'admin')).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'merged', intoId: keep.id } } });
    expect(await call(core, 'privacy.erase', { customerId: keep.id, reason: '注销' }, 'admin')).toMatchObject({ requests: 1 });
    const merged = core.deps.sqlite.prepare('SELECT name, phone, erased_at FROM customers WHERE id = ?').get(old.id) as { name: string; phone: string | null; erased_at: number | null };
    expect(merged).toMatchObject({ name: old.customerNo, phone: null, erased_at: expect.any(Number) });
    expect(await found(core, '55550101')).toEqual([]);
    // Nothing merges into an erased customer: it would take the other record's phone and address.
    const another = await call(core, 'customers.save', { kind: 'company', name: '江南机电分部', phone: '021-55550102' } as never, 'admin');
    expect(await core.dispatch('customers.merge', { fromId: another.id, intoId: keep.id }, 'admin')).toMatchObject({
      error: { code: 'VALIDATION', details: { fields: [{ path: 'intoId', code: 'erased' }] } },
    });
  });
});

describe('retention of closed requests’ personal text', () => {
  it('purges requests closed longer than the set years, oldest first, and nothing else', async () => {
    const start = Date.UTC(2022, 0, 10, 2, 0, 0);
    const clock = (await import('../../core/testing')).fakeClock(start);
    const { core } = await desk(clock);
    const customer = await call(core, 'customers.save', { kind: 'company', name: '江南机电' } as never, 'admin');
    const make = async (description: string) =>
      (await call(core, 'tickets.create', { customer: { id: customer.id }, type: 'consultation', channel: 'phone', subject: '咨询', description } as never, 'admin')) as unknown as { id: number; version: number };
    const old = await make('旧的 13912345678');
    await call(core, 'tickets.close', { id: old.id, version: old.version, note: '客户已自行解决 电话 13912345678' }, 'admin');
    clock.set(Date.UTC(2024, 5, 1));
    const recent = await make('较新的');
    await call(core, 'tickets.close', { id: recent.id, version: recent.version, note: '已答复' }, 'admin');
    const open = await make('还在处理');

    clock.set(Date.UTC(2026, 10, 24));
    // Off by default: nothing happens.
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ purged: 0 });
    await call(core, 'settings.update', { personalDataYears: 3 }, 'admin');
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ purged: 1 });
    expect(await call(core, 'tickets.get', { id: old.id }, 'admin')).toMatchObject({ description: '' });
    expect((await call(core, 'tickets.get', { id: old.id }, 'admin')).events.every((e) => e.note === null)).toBe(true);
    expect(await call(core, 'tickets.get', { id: recent.id }, 'admin')).toMatchObject({ description: '较新的' });
    expect(await call(core, 'tickets.get', { id: open.id }, 'admin')).toMatchObject({ description: '还在处理' });
    expect(await found(core, '13912345678')).toEqual([]);
    // Done once: the next minute finds nothing more to purge.
    expect((await runServiceCheck(core.deps)).summary).toMatchObject({ purged: 0 });
    expect(count(core, "SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.retention'")).toBe(1);
  });

  it('counts years on the calendar', () => {
    expect(new Date(yearsBefore(Date.UTC(2026, 10, 24, 2), 3)).toISOString()).toBe('2023-11-24T02:00:00.000Z');
    expect(new Date(yearsBefore(Date.UTC(2028, 1, 29, 2), 1)).toISOString()).toBe('2027-02-28T02:00:00.000Z');
  });
});
