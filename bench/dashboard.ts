import type Database from 'better-sqlite3';
import type { Core } from '../src-main/core';
import { presetPeriod, type PeriodPreset } from '../src-shared/domain/dashboard';
import { percentile, round, type Figure } from './stats';

// The supervisors' dashboard (issue 6) on the seeded desk:
// - dashboard.open: dashboard.get through dispatch, as the page opens it, for the period
//   presets with and without a filter (the figures, the previous period, the trend, the
//   backlog), p50/p95 over the runs, with the process's CPU time beside the wall time;
// - dashboard.rebuild: the full recomputation from the requests, once;
// - dashboard.hook: what the rollup triggers add to each inserted request, measured on the
//   import writer's own INSERT with and without the triggers (both rolled back).

export const DASHBOARD_OPEN_BUDGET_MS = 300;

interface Options {
  session: string;
  today: string;
  runs: number;
  /** 'open': the periods a supervisor opens it with (up to a month); 'long': a quarter and the year so far. */
  kind: 'open' | 'long';
}

const PRESETS = { open: ['last30', 'last7', 'thisMonth', 'lastMonth'], long: ['last90', 'thisYear'] } as const satisfies Record<string, readonly PeriodPreset[]>;

async function get(core: Core, input: Record<string, unknown>, session: string): Promise<void> {
  const result = await core.dispatch('dashboard.get', input as never, session);
  if (!result.ok) throw new Error(`dashboard.get ${JSON.stringify(input)}: ${result.error.code} ${result.error.message}`);
}

/** Typical openings: a preset, and half the time one filter (a team, an engineer, a tier, a province, a product line). */
function inputs(core: Core, today: string, presets: readonly PeriodPreset[]): Record<string, unknown>[] {
  const q = <T>(text: string) => core.deps.sqlite.prepare(text).all() as T[];
  const teams = q<{ id: number }>('SELECT id FROM teams ORDER BY id LIMIT 3').map((r) => ({ teamId: r.id }));
  const engineers = q<{ id: number }>("SELECT id FROM users WHERE role = 'engineer' ORDER BY id LIMIT 3").map((r) => ({ engineerId: r.id }));
  const lines = q<{ product_line: string }>('SELECT DISTINCT product_line FROM products LIMIT 2').map((r) => ({ productLine: r.product_line }));
  const filters: Record<string, unknown>[] = [{}, { tier: 'key' }, { province: 'SH' }, ...teams, ...engineers, ...lines];
  const out: Record<string, unknown>[] = [];
  for (const preset of presets) {
    const period = presetPeriod(preset, today);
    out.push(period);
    for (const f of filters) out.push({ ...period, ...f });
  }
  return out;
}

export async function benchDashboardOpen(core: Core, options: Options): Promise<Figure> {
  const all = inputs(core, options.today, PRESETS[options.kind]);
  await get(core, all[0]!, options.session); // warm-up (and the desk days check)
  const samples: number[] = [];
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < options.runs; i++) {
    const t = performance.now();
    await get(core, all[i % all.length]!, options.session);
    samples.push(performance.now() - t);
  }
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const rows = (core.deps.sqlite.prepare('SELECT count(*) AS n FROM dashboard_rollups').get() as { n: number }).n;
  return {
    name: options.kind === 'open' ? 'dashboard.open' : 'dashboard.open.long',
    runs: samples.length,
    p50_ms: round(percentile(samples, 50)),
    p95_ms: round(percentile(samples, 95)),
    max_ms: round(Math.max(...samples)),
    // CPU per call beside wall time: on a shared machine the wall clock also counts waiting for a core.
    cpu_ms_per_run: round((cpu.user + cpu.system) / 1000 / samples.length),
    wall_ms_per_run: round(wall / samples.length),
    rollup_rows: rows,
    ...(options.kind === 'open' ? { budget_p95_ms: DASHBOARD_OPEN_BUDGET_MS } : {}),
  };
}

