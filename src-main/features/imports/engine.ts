import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { MAX_REJECTED_LISTED, type ImportMapping, type ImportReport, type RejectedRow } from '../../../src-shared/contract/imports';
import { IMPORT_ENTITIES, type ImportEntity } from '../../../src-shared/domain/importFields';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { parseCsv, decodeText, readTable, type Table, type TableRow } from './readTable';
import { cleanText } from '../../../src-shared/domain/cleaning';
import { cleanRow, columnsOf, identityMapping, type Problem, type Values } from './clean';
import { KeyStore } from './keys';
import { rollupBatches } from '../dashboard/bulk';
import { appendAudit } from '../audit/record';
import { OPEN_GATE, type WorkerGate } from '../../db/writeGate';
import { assetWriter, contactWriter, customerWriter, orderWriter, productWriter, requestWriter, type OrderLineRow, type Outcome, type WriteContext } from './writers';

// The import itself: plain synchronous code over one better-sqlite3 connection, run in a
// worker thread (workers/jobWorker.ts) so the window never waits on it. Rows are cleaned,
// checked and written in batches, each batch one transaction: a failure or a cancel keeps
// whole batches only, and a re-run skips what they created (import_keys).

/** A batch commits after at most this many rows… */
export const BATCH_ROWS = 20_000;
/**
 * …or this long. Long batches cost least per row: each commit flushes the search index's
 * new terms as one segment and writes every page the batch touched. The main thread never
 * waits on one: a write there ends the batch at once (db/writeGate.ts). The bound keeps
 * progress and cancel prompt.
 */
export const BATCH_MS = 500;
/**
 * A batch that a main-thread write interrupts has still run this long, so that an import
 * keeps moving while someone saves one thing after another. The write waits that long at
 * most, plus the commit, without stopping the window's event loop.
 */
export const MIN_BATCH_MS = 20;

export interface ImportSpec {
  filePath: string;
  fileName: string;
  /** Absent for an export package, whose files name their entities. */
  entity?: ImportEntity;
  mapping?: ImportMapping;
  dryRun: boolean;
  userId: number;
  now: number;
}

export interface ImportHooks {
  progress(done: number, total: number): void;
  cancelled(): boolean;
  /** Gives way to the main thread's writes (absent when nothing else writes: tests, benches). */
  gate?: WorkerGate;
}

export type EntityReport = { entity: ImportEntity } & ImportReport;

export interface ImportResult {
  state: 'done' | 'cancelled';
  reports: EntityReport[];
  runId: number | null;
}

/** One entity's rows to bring in, with how to read them. */
export interface Source {
  entity: ImportEntity;
  table: Table;
  mapping: ImportMapping;
}

/** The file manifest of an export package (exports/package.ts writes it). */
export interface PackageManifest {
  format: 'serviceloop-export';
  version: 1;
  deskId: string;
  exportedAt: string;
  files: { entity: ImportEntity; file: string; rows: number }[];
}

/** An export package (zip with manifest.json), or null for a plain table. */
export function readPackage(fileName: string, bytes: Uint8Array): { manifest: PackageManifest; tables: Map<ImportEntity, Table> } | null {
  if (!fileName.toLowerCase().endsWith('.zip')) return null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('unreadable');
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw new Error('notAPackage');
  const manifest = JSON.parse(strFromU8(manifestBytes)) as PackageManifest;
  if (manifest.format !== 'serviceloop-export' || !Array.isArray(manifest.files)) throw new Error('notAPackage');
  const tables = new Map<ImportEntity, Table>();
  for (const f of manifest.files) {
    const data = files[f.file];
    if (!data || !IMPORT_ENTITIES.includes(f.entity)) throw new Error('notAPackage');
    const { text, encoding } = decodeText(data);
    const { rows, errors } = parseCsv(text);
    const [header, ...body] = rows;
    tables.set(f.entity, { format: 'csv', encoding, headers: header?.cells ?? [], rows: body, errors });
  }
  return { manifest, tables };
}

/** The sources of a file: each entity of a package in dependency order, or the one table mapped. */
export function sourcesOf(spec: Pick<ImportSpec, 'fileName' | 'entity' | 'mapping'>, bytes: Uint8Array): Source[] {
  const pkg = readPackage(spec.fileName, bytes);
  if (pkg) {
    return IMPORT_ENTITIES.flatMap((entity) => {
      const table = pkg.tables.get(entity);
      return table ? [{ entity, table, mapping: identityMapping(entity, table.headers) }] : [];
    });
  }
  if (!spec.entity || !spec.mapping) throw new Error('mappingRequired');
  return [{ entity: spec.entity, table: readTable(spec.fileName, bytes), mapping: spec.mapping }];
}

