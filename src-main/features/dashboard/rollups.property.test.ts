import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../core/createCore';
import { addUser, call, fakeClock, setupDesk, signInAs, testCore, type FakeClock } from '../../core/testing';
import { runServiceCheck } from '../sla/jobs';
import { rebuildRollups, recomputedRows, storedRows } from './rebuild';

// Whatever happens to requests, through the real services with a clock crossing desk days,
// the rollups the triggers keep equal a full recomputation from the requests, and a rebuild
// from the raw tables (history events, follow-ups, customers, products) changes nothing.

const HOUR = 3_600_000;
const ENGINEERS = ['wang', 'li'] as const;

type Op =
  | { kind: 'create'; customer: number; product: number; type: 'repair' | 'complaint' | 'consultation'; priority: 'low' | 'normal' | 'high' | 'urgent' }
  /** One of the actions the request allows now, with the details that action takes. */
  | { kind: 'act'; t: number; choice: number; engineer: number; outcome: 'resolved' | 'unresolved' | 'in_progress'; satisfaction: number; satisfied: boolean; into: number }
  | { kind: 'complaint'; t: number }
  | { kind: 'priority'; t: number; priority: 'low' | 'normal' | 'high' | 'urgent' }
  | { kind: 'reply'; t: number }
  | { kind: 'time'; hours: number }
  | { kind: 'tier'; customer: number; tier: 'strategic' | 'key' | 'normal' | 'potential'; province: 'SH' | 'GD' | 'BJ' }
  | { kind: 'productLine'; product: number; line: string }
  | { kind: 'mergeCustomers'; from: number; into: number };

// Few requests, many steps each: long lives (closed, reopened, locked) come up often.
const t = fc.nat(4);
const priority = fc.constantFrom('low', 'normal', 'high', 'urgent' as const);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), customer: fc.nat(3), product: fc.nat(2), type: fc.constantFrom('repair', 'repair', 'complaint', 'consultation' as const), priority }) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      t,
      choice: fc.nat(20),
      engineer: fc.nat(1),
      outcome: fc.constantFrom('resolved', 'resolved', 'unresolved', 'in_progress' as const),
      satisfaction: fc.integer({ min: 1, max: 5 }),
      satisfied: fc.boolean(),
      into: t,
    }),
  },
  fc.record({ kind: fc.constant('complaint' as const), t }),
  fc.record({ kind: fc.constant('priority' as const), t, priority }),
  fc.record({ kind: fc.constant('reply' as const), t }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('time' as const), hours: fc.integer({ min: 1, max: 40 }) }) },
  fc.record({ kind: fc.constant('tier' as const), customer: fc.nat(3), tier: fc.constantFrom('strategic', 'key', 'normal', 'potential' as const), province: fc.constantFrom('SH', 'GD', 'BJ' as const) }),
  fc.record({ kind: fc.constant('productLine' as const), product: fc.nat(1), line: fc.constantFrom('空调', '冷水机组', '热泵') }),
  fc.record({ kind: fc.constant('mergeCustomers' as const), from: fc.nat(3), into: fc.nat(3) }),
);

/** Refusals the state machine or the data may give a random step; anything else fails the test. */
const EXPECTED = new Set(['INVALID_TRANSITION', 'FORBIDDEN', 'CONFLICT', 'VALIDATION', 'NOT_FOUND']);

interface World {
  core: Core;
  clock: FakeClock;
  engineerIds: number[];
  customers: number[];
  products: { id: number; model: string; name: string }[];
  tickets: number[];
}