export async function benchDashboardRebuild(core: Core, session: string): Promise<Figure> {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const result = await core.dispatch('dashboard.rebuild', {}, session);
  if (!result.ok) throw new Error(`dashboard.rebuild: ${result.error.code} ${result.error.message}`);
  const cpu = process.cpuUsage(cpuStart);
  const data = result.data as { rows: number; tickets: number };
  return {
    name: 'dashboard.rebuild',
    tickets: data.tickets,
    rollup_rows: data.rows,
    seconds: round((performance.now() - started) / 1000),
    cpu_s: round((cpu.user + cpu.system) / 1e6),
  };
}

/**
 * The rollup triggers' cost per inserted request: the import writer's INSERT of closed
 * historical requests (writers.ts), `n` of them in one transaction, with the triggers and
 * with them dropped; each run is rolled back, so the database is left as it was.
 */
export function benchDashboardHook(sqlite: Database.Database, n: number, now: number): Figure {
  const ids = sqlite.prepare("SELECT (SELECT id FROM customers ORDER BY id LIMIT 1) AS c, (SELECT id FROM products ORDER BY id LIMIT 1) AS p, (SELECT id FROM users WHERE role = 'admin' LIMIT 1) AS u").get() as { c: number; p: number; u: number };
  const insert = sqlite.prepare(
    `INSERT INTO tickets (number, customer_id, contact_id, product_id, type, priority, channel, status, subject, description,
       requested_by, assignee_id, created_by, created_at, updated_at, resolved_at, closed_at)
     VALUES (?, ?, NULL, ?, 'repair', 1, 'phone', 'closed', '历史请求', '', NULL, NULL, ?, ?, ?, ?, ?)`,
  );
  // The same with the dimensions the triggers would copy supplied by the writer: no copying UPDATE.
  const dims = sqlite.prepare('SELECT c.tier, c.province, (SELECT product_line FROM products WHERE id = ?) AS line FROM customers c WHERE c.id = ?').get(ids.p, ids.c) as { tier: string; province: string | null; line: string };
  const insertWithDims = sqlite.prepare(
    `INSERT INTO tickets (number, customer_id, contact_id, product_id, type, priority, channel, status, subject, description,
       requested_by, assignee_id, created_by, created_at, updated_at, resolved_at, closed_at, dim_tier, dim_province, dim_product_line)
     VALUES (?, ?, NULL, ?, 'repair', 1, 'phone', 'closed', '历史请求', '', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dashboard_%'").all() as { name: string; sql: string }[];
  const run = (withTriggers: boolean, withDims = false): { us: number; cpuUs: number } => {
    sqlite.exec('BEGIN');
    try {
      if (!withTriggers) for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < n; i++) {
        const created = now - 400 * 86_400_000 + i * 60_000;
        const values = [`BENCH-${withTriggers ? 'T' : 'N'}-${i}`, ids.c, ids.p, ids.u, created, created, created + 3_600_000, created + 7_200_000] as const;
        if (withDims) insertWithDims.run(...values, dims.tier, dims.province, dims.line);
        else insert.run(...values);
      }
      const cpu = process.cpuUsage(cpuStart);
      return { us: ((performance.now() - started) * 1000) / n, cpuUs: (cpu.user + cpu.system) / n };
    } finally {
      sqlite.exec('ROLLBACK');
    }
  };
  run(true); // warm-up
  const without = run(false);
  const withT = run(true);
  const withDims = run(true, true);
  return {
    name: 'dashboard.hook',
    rows: n,
    us_per_insert_without: round(without.us, 1),
    us_per_insert_with: round(withT.us, 1),
    hook_us_per_insert: round(withT.us - without.us, 1),
    hook_cpu_us_per_insert: round(withT.cpuUs - without.cpuUs, 1),
    hook_us_per_insert_dims_supplied: round(withDims.us - without.us, 1),
    rows_per_s_without: Math.round(1e6 / without.us),
    rows_per_s_with: Math.round(1e6 / withT.us),
    rows_per_s_with_dims_supplied: Math.round(1e6 / withDims.us),
  };
}
