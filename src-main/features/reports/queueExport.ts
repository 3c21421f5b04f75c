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
import { createXlsxWriter, type XlsxCell, type XlsxColumnType } from './xlsx';

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

/** Rows per keyset page. */
const PAGE = 5000;

const TYPES: Record<QueueExportColumn, XlsxColumnType> = {
  number: 'text',
  subject: 'text',
  customer: 'text',
  type: 'text',
  priority: 'text',
  status: 'text',
  assignee: 'text',
  channel: 'text',
  requestedBy: 'date',
  createdAt: 'datetime',
  slaDueAt: 'datetime',
};

type Row = Awaited<ReturnType<ReturnType<typeof ticketRowsQuery>['execute']>>[number];

/** One request as the file's cells, in QUEUE_EXPORT_COLUMNS order, in the user's words. */
function cells(r: Row, labels: QueueExportLabels): XlsxCell[] {
  const priority: TicketPriority = TICKET_PRIORITIES[r.priority] ?? 'normal';
  return [
    r.number,
    r.subject,
    r.customer_name,
    labels.type[r.type as TicketType] ?? r.type,
    labels.priority[priority],
    labels.status[r.status as TicketStatus] ?? r.status,
    r.assignee_name ?? labels.unassigned,
    labels.channel[r.channel as TicketChannel] ?? r.channel,
    r.requested_by,
    r.created_at,
    r.sla_due_at,
  ];
}

export function runQueueExport(sqlite: Database.Database, spec: QueueExportSpec, hooks: { progress(done: number, total: number): void; cancelled(): boolean }): QueueExportResult {
  // Kysely here only compiles the queue's own queries; better-sqlite3 runs them synchronously.
  const compiler = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const run = <T>(query: CompiledQuery) => sqlite.prepare(query.sql).all(...(query.parameters as unknown[])) as T[];
  const columns = QUEUE_EXPORT_COLUMNS.map((c) => ({ header: spec.labels.columns[c], type: TYPES[c] }));

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
      const keys: { id: number; k: number | string | null }[] = run(ticketPageQuery(filter, spec.sort, cursor, PAGE).compile(compiler));
      if (keys.length === 0) break;
      const rows = run<Row>(ticketRowsQuery(compiler, keys.map((k) => k.id)).compile());
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const k of keys) {
        const row = byId.get(k.id);
        if (row) writer.row(cells(row, spec.labels));
      }
      done += keys.length;
      hooks.progress(Math.min(done, total), total);
      if (keys.length < PAGE) break;
      const last: { id: number; k: number | string | null } = keys[keys.length - 1]!;
      cursor = [last.k, last.id];
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