async function world(): Promise<World> {
  const { core, clock } = await testCore(fakeClock(Date.UTC(2026, 10, 20, 1, 0)));
  await setupDesk(core);
  for (const [role, name] of [['agent', 'agent1'], ['engineer', 'wang'], ['engineer', 'li'], ['supervisor', 'boss']] as const) {
    await addUser(core, role, name);
    await signInAs(core, name);
  }
  const assignees = await call(core, 'users.assignees', {}, 'admin');
  const engineerIds = ENGINEERS.map((n) => assignees.find((u) => u.displayName === n)!.id);
  const customers: number[] = [];
  for (const [i, tier] of (['strategic', 'key', 'normal', 'potential'] as const).entries()) {
    customers.push((await call(core, 'customers.save', { kind: 'company', name: `客户${i}`, tier, province: i % 2 ? 'SH' : 'GD' }, 'admin')).id);
  }
  const products = [];
  for (const [i, line] of ['空调', '冷水机组'].entries()) {
    const p = await call(core, 'customers.saveProduct', { productLine: line, model: `M-${i}`, name: `型号${i}` }, 'admin');
    products.push({ id: p.id, model: p.model, name: p.name });
  }
  return { core, clock, engineerIds, customers, products, tickets: [] };
}

async function attempt(w: World, channel: string, input: unknown, sessions: string[]): Promise<void> {
  for (const session of sessions) {
    const result = await w.core.dispatch(channel as never, input as never, session);
    if (result.ok) return;
    if (!EXPECTED.has(result.error.code)) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    if (result.error.code !== 'FORBIDDEN') return;
  }
}

async function apply(w: World, o: Op): Promise<void> {
  const pick = (i: number) => (w.tickets.length ? w.tickets[i % w.tickets.length]! : null);
  if (o.kind === 'create') {
    const type = o.type;
    const input = {
      customer: { id: w.customers[o.customer]! },
      type,
      channel: 'phone',
      subject: '空调漏水',
      priority: o.priority,
      ...(o.product < 2 ? { productId: w.products[o.product]!.id } : {}),
      ...(type === 'complaint' ? { complaint: { severity: 'medium', party: 'process' } } : {}),
    };
    const r = await w.core.dispatch('tickets.create', input as never, 'agent1');
    if (r.ok) w.tickets.push((r.data as { id: number }).id);
    else if (!EXPECTED.has(r.error.code)) throw new Error(`create: ${r.error.message}`);
    return;
  }
  if (o.kind === 'time') {
    w.clock.advance(o.hours * HOUR);
    await runServiceCheck(w.core.deps);
    return;
  }
  if (o.kind === 'tier') {
    const id = w.customers[o.customer]!;
    await attempt(w, 'customers.save', { id, kind: 'company', name: `客户${o.customer}`, tier: o.tier, province: o.province }, ['admin']);
    return;
  }
  if (o.kind === 'productLine') {
    const p = w.products[o.product]!;
    await attempt(w, 'customers.saveProduct', { id: p.id, productLine: o.line, model: p.model, name: p.name }, ['admin']);
    return;
  }
  if (o.kind === 'mergeCustomers') {
    if (o.from === o.into) return;
    await attempt(w, 'customers.merge', { fromId: w.customers[o.from]!, intoId: w.customers[o.into]! }, ['admin']);
    return;
  }
  const id = pick(o.t);
  if (id === null) return;
  const detail = await call(w.core, 'tickets.get', { id }, 'admin');
  const change = { id, version: detail.version };
  const owner = detail.assignee ? (ENGINEERS[w.engineerIds.indexOf(detail.assignee.id)] ?? 'boss') : 'boss';
  switch (o.kind) {
    case 'priority':
      return attempt(w, 'tickets.setPriority', { ...change, priority: o.priority }, ['boss']);
    case 'reply':
      return attempt(w, 'tickets.addNote', { id, kind: 'reply', body: '已收到' }, ['boss']);
    case 'complaint':
      await attempt(w, 'tickets.acknowledgeComplaint', change, ['boss']);
      return attempt(w, 'tickets.updateComplaint', { id, version: (await call(w.core, 'tickets.get', { id }, 'admin')).version, rootCause: '流程', correctiveAction: '培训' }, ['boss']);
    case 'act': {
      // Closing and merging end a request's life: taken now and then, not as often as work.
      const all = (await call(w.core, 'tickets.get', { id }, 'boss')).allowedActions;
      const working = all.filter((a) => a !== 'close' && a !== 'merge');
      const allowed = o.choice % 6 === 0 || working.length === 0 ? all : working;
      const action = allowed[o.choice % Math.max(1, allowed.length)];
      const start = w.clock.now() - HOUR;
      switch (action) {
        case undefined:
          return;
        case 'assign':
          return attempt(w, 'tickets.assign', { ...change, engineerId: w.engineerIds[o.engineer]! }, ['boss']);
        case 'logWork':
          return attempt(w, 'tickets.logWork', { ...change, kind: 'onsite', startedAt: start, endedAt: start + HOUR, workMinutes: 30, chargeable: false, findings: '检查', outcome: o.outcome }, [owner, 'boss']);
        case 'startFollowUp':
          return attempt(w, 'tickets.startFollowUp', change, ['agent1']);
        case 'recordFollowUp':
          return attempt(w, 'tickets.recordFollowUp', { ...change, satisfaction: o.satisfaction, satisfied: o.satisfied, comment: '回访' }, ['agent1']);
        case 'close':
          return attempt(w, 'tickets.close', { ...change, note: '关闭' }, ['boss']);
        case 'reopen':
          return attempt(w, 'tickets.reopen', { ...change, note: '重开' }, ['boss']);
        case 'hold':
          return attempt(w, 'tickets.hold', { ...change, reason: 'waiting_parts', note: '' }, ['boss']);
        case 'resume':
          return attempt(w, 'tickets.resume', change, ['boss']);
        case 'unlock':
          return attempt(w, 'tickets.unlock', { ...change, mode: 'reassign', engineerId: w.engineerIds[o.engineer]! }, ['boss']);
        case 'merge': {
          const into = pick(o.into);
          if (into === null || into === id) return;
          return attempt(w, 'tickets.merge', { ...change, intoId: into }, ['boss']);
        }
      }
    }
  }
}

