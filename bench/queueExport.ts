import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { QueueViewFormat } from '../src-shared/contract/queueExport';
import { QUEUE_LABELS_ZH } from '../src-main/core/testing';
import { startTask } from '../src-main/workers/spawn';
import type { TaskResult } from '../src-main/workers/tasks';
import { round, type Figure } from './stats';

// Queue exports (issue 6): the whole queue (every request, newest first: the list query
// with no view or filter) written as XLSX and as CSV by the worker thread exports.queue
// starts, and its first 100,000 rows as a landscape PDF (a print of 3,000-odd pages: more
// is not a document anyone prints; PDF speed has no budget, its memory and stalls do), while this thread measures its own event loop (the longest stall, by
// monitorEventLoopDelay and by a 5 ms timer's drift) and samples the process's resident
// memory. The process already holds the bench's own core and caches when the export
// starts, so the budget is checked on what the export adds (export_rss_mb = peak − start).

export const EXPORT_BUDGETS = { rows_per_s: 50_000, export_rss_mb: 400, stall_ms: 50 };

const LABELS = QUEUE_LABELS_ZH;

/** The longest 5 ms timer drift over `ms` with nothing running: what the machine alone stalls. */
async function idleStall(ms: number): Promise<number> {
  let max = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const at = performance.now();
    max = Math.max(max, at - last - 5);
    last = at;
  }, 5);
  await new Promise((resolve) => setTimeout(resolve, ms));
  clearInterval(probe);
  return max;
}

export async function benchQueueExport(sqlite: Database.Database, format: QueueViewFormat, now: number, timeZone: string, maxRows?: number): Promise<Figure> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-export-bench-'));
  const outPath = path.join(dir, `queue.${format === 'csv-gb18030' ? 'csv' : format}`);
  const baselineStall = await idleStall(5000);
  const rssStart = process.memoryUsage().rss;
  let peak = rssStart;
  let maxDrift = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const at = performance.now();
    maxDrift = Math.max(maxDrift, at - last - 5);
    last = at;
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  // On a shared machine the wall clock also counts time the worker waited for a core: the
  // process's CPU time and the main loop's utilization say how much was ours.
  const cpuStart = process.cpuUsage();
  const eluStart = performance.eventLoopUtilization();
  try {
    const running = startTask(
      sqlite,
      { kind: 'queueExport', spec: { outPath, fileName: path.basename(outPath), format, filter: {}, sort: 'created_desc', labels: LABELS, sheetName: '队列', timeZone, now, ...(maxRows ? { maxRows } : {}) } },
      () => {},
    );
    const result = (await running.result) as Extract<TaskResult, { kind: 'queueExport' }>;
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const elu = performance.eventLoopUtilization(eluStart);
    delay.disable();
    const { rows, sheets, bytes, pages } = result.result;
    return {
      name: `export.queue.${format}`,
      rows,
      sheets,
      ...(pages === undefined ? {} : { pages }),
      file_mb: round(bytes / 2 ** 20, 1),
      seconds: round(seconds),
      rows_per_s: Math.round(rows / seconds),
      cpu_s: round((cpu.user + cpu.system) / 1e6),
      rows_per_cpu_s: Math.round(rows / ((cpu.user + cpu.system) / 1e6)),
      main_loop_busy: round(elu.utilization, 3),
      load_avg: round(os.loadavg()[0] ?? 0, 1),
      peak_rss_mb: Math.round(peak / 2 ** 20),
      rss_start_mb: Math.round(rssStart / 2 ** 20),
      export_rss_mb: Math.round((peak - rssStart) / 2 ** 20),
      stall_ms: round(Math.max(maxDrift, delay.max / 1e6 - 5), 1),
      // The same probe for 5 s before the export, with no worker: the machine's own stalls.
      idle_stall_ms: round(baselineStall, 1),
      ...(format === 'pdf' ? {} : { budget_rows_per_s: EXPORT_BUDGETS.rows_per_s }),
      budget_export_rss_mb: EXPORT_BUDGETS.export_rss_mb,
      budget_stall_ms: EXPORT_BUDGETS.stall_ms,
    };
  } finally {
    clearInterval(probe);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
