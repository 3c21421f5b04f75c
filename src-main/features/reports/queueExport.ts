import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { QUEUE_EXPORT_COLUMNS, type QueueExportColumn, type QueueExportFormat, type QueueExportLabels } from '../../../src-shared/contract/queueExport';
import { TICKET_PRIORITIES, type TicketChannel, type TicketPriority, type TicketSort, type TicketStatus, type TicketType } from '../../../src-shared/domain/tickets';
import type { DB } from '../../db/schema';
import type { Cursor } from '../tickets/cursor';
import { ticketPageQuery, ticketRowsQuery, type TicketFilter } from '../tickets/queries';
import { createCsvWriter } from './csv';
import { createXlsxWriter, type XlsxCell, type XlsxColumn } from './xlsx';

// A queue view as a file, in a worker thread: the same keyset pages tickets.list reads
// (ticketPageQuery, then ticketRowsQuery for their rows), in the same order, page after
// page inside one read transaction, each row written out as it comes.

export interface QueueExportSpec {
  outPath: string;
  /** The file's name as the user gets it (the path on disk may differ). */
  fileName: string;
  format: QueueExportFormat;
  /** The list query the queue reads (views.ts queueQuery, resolved in main); null: nothing can match (a file with the header alone). */
  filter: TicketFilter | null;
  sort: TicketSort;
  labels: QueueExportLabels;
  sheetName: string;
  timeZone: string;
  now: number;
  /** Tests: a small sheet limit to see the split. */
  maxRowsPerSheet?: number;
}

export interface QueueExportResult {
  fileName: string;
  bytes: number;
  rows: number;
  sheets: number;
}

/**
 * Rows per keyset page: small enough that a page's rows die young (the garbage collector
 * copies what survives it), large enough that the queries' own cost stays small.
 */
const PAGE = 1000;

const COLUMNS: Record<QueueExportColumn, Omit<XlsxColumn, 'header'>> = {
  number: { type: 'text' },
  subject: { type: 'text' },
  customer: { type: 'text', repeats: true },
  type: { type: 'text', repeats: true },
  priority: { type: 'text', repeats: true },
  status: { type: 'text', repeats: true },
  assignee: { type: 'text', repeats: true },
  channel: { type: 'text', repeats: true },
  requestedBy: { type: 'date' },
  createdAt: { type: 'datetime' },
  slaDueAt: { type: 'datetime' },
};

/**
 * The queue's own rows query (its joins and ids), narrowed to the columns the file shows:
 * the SLA bookkeeping columns at the far end of a request's row often sit past its
 * description on an overflow page, and reading them would cost more than all the rest.
 */
function rowsQuery(compiler: Kysely<DB>, ids: number[]) {
  return ticketRowsQuery(compiler, ids)
    .clearSelect()
    .select(['t.id', 't.number', 't.subject', 't.status', 't.type', 't.priority', 't.channel', 't.requested_by', 't.created_at', 't.sla_due_at', 'c.name as customer_name', 'a.display_name as assignee_name']);
}

/** A row of rowsQuery read raw (an array, in its select order: no object per row). */
type Row = [
  id: number,
  number: string,
  subject: string,
  status: string,
  type: string,
  priority: number,
  channel: string,
  requestedBy: string | null,
  createdAt: number,
  slaDueAt: number | null,
  customer: string,
  assignee: string | null,
];

/** One request as the file's cells, in QUEUE_EXPORT_COLUMNS order, in the user's words. */
function cells(r: Row, labels: QueueExportLabels): XlsxCell[] {
  const priority: TicketPriority = TICKET_PRIORITIES[r[5]] ?? 'normal';
  return [
    r[1],
    r[2],
    r[10],
    labels.type[r[4] as TicketType] ?? r[4],
    labels.priority[priority],
    labels.status[r[3] as TicketStatus] ?? r[3],
    r[11] ?? labels.unassigned,
    labels.channel[r[6] as TicketChannel] ?? r[6],
    r[7],
    r[8],
    r[9],
  ];
}

export function runQueueExport(sqlite: Database.Database, spec: QueueExportSpec, hooks: { progress(done: number, total: number): void; cancelled(): boolean }): QueueExportResult {
  // Kysely here only compiles the queue's own queries; better-sqlite3 runs them synchronously.
  const compiler = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  // Every full page has the same SQL (values are parameters): prepared once, read raw (arrays, not objects).
  const statements = new Map<string, Database.Statement>();
  const run = <T>(query: CompiledQuery) => {
    let statement = statements.get(query.sql);
    if (!statement) {
      statement = sqlite.prepare(query.sql).raw(true);
      statements.set(query.sql, statement);
    }
    return statement.all(...(query.parameters as unknown[])) as T[];
  };
  // A worker's connection keeps a large page cache for imports; a read from start to end
  // would only fill it (memory the export does not need). Not the caller's own connection.
  if (!sqlite.memory) sqlite.pragma('cache_size = -16384');
  const columns = QUEUE_EXPORT_COLUMNS.map((c) => ({ header: spec.labels.columns[c], ...COLUMNS[c] }));

  fs.mkdirSync(path.dirname(spec.outPath), { recursive: true });
  const writer =
    spec.format === 'xlsx'
      ? createXlsxWriter(spec.outPath, { columns, sheetName: spec.sheetName, timeZone: spec.timeZone, level: 1, ...(spec.maxRowsPerSheet ? { maxRowsPerSheet: spec.maxRowsPerSheet } : {}) }, spec.now)
      : createCsvWriter(spec.outPath, { columns, timeZone: spec.timeZone, encoding: spec.format === 'csv' ? 'utf-8' : 'gb18030' });

  // One read transaction: every page sees the same moment (in WAL mode this blocks no writer).
  sqlite.prepare('BEGIN').run();
  try {
    const { filter } = spec;
    // The page query with LIMIT -1 (none) counts what the whole view holds.
    const count = filter && ticketPageQuery(filter, spec.sort, null, -1).compile(compiler);
    const total = count ? (sqlite.prepare(`SELECT count(*) AS n FROM (${count.sql})`).get(...(count.parameters as unknown[])) as { n: number }).n : 0;
    hooks.progress(0, total);
    let cursor: Cursor | null = null;
    let done = 0;
    while (filter) {
      if (hooks.cancelled()) throw new Error('cancelled');
      const keys: [id: number, k: number | string | null][] = run(ticketPageQuery(filter, spec.sort, cursor, PAGE).compile(compiler));
      if (keys.length === 0) break;
      const rows = run<Row>(rowsQuery(compiler, keys.map((k) => k[0])).compile());
      const byId = new Map(rows.map((r) => [r[0], r]));
      for (const k of keys) {
        const row = byId.get(k[0]);
        if (row) writer.row(cells(row, spec.labels));
      }
      done += keys.length;
      hooks.progress(Math.min(done, total), total);
      if (keys.length < PAGE) break;
      const last: [number, number | string | null] = keys[keys.length - 1]!;
      cursor = [last[1], last[0]];
    }
    const result = writer.finish();
    return { fileName: spec.fileName, bytes: result.bytes, rows: result.rows, sheets: 'sheets' in result ? (result.sheets as number) : 1 };
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    sqlite.prepare('COMMIT').run();
  }
}
