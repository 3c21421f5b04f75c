import { describe, expect, it } from 'vitest';
import type { TicketDetail, TicketPage } from '../../../src-shared/contract';
import { normalizePhone } from '../../../src-shared/domain/phone';
import { dayKey, isoDay } from '../../../src-shared/domain/time';
import { fakeClock, setupDesk, testCore, unwrap } from '../../core/testing';
import type { Core } from '../../core/createCore';
import { verifyPassword } from '../users/password';
import { runServiceCheck } from '../sla/jobs';
import { seedDemoData } from './seed';
import { recomputedRows, storedRows } from '../dashboard/rebuild';

const TZ = 'Asia/Shanghai';

async function seededDesk(tickets: number, seed: number): Promise<Core> {
  const clock = fakeClock();
  const { core } = await testCore(clock);
  await setupDesk(core);
  seedDemoData(core.deps.sqlite, { tickets, seed, now: clock.now(), timeZone: TZ });
  return core;
}

function all<T>(core: Core, sql: string): T[] {
  return core.deps.sqlite.prepare(sql).all() as T[];
}

function snapshot(core: Core): unknown {
  return {
    users: all(core, 'SELECT id, username, display_name, role, created_at FROM users ORDER BY id'),
    customers: all(core, 'SELECT * FROM customers ORDER BY id'),
    contacts: all(core, 'SELECT * FROM contacts ORDER BY id'),
    products: all(core, 'SELECT * FROM products ORDER BY id'),
    tickets: all(core, 'SELECT * FROM tickets ORDER BY id'),
    events: all(core, 'SELECT * FROM ticket_events ORDER BY id'),
    counters: all(core, 'SELECT * FROM counters ORDER BY key'),
  };
}

interface TicketRow {
  id: number;
  number: string;
  subject: string;
  type: string;
  customer_id: number;
  product_id: number | null;
  status: string;
  assignee_id: number | null;
  created_at: number;
  updated_at: number;
  requested_by: string | null;
  lock_reason: string | null;
  closed_at: number | null;
}

