import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ReportData, ReportFileFormat, ReportFilters, ReportWords } from '../../../src-shared/contract/reports';
import type { Locale } from '../../../src-shared/domain/locale';
import { chartData, formatReportCell, periodRange, REPORTS, type ReportCell, type ReportColumnShape, type ReportId, type ReportShape, type ReportTableShape } from '../../../src-shared/domain/reports';
import type { DB } from '../../db/schema';
import type { TaskHooks } from '../../workers/tasks';
import type { TicketScope } from '../users/scope';
import { csvText, localDateTime } from './csv';
import { writePdfSync, type PdfSection } from './pdf';
import { REPORT_QUERIES } from './standard/registry';
import { createWorkbookWriter, type WorkbookCellType } from './standard/workbook';
import { zoneOffsets } from '../../../src-shared/domain/time';
import { FILE_EXTENSION, fileTitle } from './fileNames';

// A standard report from its one definition (src-shared/domain/reports.ts for the shape,
// standard/<report>.ts for the query) to the screen's data or a file: XLSX (a summary sheet
// and a sheet per table), CSV (every table in one file, one after another) or PDF (figures,
// charts, tables). Runs on a connection of its own: a worker thread's (exports, the screen,
// scheduled runs), so the main thread never waits on a report's queries.

export interface ReportRunSpec {
  report: ReportId;
  filters: ReportFilters;
  locale: Locale;
  timeZone: string;
  now: number;
  /** The viewer's data scope; absent: every request. */
  scope?: TicketScope;
  /** Rows of a long list to return (the screen's); absent: all. */
  listLimit?: number;
}

export interface ReportFileRequest {
  report: ReportId;
  filters: ReportFilters;
  format: ReportFileFormat;
  words: ReportWords;
  timeZone: string;
  now: number;
  outPath: string;
  /** The requesting user's data scope; absent (a scheduled run): every request. */
  scope?: TicketScope;
}

export interface ReportFileResult {
  bytes: number;
  /** Table rows written (totals rows not counted). */
  rows: number;
  /** The file's name as the user gets it, e.g. 服务请求分析_2026-11-01_2026-11-30.xlsx. */
  fileName: string;
}


export function reportFileName(title: string, filters: Pick<ReportFilters, 'from' | 'to'>, format: ReportFileFormat): string {
  return `${fileTitle(title, 'report')}_${filters.from}_${filters.to}.${FILE_EXTENSION[format]}`;
}

/** Runs the report's queries in one read transaction (every table sees the same moment). */
export async function computeReport(sqlite: Database.Database, spec: ReportRunSpec): Promise<ReportData> {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { start, end } = periodRange(spec.filters.from, spec.filters.to, spec.timeZone);
  // In WAL mode a reader blocks no writer. An in-memory database (tests) is the caller's own
  // connection, shared with other work meanwhile: no transaction there.
  const own = !sqlite.memory;
  // A report ignores the filters it does not offer (the contract's word): a query that reads
  // one anyway (engineers: agreement, priority) would narrow figures the file never names.
  const offered = REPORTS[spec.report].filters as readonly string[];
  const filters = Object.fromEntries(Object.entries(spec.filters).filter(([key]) => key === 'from' || key === 'to' || offered.includes(key))) as ReportFilters;
  if (own) sqlite.prepare('BEGIN').run();
  try {
    const result = await REPORT_QUERIES[spec.report].query({
      db,
      filters,
      start,
      end,
      now: spec.now,
      locale: spec.locale,
      ...(spec.scope ? { scope: spec.scope } : {}),
      ...(spec.listLimit !== undefined ? { listLimit: spec.listLimit } : {}),
    });
    return { report: spec.report, from: spec.filters.from, to: spec.filters.to, figures: result.figures, tables: result.tables, generatedAt: spec.now };
  } finally {
    if (own) sqlite.prepare('COMMIT').run();
  }
}

// ---------------------------------------------------------------------------------------
// Cells in the user's words

function workbookType(c: ReportColumnShape): WorkbookCellType {
  switch (c.type) {
    case 'text':
    case 'code':
      return 'text';
    case 'number':
      return (c.decimals ?? 1) >= 2 ? 'number2' : 'number1';
    default:
      return c.type;
  }
}

const numeric = (c: ReportColumnShape) => c.type !== 'text' && c.type !== 'code' && c.type !== 'date' && c.type !== 'datetime';

/**
 * A data row's raw cells with codes translated and empty group names named (a request with
 * no category, a product line not set): the text columns before the first figure are the groups.
 */
