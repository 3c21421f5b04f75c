import { z } from 'zod';
import { LOCALES } from '../domain/locale';
import { isReportDay, MAX_PERIOD_DAYS, periodDays, REPORT_CODE_SETS, REPORT_IDS, REPORTS, type ReportCell, type ReportCodeSet, type ReportId } from '../domain/reports';
import { TICKET_PRIORITIES } from '../domain/tickets';
import { channel } from './channel';

// The standard reports over the contract: reports.run fills a report for the screen;
// exports.report (in imports.ts with the other exports) writes it as a file in a worker.
// The schemas here are also what a scheduled report stores and checks (filters and words).

export const reportId = z.enum(REPORT_IDS);

const day = z.string().refine(isReportDay, { message: 'invalidDay' });

/**
 * A report's filters: desk days from/to (both counted, in the desk's time zone) and the
 * narrowing a report offers (a report ignores filters it does not list in REPORTS).
 * Without refinements, for a schedule's schema to extend; `reportFilters` checks the period.
 */
export const reportFiltersObject = z
  .object({
    from: day,
    to: day,
    /** The request's team (the team of the agent who entered it); engineers: the engineer's team. */
    teamId: z.number().int().positive().optional(),
    productLine: z.string().trim().min(1).max(100).optional(),
    agreementId: z.number().int().positive().optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
  })
  .strict();

/** Checks that the period runs forward and is at most MAX_PERIOD_DAYS long. */
export function checkPeriod(value: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (!isReportDay(value.from) || !isReportDay(value.to)) return;
  if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'periodOrder' });
  else if (periodDays(value.from, value.to) > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'periodTooLong' });
}

export const reportFilters = reportFiltersObject.superRefine(checkPeriod);
export type ReportFilters = z.output<typeof reportFiltersObject>;

const word = z.string().trim().min(1).max(200);
/** Words keyed by a name of the report's shape (a column, table, chart, figure, code or filter). */
const wordMap = z.record(z.string().min(1).max(80), word).refine((m) => Object.keys(m).length <= 400, { message: 'tooMany' });

/**
 * The words a report's file speaks, in the user's language, from the renderer's catalogs
 * (main holds no catalogs; a schedule stores them with the report). Keys missing from a
 * map fall back to the key itself, so an older schedule still writes a readable file.
 */
export const reportWords = z
  .object({
    /** Chooses the language of data-held names (problem categories) and number formats. */
    locale: z.enum(LOCALES),
    /** The report's title, e.g. 服务请求分析. */
    title: word,
    figures: wordMap,
    tables: wordMap,
    columns: wordMap,
    charts: wordMap,
    /** `${set}.${code}`, e.g. 'priority.high' → 高. */
    codes: wordMap,
    /** 'period' and each filter key, e.g. 'teamId' → 团队. */
    filters: wordMap,
    /** The totals row's first cell. */
    total: word,
    /** A filter left open: 全部. */
    all: word,
    /** A group without a value: 未分类 / 未填写. */
    none: word,
    /** "Generated at" before the time the file was written. */
    generatedAt: word,
    /** Page numbers in a PDF, with {page} and {pages}: 第 {page} 页，共 {pages} 页. */
    page: word.refine((p) => p.includes('{page}') && p.includes('{pages}'), { message: 'pagePlaceholders' }),
  })
  .strict();
export type ReportWords = z.output<typeof reportWords>;

export const REPORT_FILE_FORMATS = ['xlsx', 'csv', 'csv-gb18030', 'pdf'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

export const reportRunInput = z
  .object({
    report: reportId,
    filters: reportFilters,
    /** The screen's language: problem category names come in it. */
    locale: z.enum(LOCALES),
  })
  .strict();
export type ReportRunInput = z.output<typeof reportRunInput>;

export const reportExportInput = z
  .object({
    report: reportId,
    filters: reportFilters,
    format: z.enum(REPORT_FILE_FORMATS),
    words: reportWords,
  })
  .strict();
export type ReportExportInput = z.output<typeof reportExportInput>;

export interface ReportTableData {
  key: string;
  /** Cells in the shape's column order. */
  rows: ReportCell[][];
  /** The totals row (its first cell empty: the screen writes "Total"), or null. */
  totals: ReportCell[] | null;
  /** Rows the table holds in full; more than rows.length when a long list was cut for the screen. */
  totalRows: number;
}

export interface ReportData {
  report: ReportId;
  from: string;
  to: string;
  figures: Record<string, ReportCell>;
  tables: ReportTableData[];
  /** When it was computed (epoch ms). */
  generatedAt: number;
}

/** Names for the filter pickers: teams, product lines and agreements. */
export interface ReportFilterOptions {
  teams: { id: number; name: string }[];
  productLines: string[];
  agreements: { id: number; name: string }[];
}

export const reports = {
  /** A report's figures and tables for the screen (long lists cut to REPORT_SCREEN_ROWS), computed in a worker thread. */
  run: channel<ReportData>()({ input: reportRunInput, access: 'reports.read' }),
  /** The teams, product lines and agreements the filters offer. */
  options: channel<ReportFilterOptions>()({ input: z.object({}).strict(), access: 'reports.read' }),
};

/**
 * The words a report needs, looked up with `t` under the catalogs' `reports.` section
 * (reports.names.<id>, reports.columns.<key>, reports.codes.<set>.<code>…): the renderer
 * passes i18next's t, so the file speaks the user's language exactly as the screen does.
 */
export function buildReportWords(id: ReportId, locale: (typeof LOCALES)[number], t: (key: string) => string): ReportWords {
  const shape = REPORTS[id];
  const map = (keys: Iterable<string>, prefix: string) => Object.fromEntries([...new Set(keys)].map((k) => [k, t(`reports.${prefix}.${k}`)]));
  const sets = new Set<ReportCodeSet>(['priority']);
  for (const table of shape.tables) for (const c of table.columns) if (c.codes) sets.add(c.codes);
  const codes: Record<string, string> = {};
  for (const set of sets) for (const code of REPORT_CODE_SETS[set]) codes[`${set}.${code}`] = t(`reports.codes.${set}.${code}`);
  return {
    locale,
    title: t(`reports.names.${id}`),
    figures: map(shape.figures.map((f) => f.key), 'figures'),
    tables: map(shape.tables.map((x) => x.key), 'tables'),
    columns: map(shape.tables.flatMap((x) => x.columns.map((c) => c.key)), 'columns'),
    charts: map(shape.charts.map((c) => c.key), 'charts'),
    codes,
    filters: map(['period', ...shape.filters], 'filters'),
    total: t('reports.total'),
    all: t('reports.all'),
    none: t('reports.none'),
    generatedAt: t('reports.generatedAt'),
    page: t('reports.page'),
  };
}