/** Every id tickets.list returns for a search, page after page. */
async function searchAll(core: Core, text: string): Promise<Set<number>> {
  const ids = new Set<number>();
  let cursor: string | undefined;
  do {
    const page = unwrap(await core.dispatch('tickets.list', { text, limit: 200, ...(cursor ? { cursor } : {}) }, 'admin')) as TicketPage;
    for (const item of page.items) ids.add(item.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** A two-character Chinese word from the subject, or (English subjects) its longest word. */
function searchWord(subject: string): string {
  const han = /\p{Script=Han}{2}/u.exec(subject);
  if (han) return han[0];
  return subject.split(/[^A-Za-z]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

describe('seedDemoData', () => {
  it('is deterministic for a seed and differs between seeds', async () => {
    const a = await seededDesk(400, 42);
    const b = await seededDesk(400, 42);
    const c = await seededDesk(400, 43);
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).not.toEqual(snapshot(c));
  });

  it('loads the counts asked for, with numbers, phones and history that hold together', async () => {
    const core = await seededDesk(2000, 1);
    const count = (sql: string) => (core.deps.sqlite.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM tickets')).toBe(2000);
    expect(count('SELECT count(*) AS n FROM customers')).toBe(100);
    expect(count("SELECT count(*) AS n FROM users WHERE role = 'engineer'")).toBe(8);
    expect(count('SELECT count(DISTINCT number) AS n FROM tickets')).toBe(2000);
    expect(count('SELECT count(DISTINCT customer_no) AS n FROM customers')).toBe(100);
    // The dashboard's rollups, taken a batch at a time, equal a full recomputation.
    expect(await storedRows(core.deps.db)).toEqual(await recomputedRows(core.deps.db));
    expect(count("SELECT count(*) AS n FROM tickets WHERE dim_tier IS NULL")).toBe(0);

    const tickets = all<TicketRow>(core, 'SELECT * FROM tickets ORDER BY id');
    const now = core.deps.clock.now();
    const closed = tickets.filter((t) => t.status === 'closed').length / tickets.length;
    expect(closed).toBeGreaterThan(0.78);
    expect(closed).toBeLessThan(0.92);
    for (let i = 0; i < tickets.length; i++) {
      const t = tickets[i]!;
      expect(t.number).toMatch(/^SR-\d{8}-\d{4}$/);
      expect(t.number.slice(3, 11)).toBe(dayKey(t.created_at, TZ));
      if (i > 0) expect(t.created_at).toBeGreaterThanOrEqual(tickets[i - 1]!.created_at);
      expect(t.created_at).toBeGreaterThan(now - 3 * 366 * 86_400_000);
      expect(t.updated_at).toBeGreaterThanOrEqual(t.created_at);
      expect(t.updated_at).toBeLessThanOrEqual(now);
      // Nobody owns a request that waits for assignment or was locked for want of one.
      expect(t.assignee_id === null).toBe(t.status === 'pending_assignment' || t.lock_reason === 'not_assigned_by_requested_date');
      if (t.status === 'locked') expect(t.lock_reason).not.toBeNull();
      if (t.status === 'closed') expect(t.closed_at).not.toBeNull();
      if (t.requested_by !== null) expect(t.requested_by).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const events = count('SELECT count(*) AS n FROM ticket_events');
    expect(events).toBe(2000 + tickets.filter((t) => t.status !== 'pending_assignment').length);

    for (const { phone, kind } of all<{ phone: string; kind: string }>(core, 'SELECT phone, kind FROM customers')) {
      expect(phone).toMatch(kind === 'company' ? /^\+86-\d{2,3}-\d{8}$/ : /^\+861[3-9]\d{9}$/);
    }
    for (const { phone } of all<{ phone: string | null }>(core, 'SELECT phone FROM contacts WHERE phone IS NOT NULL')) {
      expect(phone).toMatch(/^\+861[3-9]\d{9}$/);
    }
    // Every installation of a product put a unit at the customer, under two years of warranty
    // from the request's day, and each phone stored the way intake would store it.
    for (const { phone } of all<{ phone: string }>(core, 'SELECT phone FROM customers UNION ALL SELECT phone FROM contacts WHERE phone IS NOT NULL')) {
      expect(normalizePhone(phone)).toMatchObject({ ok: true, phone });
    }
    const installs = tickets.filter((t) => t.type === 'installation' && t.product_id !== null);
    const assets = all<{ customer_id: number; product_id: number; serial_no: string; install_date: string; warranty_start: string; warranty_end: string }>(
      core,
      'SELECT * FROM assets ORDER BY id',
    );
    expect(installs.length).toBeGreaterThan(50);
    expect(assets.map((a) => [a.customer_id, a.product_id])).toEqual(installs.map((t) => [t.customer_id, t.product_id]));
    for (const [i, a] of assets.entries()) {
      expect(a.install_date).toBe(isoDay(installs[i]!.created_at, TZ));
      expect(a.warranty_start).toBe(a.install_date);
      const end = new Date(`${a.install_date}T00:00:00Z`);
      end.setUTCFullYear(end.getUTCFullYear() + 2);
      end.setUTCDate(end.getUTCDate() - 1);
      expect(a.warranty_end).toBe(end.toISOString().slice(0, 10));
    }
    expect(new Set(assets.map((a) => `${a.product_id}/${a.serial_no}`)).size).toBe(assets.length);

    // Demo engineers exist for assignment only: nobody knows a password that opens them.
    for (const { password_hash } of all<{ password_hash: string }>(core, "SELECT password_hash FROM users WHERE role = 'engineer'")) {
      expect(await verifyPassword(password_hash, '')).toBe(false);
    }
  });

  it('leaves the counters so requests and customers created afterwards get fresh numbers', async () => {
    const core = await seededDesk(2000, 1);
    const day = dayKey(core.deps.clock.now(), TZ);
    const lastToday = all<{ number: string }>(core, `SELECT number FROM tickets WHERE number LIKE 'SR-${day}-%' ORDER BY number DESC LIMIT 1`)[0];
    expect(lastToday).toBeDefined();
    const bad = all(
      core,
      `SELECT c.key FROM counters c WHERE c.key LIKE 'SR-%' AND c.last <> (SELECT max(CAST(substr(number, 13) AS INTEGER)) FROM tickets WHERE substr(number, 4, 8) = substr(c.key, 4))`,
    );
    expect(bad).toEqual([]);

    const created = unwrap(
      await core.dispatch(
        'tickets.create',
        { customer: { name: '新客户有限公司', phone: '+86-21-55550000' }, type: 'repair', channel: 'phone', subject: '空调不制冷' },
        'admin',
      ),
    ) as TicketDetail;
    expect(created.number).toBe(`SR-${day}-${String(Number(lastToday!.number.slice(12)) + 1).padStart(4, '0')}`);
    expect(created.customer.customerNo).toMatch(new RegExp(`^C${day}\\d{4}$`));
    expect(unwrap(await core.dispatch('tickets.list', { text: '空调不制冷', limit: 1 }, 'admin'))).toMatchObject({ items: [{ id: created.id }] });
  });

  it('gives every request the SLA clock the live desk would have kept: nothing stale left for the first check', async () => {
    const core = await seededDesk(3000, 4);
    const [stats] = all<{ n: number; sla: number; running: number; breached: number; vip: number }>(
      core,
      `SELECT count(*) AS n, count(agreement_id) AS sla, count(sla_due_at) AS running,
        sum(response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL) AS breached,
        sum(sla_basis = 'customer') AS vip FROM tickets`,
    );
    expect(stats!.sla).toBe(stats!.n);
    expect(stats!.running).toBeGreaterThan(0);
    expect(stats!.breached).toBeGreaterThan(0);
    expect(stats!.vip).toBeGreaterThan(0);
    // Work the desk owes has a running clock with a due time; everything else stands still.
    const inconsistent = all(core, "SELECT id FROM tickets WHERE (sla_due_at IS NOT NULL) != (status IN ('pending_assignment', 'reopened', 'assigned', 'locked'))");
    expect(inconsistent).toEqual([]);
    const run = await runServiceCheck(core.deps);
    expect(run.summary).toMatchObject({ due: 0, locked: 0 });
  });

  it('appends to a desk that already has data', async () => {
    const core = await seededDesk(500, 1);
    const maxId = all<{ m: number }>(core, 'SELECT max(id) AS m FROM tickets')[0]!.m;
    const result = seedDemoData(core.deps.sqlite, { tickets: 300, seed: 2, now: core.deps.clock.now(), timeZone: TZ });
    expect(result).toMatchObject({ tickets: 300, customers: 50, engineers: 8 });
    const rows = all<{ n: number; d: number; m: number }>(core, 'SELECT count(*) AS n, count(DISTINCT number) AS d, min(id) AS m FROM tickets WHERE id > ' + maxId);
    expect(rows[0]).toEqual({ n: 300, d: 300, m: maxId + 1 });
    expect(all(core, 'SELECT count(DISTINCT number) AS n FROM tickets')).toEqual([{ n: 800 }]);
  });

  it('makes every request findable by a word of its subject', async () => {
    const core = await seededDesk(2000, 3);
    const byWord = new Map<string, number[]>();
    for (const t of all<TicketRow>(core, 'SELECT id, subject FROM tickets')) {
      const word = searchWord(t.subject);
      expect(word.length).toBeGreaterThanOrEqual(2);
      byWord.set(word, [...(byWord.get(word) ?? []), t.id]);
    }
    for (const [word, ids] of byWord) {
      const found = await searchAll(core, word);
      const missing = ids.filter((id) => !found.has(id));
      expect(missing, `search "${word}"`).toEqual([]);
    }
  });
});
