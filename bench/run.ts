import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CalendarView, TicketPage } from '../src-shared/contract';
import type { TicketPriority, TicketSort, TicketStatus, TicketType } from '../src-shared/domain/tickets';
import type Database from 'better-sqlite3';
import { createCore, silentLogger, systemClock, type Core, type Platform } from '../src-main/core';
import { hashPassword } from '../src-main/features/users/password';
import { seedDemoData } from '../src-main/features/demo/seed';
import { runServiceCheck } from '../src-main/features/sla/jobs';
import { createRng, weighted, type Rng } from '../src-main/features/demo/random';
import { explain, rawListQuery, rawRunner, type ListInput } from './rawQueue';
import { emit, percentile, round, table, type Figure } from './stats';
import { benchImports, importCases } from './imports';
import { benchQueueExport, EXPORT_BUDGETS } from './queueExport';
import { benchDashboardHook, benchDashboardOpen, benchDashboardRebuild, DASHBOARD_OPEN_BUDGET_MS } from './dashboard';

// `npm run bench [-- --tickets N --only NAME[,NAME]]` (ARCHITECTURE.md → Tests → Benchmarks).
// Seeds a temporary database, then measures the queue and search exactly as the renderer
// calls them (core.dispatch('tickets.list', …)) next to the same SQL on raw better-sqlite3.
// One JSON object per figure on stdout; a table and OVER BUDGET lines on stderr.
// Extra options: --seed S, --keep (leave the database and print its path),
// --reuse FILE (measure a database kept earlier; skips seeding).

const QUEUE_BUDGET_MS = 5;
const QUEUE_RATIO_BUDGET = 1.5;
const SEARCH_BUDGET_MS = 30;
const SEED_BUDGET_S_PER_MILLION = 180;
const SLA_CHECK_BUDGET_MS = 50;
const CUSTOMER_360_BUDGET_MS = 100;
const CUSTOMER_REQUESTS = 5000;
const RUNS = 200;
/** A fixed "now" so every run of the benchmark measures the same data. */
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const TIME_ZONE = 'Asia/Shanghai';
const SESSION = 'bench';
const ADMIN = { username: 'bench', displayName: 'Bench', password: 'bench-only-password' };

const { values } = parseArgs({
  options: {
    tickets: { type: 'string' },
    only: { type: 'string' },
    seed: { type: 'string' },
    keep: { type: 'boolean' },
    reuse: { type: 'string' },
  },
});
const TICKETS = Number((values.tickets ?? '1000000').replaceAll('_', ''));
if (!Number.isSafeInteger(TICKETS) || TICKETS < 1) throw new Error(`--tickets must be a positive whole number, got ${values.tickets}`);
const SEED = Number(values.seed ?? '1');
const ONLY = values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** --only queue matches queue.*, --only search.cjk2 matches that figure and its terms. */
function wanted(name: string): boolean {
  return !ONLY || ONLY.some((o) => name === o || name.startsWith(`${o}.`) || name.startsWith(`${o}[`));
}

const platform: Platform = { kind: 'web', notify() {}, timeZone: () => TIME_ZONE };
const results: Figure[] = [];
const overBudget: string[] = [];