function setting(sqlite: Database.Database, key: string): string | undefined {
  return (sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

/** The desk's own id, which its exports carry so that importing one back recognizes its records. */
export function deskId(sqlite: Database.Database): string {
  const id = setting(sqlite, 'deskId');
  if (id) return id;
  const fresh = randomUUID();
  sqlite.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run('deskId', fresh);
  return setting(sqlite, 'deskId') ?? fresh;
}

class Report {
  counts = { rows: 0, created: 0, unchanged: 0, rejected: 0 };
  rejectedRows: RejectedRow[] = [];
  /** The counts as of the last committed batch. */
  private committed = { counts: { ...this.counts }, rejected: 0 };

  commit(): void {
    this.committed = { counts: { ...this.counts }, rejected: this.rejectedRows.length };
  }

  rollback(): void {
    this.counts = { ...this.committed.counts };
    this.rejectedRows = this.rejectedRows.slice(0, this.committed.rejected);
  }

  constructor(readonly entity: ImportEntity) {}

  add(line: number, outcome: Outcome): void {
    this.counts.rows++;
    if (outcome === 'created') this.counts.created++;
    else if (outcome === 'unchanged') this.counts.unchanged++;
    else this.reject({ line, ...outcome });
  }

  reject(row: RejectedRow): void {
    this.counts.rejected++;
    if (this.rejectedRows.length < MAX_REJECTED_LISTED) this.rejectedRows.push(row);
  }

  toJSON(): EntityReport {
    return { entity: this.entity, ...this.counts, rejectedRows: this.rejectedRows };
  }
}

export function runImport(sqlite: Database.Database, spec: ImportSpec, hooks: ImportHooks): ImportResult {
  const sources = sourcesOf(spec, fs.readFileSync(spec.filePath));
  const timeZone = setting(sqlite, 'timeZone') ?? DEFAULT_TIME_ZONE;
  const total = sources.reduce((n, s) => n + s.table.rows.length + s.table.errors.length, 0);
  const gate = hooks.gate ?? OPEN_GATE;
  /** Every write of this thread passes the gate, batches and bookkeeping alike. */
  const gated = <T>(work: () => T): T => {
    gate.enter();
    try {
      return work();
    } finally {
      gate.leave();
    }
  };
  const runId = spec.dryRun
    ? null
    : gated(() =>
        Number(
          sqlite
            .prepare('INSERT INTO import_runs (entity, file_name, user_id, started_at) VALUES (?, ?, ?, ?)')
            .run(spec.entity ?? 'package', spec.fileName, spec.userId, spec.now).lastInsertRowid,
        ),
      );
  const keys = new KeyStore(sqlite, runId ?? 0, spec.dryRun);
  const ctx: WriteContext = { sqlite, keys, now: spec.now, userId: spec.userId, deskId: gated(() => deskId(sqlite)), endOfBatch: [] };
  const reports: Report[] = [];
  let done = 0;
  let state: ImportResult['state'] = 'done';
  // A dry run writes nothing, so it needs no transaction; a real batch commits whole or not at
  // all, taking the write lock as it begins (IMMEDIATE) so it waits its turn instead of failing.
  const inBatch = <T>(work: () => T): T => (spec.dryRun ? work() : gated(() => sqlite.transaction(work).immediate()));

  try {
    for (const source of sources) {
      const report = new Report(source.entity);
      reports.push(report);
      for (const e of source.table.errors) report.reject({ line: e.line, field: null, reason: e.reason, value: null });
      report.commit();
      done += source.table.errors.length;
      const columns = columnsOf(source.entity, source.table.headers, source.mapping);
      const clean = (row: TableRow) => cleanRow(source.entity, row.cells, columns, source.mapping, timeZone);

      const orderNoColumn = columns.get('orderNo');
      const orderNoOf = (row: TableRow) => cleanText(orderNoColumn === undefined ? '' : (row.cells[orderNoColumn] ?? ''));
      const units =
        source.entity === 'orders'
          ? orderUnits(source.table.rows, clean, orderNoOf, report, ctx, timeZone)
          : rowUnits(source.table.rows, clean, report, source.entity, ctx, timeZone);
      // New requests reach the dashboard's rollups once per batch (dashboard/bulk.ts).
      const rollups = source.entity === 'requests' && !spec.dryRun ? rollupBatches(sqlite) : null;
      for (let i = 0; i < units.length; ) {
        done += inBatch(() => {
          rollups?.begin();
          const started = performance.now();
          const end = Math.min(units.length, i + BATCH_ROWS);
          let rows = 0;
          const goOn = () => {
            const elapsed = performance.now() - started;
            return elapsed < BATCH_MS && (elapsed < MIN_BATCH_MS || !gate.wanted());
          };
          while (i < end && (rows === 0 || goOn())) rows += units[i++]!();
          rollups?.end();
          for (const work of ctx.endOfBatch) work();
          keys.flush();
          return rows;
        });
        for (const r of reports) r.commit();
        hooks.progress(done, total);
        if (hooks.cancelled()) {
          state = 'cancelled';
          break;
        }
      }
      if (state === 'cancelled') break;
    }
  } catch (error) {
    // The batch that failed was rolled back: the run records what the committed ones did.
    for (const r of reports) r.rollback();
    if (runId !== null) gated(() => finishRun(sqlite, runId, 'failed', reports, Date.now()));
    throw error;
  }
  if (runId !== null) {
    gated(() => finishRun(sqlite, runId, state, reports, Date.now()));
    gated(() => appendAudit(sqlite, Date.now(), {
      userId: spec.userId,
      action: 'import.run',
      entity: 'import_run',
      entityId: runId,
      details: { fileName: spec.fileName, state, counts: reports.map((r) => ({ entity: r.entity, ...r.counts })) },
    }));
  }
  return { state, reports: reports.map((r) => r.toJSON()), runId };
}

function finishRun(sqlite: Database.Database, runId: number, outcome: string, reports: Report[], at: number): void {
  const sum = { rows: 0, created: 0, unchanged: 0, rejected: 0 };
  for (const r of reports) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += r.counts[k];
  sqlite.prepare('UPDATE import_runs SET finished_at = ?, outcome = ?, summary = ? WHERE id = ?').run(at, outcome, JSON.stringify(sum), runId);
}

type Clean = (row: TableRow) => ReturnType<typeof cleanRow>;
/** One unit of work: writes a row (or an order's rows) and says how many rows it covered. */
type Unit = () => number;

function rowUnits(rows: TableRow[], clean: Clean, report: Report, entity: Exclude<ImportEntity, 'orders'>, ctx: WriteContext, timeZone: string): Unit[] {
  const write: (v: Values) => Outcome =
    entity === 'products'
      ? productWriter(ctx)
      : entity === 'customers'
        ? customerWriter(ctx, timeZone)
        : entity === 'contacts'
          ? contactWriter(ctx)
          : entity === 'assets'
            ? assetWriter(ctx)
            : requestWriter(ctx, timeZone);
  return rows.map((row) => () => {
    const cleaned = clean(row);
    report.add(row.line, cleaned.ok ? write(cleaned.values) : cleaned.problem);
    return 1;
  });
}

/**
 * Order lines grouped by order number (in first-seen order): an order is written whole or
 * rejected whole; a bad line rejects its order's other lines too ('orderRejected').
 */
function orderUnits(rows: TableRow[], clean: Clean, orderNoOf: (row: TableRow) => string, report: Report, ctx: WriteContext, timeZone: string): Unit[] {
  const write = orderWriter(ctx, timeZone);
  const orders = new Map<string, { lines: OrderLineRow[]; bad: { line: number; problem: Problem }[] }>();
  for (const row of rows) {
    const orderNo = orderNoOf(row);
    let order = orders.get(orderNo);
    if (!order) orders.set(orderNo, (order = { lines: [], bad: [] }));
    const cleaned = clean(row);
    if (cleaned.ok) order.lines.push({ line: row.line, values: cleaned.values });
    else order.bad.push({ line: row.line, problem: cleaned.problem });
  }
  return [...orders.values()].map(({ lines, bad }) => () => {
    for (const b of bad) report.add(b.line, b.problem);
    if (bad.length > 0) {
      for (const l of lines) report.add(l.line, { field: 'orderNo', reason: 'orderRejected', value: String(l.values.orderNo) });
    } else {
      const { line, outcome } = write(lines);
      if (outcome === 'created' || outcome === 'unchanged') for (const l of lines) report.add(l.line, outcome);
      else for (const l of lines) report.add(l.line, l.line === line ? outcome : { field: 'orderNo', reason: 'orderRejected', value: String(l.values.orderNo) });
    }
    return lines.length + bad.length;
  });
}
