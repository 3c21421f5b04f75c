import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { QUEUE_EXPORT_COLUMNS, type QueueExportColumn, type QueueExportLabels, type QueueViewFormat } from '../../../src-shared/contract/queueExport';
import { TICKET_PRIORITIES, type TicketChannel, type TicketPriority, type TicketSort, type TicketStatus, type TicketType } from '../../../src-shared/domain/tickets';
import type { DB } from '../../db/schema';
import type { Cursor } from '../tickets/cursor';
import { ticketPageQuery, ticketRowsQuery, type TicketFilter } from '../tickets/queries';
import { createCsvWriter, localDateTime } from './csv';
import { writePdfSync, type PdfCell, type PdfColumn } from './pdf';
import { createXlsxWriter, type XlsxCell, type XlsxColumn } from './xlsx';
import { zoneOffsets } from '../../../src-shared/domain/time';

// A queue view as a file, in a worker thread: the same keyset pages tickets.list reads
// (ticketPageQuery, then ticketRowsQuery for their rows), in the same order, page after
// page inside one read transaction, each row written out as it comes.

export interface QueueExportSpec {
  outPath: string;
  /** The file's name as the user gets it (the path on disk may differ). */
  fileName: string;
  format: QueueViewFormat;
  /** The list query the queue reads (views.ts queueQuery, resolved in main); null: nothing can match (a file with the header alone). */
  filter: TicketFilter | null;
  sort: TicketSort;
  labels: QueueExportLabels;
  sheetName: string;
  timeZone: string;
  now: number;
  /** Tests: a small sheet limit to see the split. */
  maxRowsPerSheet?: number;
  /** The bench: only the view's first rows (a PDF of 100,000 rows from a desk of a million). */
  maxRows?: number;
  /** PDF only: what the page prints around the table (worded and formatted in main). */
  pdf?: QueueExportPdfSpec;
}

export interface QueueExportPdfSpec {
  filters: { label: string; value: string }[];
  /** e.g. 生成时间：2026-11-24 10:00 */
  generatedAt: string;
  /** The footer with {page} and {pages} in it. */
  pageOf: string;
  /** Resolved in main (a worker may not see the packaged app's resources path). */
  fontPath?: string;
}

export interface QueueExportResult {
  fileName: string;
  bytes: number;
  rows: number;
  sheets: number;
  /** PDF only. */
  pages?: number;
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
 * Relative column widths on a landscape A4 page: the subject and customer get the room,
 * coded values (type, priority, status, channel) little.
 */
const PDF_WIDTHS: Record<QueueExportColumn, number> = {
  number: 1.35,
  subject: 3,
  customer: 2,
  type: 0.8,
  priority: 0.65,
  status: 0.85,
  assignee: 1,
  channel: 0.75,
  requestedBy: 1.05,
  createdAt: 1.3,
  slaDueAt: 1.3,
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

  /** Every row of the view in its order, page by page of keys; cancel is looked at between pages. */
  function* rows(): Generator<XlsxCell[]> {
    const { filter } = spec;
    // The page query with LIMIT -1 (none) counts what the whole view holds.
    const count = filter && ticketPageQuery(filter, spec.sort, null, -1).compile(compiler);
    const all = count ? (sqlite.prepare(`SELECT count(*) AS n FROM (${count.sql})`).get(...(count.parameters as unknown[])) as { n: number }).n : 0;
    const total = Math.min(all, spec.maxRows ?? Infinity);
    hooks.progress(0, total);
    let cursor: Cursor | null = null;
    let done = 0;
    let left = spec.maxRows ?? Infinity;
    while (filter && left > 0) {
      if (hooks.cancelled()) throw new Error('cancelled');
      const keys: [id: number, k: number | string | null][] = run(ticketPageQuery(filter, spec.sort, cursor, PAGE).compile(compiler));
      if (keys.length === 0) break;
      const found = run<Row>(rowsQuery(compiler, keys.map((k) => k[0])).compile());
      const byId = new Map(found.map((r) => [r[0], r]));
      for (const k of keys) {
        const row = byId.get(k[0]);
        if (row && left-- > 0) yield cells(row, spec.labels);
      }
      done += keys.length;
      hooks.progress(Math.min(done, total), total);
      if (keys.length < PAGE) break;
      const last: [number, number | string | null] = keys[keys.length - 1]!;
      cursor = [last[1], last[0]];
    }
  }

  // One read transaction: every page sees the same moment (in WAL mode this blocks no writer).
  sqlite.prepare('BEGIN').run();
  try {
    if (spec.format === 'pdf') return pdfExport(spec, columns, rows());
    const writer =
      spec.format === 'xlsx'
        ? createXlsxWriter(spec.outPath, { columns, sheetName: spec.sheetName, timeZone: spec.timeZone, level: 1, ...(spec.maxRowsPerSheet ? { maxRowsPerSheet: spec.maxRowsPerSheet } : {}) }, spec.now)
        : createCsvWriter(spec.outPath, { columns, timeZone: spec.timeZone, encoding: spec.format === 'csv' ? 'utf-8' : 'gb18030' });
    try {
      for (const row of rows()) writer.row(row);
      const result = writer.finish();
      return { fileName: spec.fileName, bytes: result.bytes, rows: result.rows, sheets: 'sheets' in result ? (result.sheets as number) : 1 };
    } catch (error) {
      writer.abort();
      throw error;
    }
  } finally {
    sqlite.prepare('COMMIT').run();
  }
}

/**
 * The view as a landscape PDF: the same rows and columns as the XLSX, times in the desk's
 * zone, the view's name as the title, its filters and the generation time under it.
 */
function pdfExport(spec: QueueExportSpec, columns: XlsxColumn[], rows: Iterable<XlsxCell[]>): QueueExportResult {
  const offsetAt = zoneOffsets(spec.timeZone);
  const pdf = spec.pdf ?? { filters: [], generatedAt: '', pageOf: '第 {page} 页，共 {pages} 页' };
  const kinds = columns.map((c) => c.type);
  function* printed(): Generator<PdfCell[]> {
    for (const row of rows) {
      for (let i = 0; i < kinds.length; i++) {
        const value = row[i];
        if (kinds[i] === 'datetime' && typeof value === 'number') row[i] = localDateTime(value, offsetAt);
      }
      yield row as PdfCell[];
    }
  }
  const pdfColumns: PdfColumn[] = QUEUE_EXPORT_COLUMNS.map((c, i) => ({ header: columns[i]!.header, width: PDF_WIDTHS[c] }));
  const result = writePdfSync(
    {
      title: spec.sheetName,
      filters: pdf.filters,
      generatedAt: pdf.generatedAt,
      pageLabel: (page, pages) => pdf.pageOf.replace('{pages}', String(pages)).replace('{page}', String(page)),
      sections: [{ kind: 'table', columns: pdfColumns, rows: printed() }],
      landscape: true,
    },
    spec.outPath,
    pdf.fontPath ? { fontPath: pdf.fontPath } : {},
  );
  return { fileName: spec.fileName, bytes: result.bytes, rows: result.rows, sheets: 1, pages: result.pages };
}