describe('dashboard rollups', () => {
  it('equal a full recomputation after any sequence of changes, and a rebuild from the raw tables changes nothing', async () => {
    // Which figures the random sequences reached, so the property is not true for want of data.
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 30, maxLength: 70 }), async (ops) => {
        const w = await world();
        try {
          for (const o of ops) await apply(w, o);
          const stored = await storedRows(w.core.deps.db);
          expect(stored).toEqual(await recomputedRows(w.core.deps.db));
          for (const row of stored) for (const [k, v] of Object.entries(row)) if (typeof v === 'number' && v > 0) reached.add(k);
          for (const e of w.core.deps.sqlite.prepare('SELECT DISTINCT to_status AS s FROM ticket_events').all() as { s: string }[]) reached.add(`status:${e.s}`);
          // A request resolved after a failed attempt (no first-contact resolution), reopened and resolved again.
          const q = (where: string) => (w.core.deps.sqlite.prepare(`SELECT count(*) AS n FROM tickets WHERE ${where}`).get() as { n: number }).n;
          if (q("attempts > 0 AND status IN ('resolved', 'follow_up', 'closed')")) reached.add('resolvedAfterFailedAttempt');
          if (q("reopen_count > 0 AND status IN ('resolved', 'follow_up', 'closed')")) reached.add('resolvedAfterReopen');
          w.core.deps.sqlite.transaction(() => rebuildRollups(w.core.deps.sqlite)).immediate();
          expect(await storedRows(w.core.deps.db)).toEqual(stored);
        } finally {
          w.core.close();
        }
      }),
      // A fixed seed: the same 30 sequences on every machine, so the coverage check below
      // cannot fail by chance (unseeded, a CI run's sequences once missed a resolution after a
      // failed attempt). Change the seed to explore other sequences.
      { numRuns: 30, seed: 20261126 },
    );
    const facts = ['created_n', 'complaint_n', 'responded_n', 'resolved_n', 'fcr_n', 'closed_n', 'csat_n', 'resp_breached_n', 'res_breached_n', 'status:reopened', 'status:follow_up', 'status:on_hold', 'resolvedAfterFailedAttempt', 'resolvedAfterReopen'];
    expect(facts.filter((f) => !reached.has(f))).toEqual([]);
  }, 240_000);
});