function wordedRow(shape: ReportTableShape, row: readonly ReportCell[], words: ReportWords): ReportCell[] {
  const firstFigure = shape.columns.findIndex(numeric);
  return shape.columns.map((c, i) => {
    const v = row[i] ?? null;
    if (v === null) return (c.type === 'text' || c.type === 'code') && i < firstFigure ? words.none : null;
    return c.type === 'code' ? formatReportCell(c, v, { ...words, locale: words.locale }, () => '') : v;
  });
}

/** Rows in the user's words, one at a time as the writer takes them (a long list is not copied whole). */
function* worded(shape: ReportTableShape, rows: readonly ReportCell[][], words: ReportWords): Generator<ReportCell[]> {
  for (const r of rows) yield wordedRow(shape, r, words);
}

function wordedTotals(row: readonly ReportCell[] | null, words: ReportWords): ReportCell[] | null {
  return row ? row.map((v, i) => (i === 0 ? words.total : v)) : null;
}

const header = (c: ReportColumnShape, words: ReportWords) => words.columns[c.key] ?? c.key;

/** The filters as the file prints them: the period first, then each filter set (names looked up). */
async function filterLines(db: Kysely<DB>, shape: ReportShape, filters: ReportFilters, words: ReportWords): Promise<{ label: string; value: string }[]> {
  const lines = [{ label: words.filters.period ?? 'period', value: `${filters.from} – ${filters.to}` }];
  for (const key of shape.filters) {
    let value: string = words.all;
    if (key === 'teamId' && filters.teamId !== undefined) value = (await db.selectFrom('teams').select('name').where('id', '=', filters.teamId).executeTakeFirst())?.name ?? String(filters.teamId);
    if (key === 'agreementId' && filters.agreementId !== undefined)
      value = (await db.selectFrom('agreements').select('name').where('id', '=', filters.agreementId).executeTakeFirst())?.name ?? String(filters.agreementId);
    if (key === 'productLine' && filters.productLine !== undefined) value = filters.productLine;
    if (key === 'priority' && filters.priority !== undefined) value = words.codes[`priority.${filters.priority}`] ?? filters.priority;
    lines.push({ label: words.filters[key] ?? key, value });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------
// Files

/**
 * Writes a standard report as a file at req.outPath: computes it (all rows of every list),
 * then writes XLSX, CSV (UTF-8 with BOM, or GB18030) or PDF in the request's words. Throws
 * Error('cancelled') when hooks.cancelled() turns true (the partial file removed).
 */
export async function renderReportFile(sqlite: Database.Database, req: ReportFileRequest, hooks: TaskHooks): Promise<ReportFileResult> {
  const shape = REPORTS[req.report];
  const { words } = req;
  // Progress counts table rows, as the other exports do (the queries' own time shows as "starting").
  hooks.progress(0, 0);
  const data = await computeReport(sqlite, { report: req.report, filters: req.filters, locale: words.locale, timeZone: req.timeZone, now: req.now, ...(req.scope ? { scope: req.scope } : {}) });
  if (hooks.cancelled()) throw new Error('cancelled');
  const totalRows = data.tables.reduce((n, t) => n + t.rows.length, 0);
  hooks.progress(0, totalRows);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const filters = await filterLines(db, shape, req.filters, words);
  const offsetAt = zoneOffsets(req.timeZone);
  const dateTime = (ms: number) => localDateTime(ms, offsetAt);
  const generated = `${words.generatedAt} ${dateTime(req.now)}`;
  const fileName = reportFileName(words.title, req.filters, req.format);
  fs.mkdirSync(path.dirname(req.outPath), { recursive: true });
  const tables = shape.tables.map((t, i) => ({ shape: t, data: data.tables[i]! }));
  let written = 0;
  const step = (i: number) => {
    if (hooks.cancelled()) throw new Error('cancelled');
    written += tables[i]!.data.rows.length;
    hooks.progress(written, totalRows);
  };

  if (req.format === 'xlsx') {
    const writer = createWorkbookWriter(req.outPath, req.timeZone);
    try {
      writer.summary(words.title, words.title, [
        ...filters.map((f) => ({ label: f.label, value: f.value, type: 'text' as const })),
        { label: words.generatedAt, value: req.now, type: 'datetime' },
        ...shape.figures.map((f) => ({ label: words.figures[f.key] ?? f.key, value: data.figures[f.key] ?? null, type: workbookType({ key: f.key, type: f.type, ...(f.decimals ? { decimals: f.decimals } : {}) }) })),
      ]);
      let rows = 0;
      tables.forEach((t, i) => {
        const columns = t.shape.columns.map((c) => ({ header: header(c, words), type: workbookType(c) }));
        rows += writer.table(words.tables[t.shape.key] ?? t.shape.key, columns, worded(t.shape, t.data.rows, words), wordedTotals(t.data.totals, words));
        step(i);
      });
      const { bytes } = writer.finish();
      return { bytes, rows, fileName };
    } catch (error) {
      writer.abort();
      throw error;
    }
  }

  const text = (c: ReportColumnShape, v: ReportCell) => formatReportCell(c, v, { ...words, locale: words.locale }, dateTime);

  if (req.format === 'pdf') {
    const sections: PdfSection[] = [
      {
        kind: 'figures',
        items: shape.figures.map((f) => ({ label: words.figures[f.key] ?? f.key, value: text({ key: f.key, type: f.type, ...(f.decimals ? { decimals: f.decimals } : {}) }, data.figures[f.key] ?? null) || '—' })),
      },
    ];
    for (const chart of shape.charts) {
      const rows = tables.find((t) => t.shape.key === chart.table)!.data.rows;
      if (rows.length === 0) continue;
      const d = chartData(shape, chart, rows, words);
      sections.push({ kind: 'chart', chart: { kind: d.kind, title: words.charts[chart.key] ?? chart.key, labels: d.labels.map((l) => l || words.none), series: d.series.map((s) => ({ name: words.columns[s.key] ?? s.key, values: s.values })) } });
    }
    for (const t of tables) {
      const cols = t.shape.columns;
      sections.push({
        kind: 'table',
        title: words.tables[t.shape.key] ?? t.shape.key,
        columns: cols.map((c) => ({ header: header(c, words), align: numeric(c) ? 'right' : 'left', width: c.type === 'datetime' ? 1.6 : c.type === 'text' ? 1.5 : 1 })),
        rows: t.data.rows.map((r) => wordedRow(t.shape, r, words).map((v, i) => (cols[i]!.type === 'text' || cols[i]!.type === 'code' ? v : text(cols[i]!, v)))),
        ...(t.data.totals ? { totals: wordedTotals(t.data.totals, words)!.map((v, i) => (i === 0 ? v : text(cols[i]!, v))) } : {}),
      });
    }
    const pdf = writePdfSync(
      {
        title: words.title,
        filters,
        generatedAt: generated,
        pageLabel: (page, pages) => words.page.replace('{page}', String(page)).replace('{pages}', String(pages)),
        sections,
        landscape: shape.tables.some((t) => t.columns.length > 7),
      },
      req.outPath,
      { cancelled: () => hooks.cancelled(), progress: (rows) => hooks.progress(rows, totalRows) },
    );
    return { bytes: pdf.bytes, rows: pdf.rows, fileName };
  }

  // CSV: the title, filters and figures, then each table under its title, a blank line between.
  const lines: string[] = [csvText(words.title), ...filters.map((f) => `${csvText(f.label)},${csvText(f.value)}`), `${csvText(words.generatedAt)},${dateTime(req.now)}`];
  for (const f of shape.figures) lines.push(`${csvText(words.figures[f.key] ?? f.key)},${csvText(text({ key: f.key, type: f.type, ...(f.decimals ? { decimals: f.decimals } : {}) }, data.figures[f.key] ?? null).replace(/,/g, ''))}`);
  let rows = 0;
  const csvCell = (c: ReportColumnShape, v: ReportCell): string => {
    if (v === null || v === '') return '';
    switch (c.type) {
      case 'text':
      case 'code':
      case 'date':
        return csvText(String(v));
      case 'datetime':
        return typeof v === 'number' ? dateTime(v) : csvText(String(v));
      case 'percent':
        return `${Math.round(Number(v) * 1000) / 10}%`;
      case 'money':
        return (Number(v) / 100).toFixed(2);
      default:
        return String(v);
    }
  };
  tables.forEach((t, i) => {
    const cols = t.shape.columns;
    lines.push('', csvText(words.tables[t.shape.key] ?? t.shape.key), cols.map((c) => csvText(header(c, words))).join(','));
    for (const r of t.data.rows) {
      lines.push(wordedRow(t.shape, r, words).map((v, j) => csvCell(cols[j]!, v)).join(','));
      rows++;
    }
    const totals = wordedTotals(t.data.totals, words);
    if (totals) lines.push(totals.map((v, j) => (j === 0 ? csvText(String(v)) : csvCell(cols[j]!, v))).join(','));
    step(i);
  });
  const body = `${lines.join('\r\n')}\r\n`;
  const bytes = req.format === 'csv' ? Buffer.from(`\uFEFF${body}`, 'utf8') : iconv.encode(body, 'gb18030');
  fs.writeFileSync(req.outPath, bytes);
  return { bytes: bytes.length, rows, fileName };
}