function report(figure: Figure): void {
  results.push(figure);
  emit(figure);
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function seedDatabase(file: string): Promise<void> {
  const core = await createCore({ dbPath: file, clock: systemClock, platform, logger: silentLogger });
  try {
    const setup = await core.dispatch('system.setup', { companyName: 'Bench', locale: 'zh-CN', admin: ADMIN, demoData: false }, SESSION);
    if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
    log(`seeding ${TICKETS.toLocaleString('en-US')} requests into ${file}`);
    let peakRss = process.memoryUsage().rss;
    const started = performance.now();
    const result = seedDemoData(core.deps.sqlite, {
      tickets: TICKETS,
      seed: SEED,
      now: NOW,
      timeZone: TIME_ZONE,
      onProgress: (done) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (done % 100_000 === 0 || done === TICKETS) {
          const s = (performance.now() - started) / 1000;
          process.stderr.write(`\r  ${done.toLocaleString('en-US')}  ${s.toFixed(1)} s  ${Math.round(done / s)} rows/s   `);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    const analyzeStarted = performance.now();
    core.deps.sqlite.exec('ANALYZE');
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    const budget = (SEED_BUDGET_S_PER_MILLION * TICKETS) / 1_000_000;
    if (wanted('seed')) {
      report({
        name: 'seed',
        tickets: TICKETS,
        customers: result.customers,
        seconds: round(seconds, 1),
        analyze_seconds: round(analyzeSeconds, 1),
        rows_per_s: Math.round(TICKETS / seconds),
        peak_rss_mb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1048576),
        db_mb: Math.round(fs.statSync(file).size / 1048576),
        budget_s: budget,
      });
      if (seconds > budget) overBudget.push(`OVER BUDGET seed: ${seconds.toFixed(1)} s > ${budget} s`);
    }
  } finally {
    core.close();
  }
}

interface Sample {
  ms: number;
  rawMs: number;
  input: ListInput;
}

/** Who the queue figures run as; the view figures switch to an engineer. */
let listAs: { session: string; viewer?: { id: number; today: string } } = { session: SESSION };

async function list(core: Core, input: ListInput): Promise<TicketPage> {
  const result = await core.dispatch('tickets.list', input, listAs.session);
  if (!result.ok) throw new Error(`tickets.list ${JSON.stringify(input)}: ${result.error.code} ${result.error.message}`);
  return result.data as TicketPage;
}

/**
 * Runs every input through dispatch and through raw SQL (alternating which goes first).
 * A figure whose median is already ten times its budget after 20 runs stops there: it is
 * over budget either way, and a full run of second-long queries would take many minutes.
 */
async function measure(core: Core, inputs: readonly ListInput[], budgetMs: number): Promise<Sample[]> {
  const raw = rawRunner(core.deps.sqlite);
  // Warm-up, and a check that the hand-written SQL returns what dispatch returns.
  for (const input of inputs.slice(0, 20)) {
    const page = await list(core, input);
    const q = rawListQuery(input, listAs.viewer);
    const rawIds = q ? (raw(q) as { id: number }[]).slice(0, input.limit ?? 50).map((r) => r.id) : [];
    const ids = page.items.map((i) => i.id);
    if (JSON.stringify(ids) !== JSON.stringify(rawIds)) throw new Error(`raw SQL differs from dispatch for ${JSON.stringify(input)}`);
  }
  const samples: Sample[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    const q = rawListQuery(input, listAs.viewer);
    let ms = 0;
    let rawMs = 0;
    const viaDispatch = async () => {
      const t = performance.now();
      await list(core, input);
      ms = performance.now() - t;
    };
    const viaRaw = () => {
      const t = performance.now();
      if (q) raw(q);
      rawMs = performance.now() - t;
    };
    if (i % 2 === 0) {
      await viaDispatch();
      viaRaw();
    } else {
      viaRaw();
      await viaDispatch();
    }
    samples.push({ ms, rawMs, input });
    if (samples.length >= 20 && samples.length % 10 === 0 && percentile(samples.map((x) => x.ms), 50) > 10 * budgetMs) break;
  }
  return samples;
}

/**
 * The lifecycle's figures: the "My requests" and "Locked" views for an engineer, and the
 * transitions assign → log work (resolved) → follow-up (closed) through dispatch, against
 * the same statements written by hand on better-sqlite3.
 */
async function benchLifecycle(core: Core): Promise<void> {
  const sqlite = core.deps.sqlite;
  const rng = createRng(7);
  // The seeded engineers cannot sign in; give the busiest one a bench-only password.
  const engineer = sqlite
    .prepare("SELECT u.id, u.username FROM users u WHERE u.role = 'engineer' ORDER BY (SELECT count(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status = 'assigned') DESC LIMIT 1")
    .get() as { id: number; username: string };
  sqlite.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(await hashPassword('bench-engineer-pass'), engineer.id);
  const signIn = await core.dispatch('auth.signIn', { username: engineer.username, password: 'bench-engineer-pass' }, 'bench-engineer');
  if (!signIn.ok) throw new Error(`engineer sign-in failed: ${signIn.error.message}`);

  if (wanted('view.mine') || wanted('view.locked')) {
    listAs = { session: 'bench-engineer', viewer: { id: engineer.id, today: new Date().toISOString().slice(0, 10) } };
    try {
      for (const view of ['mine', 'locked'] as const) {
        if (!wanted(`view.${view}`)) continue;
        const inputs = Array.from({ length: RUNS }, () => ({ view, sort: pickSort(rng), limit: 50 }));
        summarize(core, `view.${view}`, await measure(core, inputs, QUEUE_BUDGET_MS), QUEUE_BUDGET_MS, QUEUE_RATIO_BUDGET);
      }
    } finally {
      listAs = { session: SESSION };
    }
  }

  if (!wanted('transition')) return;
  const pending = (sqlite.prepare("SELECT id FROM tickets WHERE status = 'pending_assignment' AND type != 'complaint' ORDER BY id DESC LIMIT ?").all(2 * RUNS) as { id: number }[]).map((r) => r.id);
  const viaDispatch = pending.slice(0, RUNS);
  const viaRaw = pending.slice(RUNS);
  const version = (id: number) => (sqlite.prepare('SELECT version FROM tickets WHERE id = ?').get(id) as { version: number }).version;
  const timed = async (fn: () => Promise<unknown> | unknown) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const call = async (channel: string, input: unknown, session: string) => {
    const r = await core.dispatch(channel, input, session);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  };
  const raw = rawTransitions(sqlite);
  const steps = ['assign', 'logWork', 'recordFollowUp'] as const;
  const ms: Record<(typeof steps)[number], number[]> = { assign: [], logWork: [], recordFollowUp: [] };
  const rawMs: Record<(typeof steps)[number], number[]> = { assign: [], logWork: [], recordFollowUp: [] };
  const now = Date.now();
  for (let i = 0; i < Math.min(viaDispatch.length, viaRaw.length); i++) {
    const id = viaDispatch[i]!;
    ms.assign.push(await timed(() => call('tickets.assign', { id, version: version(id), engineerId: engineer.id }, SESSION)));
    ms.logWork.push(
      await timed(() =>
        call(
          'tickets.logWork',
          { id, version: version(id), kind: 'onsite', startedAt: now - 7_200_000, endedAt: now, workMinutes: 90, chargeable: false, findings: '已修复', outcome: 'resolved' },
          'bench-engineer',
        ),
      ),
    );
    ms.recordFollowUp.push(await timed(() => call('tickets.recordFollowUp', { id, version: version(id), satisfaction: 5, satisfied: true }, SESSION)));
    const rid = viaRaw[i]!;
    rawMs.assign.push(await timed(() => raw.assign(rid, engineer.id, now)));
    rawMs.logWork.push(await timed(() => raw.logWork(rid, engineer.id, now)));
    rawMs.recordFollowUp.push(await timed(() => raw.followUp(rid, now)));
  }
  for (const step of steps) {
    const p95 = percentile(ms[step], 95);
    const rawP95 = percentile(rawMs[step], 95);
    report({ name: `transition.${step}`, tickets: TICKETS, runs: ms[step].length, p50_ms: round(percentile(ms[step], 50)), p95_ms: round(p95), raw_p95_ms: round(rawP95), ratio: round(p95 / rawP95) });
  }
}

/** The writes of each transition, by hand: read the row, update it, add the history event (and the work log or follow-up). */
function rawTransitions(sqlite: Database.Database) {
  const row = sqlite.prepare('SELECT id, status, version, assignee_id, attempts FROM tickets WHERE id = ?');
  const update = sqlite.prepare('UPDATE tickets SET status = ?, version = version + 1, assignee_id = coalesce(?, assignee_id), updated_at = ? WHERE id = ?');
  const event = sqlite.prepare('INSERT INTO ticket_events (ticket_id, at, actor_id, kind, from_status, to_status, note, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const log = sqlite.prepare(
    "INSERT INTO work_logs (ticket_id, engineer_id, kind, started_at, ended_at, work_minutes, labour_fee, travel_fee, currency, chargeable, findings, outcome, created_by, created_at) VALUES (?, ?, 'onsite', ?, ?, 90, 0, 0, 'CNY', 0, '已修复', 'resolved', ?, ?)",
  );
  const follow = sqlite.prepare('INSERT INTO follow_ups (ticket_id, agent_id, at, satisfaction, satisfied, comment) VALUES (?, 1, ?, 5, 1, ?)');
  const step = (id: number, to: string, kind: string, assignee: number | null, now: number, extra?: () => void) =>
    sqlite.transaction(() => {
      const r = row.get(id) as { status: string };
      extra?.();
      update.run(to, assignee, now, id);
      event.run(id, now, assignee, kind, r.status, to, null, '{}');
    })();
  return {
    assign: (id: number, engineerId: number, now: number) => step(id, 'assigned', 'assign', engineerId, now),
    logWork: (id: number, engineerId: number, now: number) => step(id, 'resolved', 'logWork', null, now, () => log.run(id, engineerId, now - 7_200_000, now, engineerId, now)),
    followUp: (id: number, now: number) => step(id, 'closed', 'recordFollowUp', null, now, () => follow.run(id, now, '')),
  };
}

function summarize(core: Core, name: string, samples: readonly Sample[], budgetMs: number, ratioBudget: number | null, extra: Figure | object = {}): void {
  const p95 = percentile(
    samples.map((s) => s.ms),
    95,
  );
  const rawP95 = percentile(
    samples.map((s) => s.rawMs),
    95,
  );
  const ratio = rawP95 > 0 ? p95 / rawP95 : Number.NaN;
  const figure: Figure = {
    name,
    ...extra,
    tickets: TICKETS,
    runs: samples.length,
    p50_ms: round(percentile(
      samples.map((s) => s.ms),
      50,
    )),
    p95_ms: round(p95),
    raw_p50_ms: round(percentile(
      samples.map((s) => s.rawMs),
      50,
    )),
    raw_p95_ms: round(rawP95),
    ratio: round(ratio),
    budget_p95_ms: budgetMs,
  };
  if (ratioBudget !== null) figure.budget_ratio = ratioBudget;
  report(figure);
  const problems: string[] = [];
  if (p95 > budgetMs) problems.push(`p95 ${p95.toFixed(2)} ms > ${budgetMs} ms`);
  if (ratioBudget !== null && ratio > ratioBudget) problems.push(`ratio ${ratio.toFixed(2)} > ${ratioBudget}`);
  if (problems.length > 0) {
    const worst = [...samples].sort((a, b) => b.rawMs - a.rawMs)[0]!;
    const q = rawListQuery(worst.input, listAs.viewer);
    let detail = `OVER BUDGET ${name}: ${problems.join(', ')}\n  slowest raw: ${worst.rawMs.toFixed(2)} ms for ${JSON.stringify(worst.input)}`;
    if (q) detail += `\n  ${q.sql}\n${explain(core.deps.sqlite, q)}`;
    overBudget.push(detail);
  }
}

const OPEN: TicketStatus[] = ['pending_assignment', 'assigned', 'on_hold', 'reopened'];
const STATUS_SETS: TicketStatus[][] = [
  ['pending_assignment'],
  ['assigned'],
  ['on_hold'],
  ['reopened'],
  ['locked'],
  ['closed'],
  OPEN,
  ['resolved', 'follow_up'],
  ['pending_assignment', 'assigned'],
  ['assigned', 'on_hold', 'locked', 'resolved', 'follow_up', 'reopened'],
];
const TYPES: TicketType[] = ['consultation', 'repair', 'installation', 'complaint', 'other'];
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const pickSort = weighted<TicketSort>([
  ['created_desc', 50],
  ['priority_desc', 20],
  ['requested_asc', 20],
  ['created_asc', 10],
]);

function subset<T>(rng: Rng, items: readonly T[], max: number): T[] {
  const n = rng.int(1, max);
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

async function benchQueue(core: Core): Promise<void> {
  const rng = createRng(2024);
  const engineers = (core.deps.sqlite.prepare("SELECT id FROM users WHERE role = 'engineer'").all() as { id: number }[]).map((r) => r.id);
  const assignee = (): number | 'none' => (rng.chance(0.15) ? 'none' : rng.pick(engineers));
  const kinds: Record<string, () => ListInput> = {
    'queue.default': () => ({ sort: pickSort(rng) }),
    'queue.status': () => ({ status: rng.pick(STATUS_SETS), sort: pickSort(rng) }),
    'queue.type_priority': () => ({
      ...(rng.chance(0.7) ? { type: subset(rng, TYPES, 2) } : {}),
      priority: subset(rng, PRIORITIES, 2),
      sort: pickSort(rng),
    }),
    'queue.assignee': () => ({ assignee: assignee(), ...(rng.chance(0.5) ? { status: rng.pick(STATUS_SETS) } : {}), sort: pickSort(rng) }),
    'queue.combined': () => ({
      status: rng.pick(STATUS_SETS),
      type: subset(rng, TYPES, 2),
      priority: subset(rng, PRIORITIES, 3),
      ...(rng.chance(0.4) ? { assignee: assignee() } : {}),
      sort: pickSort(rng),
    }),
  };
  const firstPages: Sample[] = [];
  for (const [name, make] of Object.entries(kinds)) {
    if (!wanted(name) && !wanted('queue.first_page')) continue;
    const inputs = Array.from({ length: RUNS }, () => ({ ...make(), limit: 50 }));
    const samples = await measure(core, inputs, QUEUE_BUDGET_MS);
    firstPages.push(...samples);
    if (wanted(name)) summarize(core, name, samples, QUEUE_BUDGET_MS, QUEUE_RATIO_BUDGET);
  }
  if (wanted('queue.first_page') && firstPages.length > 0) summarize(core, 'queue.first_page', firstPages, QUEUE_BUDGET_MS, QUEUE_RATIO_BUDGET);

  if (wanted('queue.second_page')) {
    const makers = Object.values(kinds);
    const inputs: ListInput[] = [];
    while (inputs.length < RUNS) {
      const input: ListInput = { ...rng.pick(makers)(), limit: 50 };
      const first = await list(core, input);
      if (first.nextCursor) inputs.push({ ...input, cursor: first.nextCursor });
    }
    summarize(core, 'queue.second_page', await measure(core, inputs, QUEUE_BUDGET_MS), QUEUE_BUDGET_MS, QUEUE_RATIO_BUDGET);
  }
}

async function benchSearch(core: Core): Promise<void> {
  const sample = core.deps.sqlite.prepare('SELECT number FROM tickets WHERE id = (SELECT max(id) / 2 FROM tickets)').get() as { number: string };
  const groups: Record<string, string[]> = {
    // common, medium and rare terms of each length; 显示故障 matches nothing (E4 sits between).
    cjk1: ['修', '梯', '困'],
    cjk2: ['漏水', '空调', '退款', '困人'],
    cjk3: ['不制冷', '打印机', '热水器'],
    cjk4: ['上门检查', '故障代码', '刀库换刀', '显示故障'],
    english: ['printer', 'refund', 'jam', 'acme'],
    number: [sample.number, sample.number.slice(0, 11)],
  };
  const rng = createRng(7);
  for (const [group, terms] of Object.entries(groups)) {
    const name = `search.${group}`;
    if (!wanted(name) && !terms.some((t) => wanted(`${name}[${t}]`))) continue;
    const perTerm = Math.ceil(RUNS / terms.length);
    const all: Sample[] = [];
    for (const term of terms) {
      const samples = await measure(
        core,
        Array.from({ length: perTerm }, () => ({ text: term, limit: 50 })),
        SEARCH_BUDGET_MS,
      );
      all.push(...samples);
      const hits = (core.deps.sqlite.prepare('SELECT count(*) AS n FROM ticket_search WHERE terms MATCH ?').get(rawListQuery({ text: term })!.params[0]) as { n: number }).n;
      summarize(core, `${name}[${term}]`, samples, SEARCH_BUDGET_MS, null, { term, hits });
    }
    summarize(core, name, all, SEARCH_BUDGET_MS, null);
  }
  if (wanted('search.filtered')) {
    const terms = Object.values(groups).flat();
    const inputs = Array.from({ length: RUNS }, () => ({
      text: rng.pick(terms),
      ...(rng.chance(0.6) ? { status: rng.pick(STATUS_SETS) } : {}),
      sort: pickSort(rng),
      limit: 50,
    }));
    summarize(core, 'search.filtered', await measure(core, inputs, SEARCH_BUDGET_MS), SEARCH_BUDGET_MS, null);
  }
}

/**
 * The minute service check on the seeded desk: the clock moves a minute per run from the
 * seed's "now", so each run meets what really comes due in that minute (warnings,
 * breaches, escalations and their writes). The raw figure is the query that finds the
 * due requests, read off the same partial index.
 */
async function benchSlaCheck(core: Core, clock: { set(ms: number): void }): Promise<void> {
  if (!wanted('sla.check')) return;
  const { sqlite } = core.deps;
  const findDue = sqlite.prepare('SELECT id FROM tickets WHERE sla_next_check_at <= ?');
  const open = (sqlite.prepare("SELECT count(*) AS n FROM tickets WHERE status NOT IN ('closed')").get() as { n: number }).n;
  const running = (sqlite.prepare('SELECT count(*) AS n FROM tickets WHERE sla_due_at IS NOT NULL').get() as { n: number }).n;
  const ms: number[] = [];
  const rawMs: number[] = [];
  let due = 0;
  for (let i = 1; i <= RUNS; i++) {
    const now = NOW + i * 60_000;
    clock.set(now);
    const rawStarted = performance.now();
    const found = findDue.all(now).length;
    rawMs.push(performance.now() - rawStarted);
    const started = performance.now();
    const run = await runServiceCheck(core.deps);
    ms.push(performance.now() - started);
    if (run.outcome !== 'ok') throw new Error(`service check failed: ${run.error}`);
    due += found;
  }
  const p95 = percentile(ms, 95);
  const rawP95 = percentile(rawMs, 95);
  report({
    name: 'sla.check',
    runs: RUNS,
    open,
    running_clocks: running,
    due_per_run: round(due / RUNS, 1),
    p50_ms: round(percentile(ms, 50)),
    p95_ms: round(p95),
    raw_p95_ms: round(rawP95, 3),
    ratio: round(p95 / Math.max(rawP95, 0.001), 1),
    budget_p95_ms: SLA_CHECK_BUDGET_MS,
  });
  if (p95 > SLA_CHECK_BUDGET_MS) overBudget.push(`OVER BUDGET sla.check: p95 ${p95.toFixed(2)} ms > ${SLA_CHECK_BUDGET_MS} ms`);
}

/**
 * An admin saving a calendar re-measures every open clock counting in it, inside the save's
 * transaction (a new holiday moves due times). Measured on the seeded desk's busiest
 * calendar, saved unchanged, through dispatch. No issue sets a budget; the figure says what
 * such a save costs on a big desk.
 */
async function benchCalendarSave(core: Core): Promise<void> {
  if (!wanted('sla.calendar_save')) return;
  const { sqlite } = core.deps;
  const listed = await core.dispatch('sla.calendars', {}, SESSION);
  if (!listed.ok) throw new Error(`sla.calendars failed: ${listed.error.message}`);
  const busiest = sqlite
    .prepare("SELECT sla_calendar_id AS id, count(*) AS n FROM tickets WHERE status <> 'closed' AND sla_calendar_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1")
    .get() as { id: number; n: number } | undefined;
  const calendar = (listed.data as CalendarView[]).find((c) => c.id === busiest?.id);
  if (!busiest || !calendar) return;
  const { definition: d } = calendar;
  const days = [
    ...d.holidays.map((date) => ({ date, kind: 'holiday' as const, name: calendar.dayNames[date] ?? '' })),
    ...d.workdays.map((date) => ({ date, kind: 'workday' as const, name: calendar.dayNames[date] ?? '' })),
  ];
  const input = { id: calendar.id, name: calendar.name, timeZone: d.timeZone, allDay: d.allDay, week: d.week, makeUpHours: d.makeUpHours, days };
  const started = performance.now();
  const saved = await core.dispatch('sla.saveCalendar', input, SESSION);
  const seconds = (performance.now() - started) / 1000;
  if (!saved.ok) throw new Error(`sla.saveCalendar failed: ${saved.error.message}`);
  report({ name: 'sla.calendar_save', runs: 1, open_clocks: busiest.n, seconds: round(seconds, 2), rows_per_s: Math.round(busiest.n / seconds) });
}

/**
 * The customer 360 page as it opens: customers.get and the timeline's first page, through
 * dispatch, for a customer with 5,000 requests (the seed's busiest customer is given that
 * many of the seeded requests, with their history and follow-ups).
 */
async function benchCustomer360(core: Core): Promise<void> {
  if (!wanted('customer.360')) return;
  const { sqlite } = core.deps;
  const target = Math.min(CUSTOMER_REQUESTS, TICKETS);
  const customer = (sqlite.prepare('SELECT customer_id AS id FROM tickets GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1').get() as { id: number }).id;
  sqlite.prepare('UPDATE tickets SET customer_id = ? WHERE id IN (SELECT id FROM tickets WHERE customer_id <> ? ORDER BY id DESC LIMIT ?)').run(customer, customer, target - 1);
  const requests = (sqlite.prepare('SELECT count(*) AS n FROM tickets WHERE customer_id = ?').get(customer) as { n: number }).n;
  const ms: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    const [page, timeline] = await Promise.all([
      core.dispatch('customers.get', { customerId: customer }, SESSION),
      core.dispatch('customers.timeline', { customerId: customer, limit: 50 }, SESSION),
    ]);
    ms.push(performance.now() - started);
    if (!page.ok || !timeline.ok) throw new Error('customer 360 failed');
  }
  const p95 = percentile(ms, 95);
  report({ name: 'customer.360', runs: ms.length, requests, p50_ms: round(percentile(ms, 50)), p95_ms: round(p95), budget_p95_ms: CUSTOMER_360_BUDGET_MS });
  if (p95 > CUSTOMER_360_BUDGET_MS) overBudget.push(`OVER BUDGET customer.360: p95 ${p95.toFixed(2)} ms > ${CUSTOMER_360_BUDGET_MS} ms`);
}

/** Import throughput into the big database: 200k customers, 200k contacts, 100k historical requests. */
async function benchImport(core: Core): Promise<void> {
  if (!wanted('import')) return;
  const { sqlite } = core.deps;
  const admin = (sqlite.prepare('SELECT id FROM users WHERE username = ?').get(ADMIN.username) as { id: number }).id;
  const cases = importCases(200_000, 200_000, 100_000).filter((c) => wanted(`import.${c.entity}`));
  // In a worker thread, as the app runs imports (startTask).
  const figures = await benchImports(sqlite, admin, NOW, cases);
  for (const figure of figures) {
    report(figure);
    const budget = Number(figure.budget_rows_per_s);
    if (budget && Number(figure.rows_per_s) < budget) overBudget.push(`OVER BUDGET ${figure.name}: ${figure.rows_per_s} rows/s < ${budget} rows/s`);
  }
}

/**
 * Queue exports: every request to XLSX and to CSV in a worker thread (as exports.queue runs
 * them), with this thread's longest event-loop stall and the memory the export adds.
 */
async function benchExports(core: Core): Promise<void> {
  for (const format of ['xlsx', 'csv'] as const) {
    if (!wanted(`export.queue.${format}`)) continue;
    const figure = await benchQueueExport(core.deps.sqlite, format, NOW, TIME_ZONE);
    report(figure);
    if (Number(figure.rows_per_s) < EXPORT_BUDGETS.rows_per_s) overBudget.push(`OVER BUDGET ${figure.name}: ${figure.rows_per_s} rows/s < ${EXPORT_BUDGETS.rows_per_s} rows/s`);
    exportMemoryAndStall(figure);
  }
  // The PDF: the queue's first 100,000 rows (a print of some 3,700 pages); no speed budget.
  if (wanted('export.queue.pdf')) {
    const figure = await benchQueueExport(core.deps.sqlite, 'pdf', NOW, TIME_ZONE, 100_000);
    report(figure);
    exportMemoryAndStall(figure);
  }
}

/** Queue exports: the memory an export adds and the main loop's longest stall, against the budgets. */
function exportMemoryAndStall(figure: Figure): void {
  if (Number(figure.export_rss_mb) > EXPORT_BUDGETS.export_rss_mb) overBudget.push(`OVER BUDGET ${figure.name}: the export added ${figure.export_rss_mb} MB of RSS > ${EXPORT_BUDGETS.export_rss_mb} MB`);
  if (Number(figure.stall_ms) > EXPORT_BUDGETS.stall_ms) overBudget.push(`OVER BUDGET ${figure.name}: event loop stalled ${figure.stall_ms} ms > ${EXPORT_BUDGETS.stall_ms} ms`);
}

/** The dashboard (issue 6): opening it, the rebuild, and what its triggers add to an insert. */
async function benchDashboard(core: Core): Promise<void> {
  if (wanted('dashboard.open')) {
    const figure = await benchDashboardOpen(core, { session: SESSION, today: '2026-11-24', runs: 200, kind: 'open' });
    report({ ...figure, tickets: TICKETS });
    if (Number(figure.p95_ms) > DASHBOARD_OPEN_BUDGET_MS) overBudget.push(`OVER BUDGET dashboard.open: p95 ${figure.p95_ms} ms > ${DASHBOARD_OPEN_BUDGET_MS} ms`);
  }
  // Long periods (a quarter, the year so far, each against the one before): reported, no budget.
  if (wanted('dashboard.open.long')) report({ ...(await benchDashboardOpen(core, { session: SESSION, today: '2026-11-24', runs: 60, kind: 'long' })), tickets: TICKETS });
  if (wanted('dashboard.hook')) report({ ...benchDashboardHook(core.deps.sqlite, 20_000, NOW), tickets: TICKETS });
  if (wanted('dashboard.rebuild')) report(await benchDashboardRebuild(core, SESSION));
}

async function main(): Promise<void> {
  let dir: string | null = null;
  let file: string;
  if (values.reuse) {
    file = path.resolve(values.reuse);
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-bench-'));
    file = path.join(dir, 'serviceloop.db');
    await seedDatabase(file);
  }
  // Measure on a freshly opened core, as after an app start on a big database. The clock
  // starts at the seed's "now"; the SLA check moves it.
  let now = NOW;
  const clock = { now: () => now, set: (ms: number) => void (now = ms) };
  const core = await createCore({ dbPath: file, clock, platform, logger: silentLogger });
  try {
    const signIn = await core.dispatch('auth.signIn', { username: ADMIN.username, password: ADMIN.password }, SESSION);
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);
    await benchQueue(core);
    await benchSearch(core);
    await benchLifecycle(core);
    await benchSlaCheck(core, clock);
    await benchCalendarSave(core);
    await benchCustomer360(core);
    await benchImport(core);
    await benchExports(core);
    await benchDashboard(core);
  } finally {
    core.close();
    if (dir && !values.keep) fs.rmSync(dir, { recursive: true, force: true });
    else if (dir) log(`kept ${file} (measure again with --reuse ${file})`);
  }

  log('');
  log(table(results, ['name', 'runs', 'p50_ms', 'p95_ms', 'raw_p95_ms', 'ratio', 'budget_p95_ms', 'hits', 'due_per_run', 'seconds', 'rows_per_s', 'rows_per_cpu_s', 'rerun_rows_per_s', 'budget_rows_per_s', 'peak_rss_mb', 'export_rss_mb', 'stall_ms', 'idle_stall_ms', 'cpu_ms_per_run', 'hook_us_per_insert', 'cpu_s']));
  for (const line of overBudget) log(line);
  if (overBudget.length === 0) log('all figures within budget');
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
