import { HOLD_REASONS, LOCK_REASONS } from './lifecycle';
import { SLA_TARGETS } from './sla';
import { COMPLAINT_PARTIES, COMPLAINT_SEVERITIES, TICKET_PRIORITIES, TICKET_TYPES } from './tickets';

// The standard reports, each defined once: its filters, key figures, tables (columns with
// their types, whether a totals row closes it, whether it is a long list) and charts (drawn
// from a table's columns). Main fills the tables (features/reports/standard); the screen,
// XLSX, CSV and PDF all read the same shape, so a column added here shows everywhere.

export const REPORT_IDS = ['requests', 'sla', 'engineers', 'parts', 'complaints', 'followUps'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** Filters a report may offer besides its period. */
export const REPORT_FILTERS = ['teamId', 'productLine', 'agreementId', 'priority'] as const;
export type ReportFilterKey = (typeof REPORT_FILTERS)[number];

/**
 * How a cell reads. text: as it is (names, free text); code: a coded value translated
 * with the report's words (`codes` names the set); integer / number: counts and measures
 * (`decimals`, rounded by the query so every output shows the same figure); percent: a
 * share 0…1; money: integer minor units (fen), shown in major units; date: YYYY-MM-DD;
 * datetime: epoch ms shown in the desk's time zone.
 */
export type ReportCellType = 'text' | 'code' | 'integer' | 'number' | 'percent' | 'money' | 'date' | 'datetime';
export type ReportCell = string | number | null;

/** Sets of coded values the words translate (`${set}.${code}`). */
export const REPORT_CODE_SETS = {
  type: TICKET_TYPES,
  priority: TICKET_PRIORITIES,
  severity: COMPLAINT_SEVERITIES,
  party: COMPLAINT_PARTIES,
  target: SLA_TARGETS,
  holdReason: HOLD_REASONS,
  lockReason: LOCK_REASONS,
  /** Why a target was missed, read off the request's history (standard/sla.ts). */
  breachReason: ['notAssigned', 'noResponse', 'reassigned', 'unresolvedVisit', 'onHold', 'overdue'],
  /** A work log's charging: under warranty (free) or chargeable. */
  charging: ['warranty', 'chargeable'],
  /** How long a complaint took to close. */
  closeTime: ['within1Day', 'within3Days', 'within7Days', 'over7Days', 'open'],
  satisfaction: ['1', '2', '3', '4', '5'],
} as const;
export type ReportCodeSet = keyof typeof REPORT_CODE_SETS;

export interface ReportColumnShape {
  key: string;
  type: ReportCellType;
  /** For 'code' columns. */
  codes?: ReportCodeSet;
  /** For 'number': decimals shown (default 1). */
  decimals?: number;
}

export interface ReportTableShape {
  key: string;
  columns: readonly ReportColumnShape[];
  /** A totals row closes the table (the query computes it, never the renderer). */
  totals: boolean;
  /** A list that can run long (breaches, free-text groups): the screen shows the first rows; exports hold all. */
  long?: boolean;
}

export interface ReportChartShape {
  key: string;
  kind: 'bar' | 'line';
  /** The table drawn: labels from one column, a series per value column. */
  table: string;
  label: string;
  series: readonly string[];
  /** The first rows only (tables come sorted by size). */
  limit?: number;
}

export interface ReportFigureShape {
  key: string;
  type: Exclude<ReportCellType, 'text' | 'code' | 'date' | 'datetime'>;
  decimals?: number;
}

export interface ReportShape {
  id: ReportId;
  filters: readonly ReportFilterKey[];
  figures: readonly ReportFigureShape[];
  tables: readonly ReportTableShape[];
  charts: readonly ReportChartShape[];
}

const int = (key: string): ReportColumnShape => ({ key, type: 'integer' });
const pct = (key: string): ReportColumnShape => ({ key, type: 'percent' });
const num = (key: string, decimals = 1): ReportColumnShape => ({ key, type: 'number', decimals });
const text = (key: string): ReportColumnShape => ({ key, type: 'text' });
const code = (key: string, codes: ReportCodeSet): ReportColumnShape => ({ key, type: 'code', codes });
const money = (key: string): ReportColumnShape => ({ key, type: 'money' });

/** SLA compliance for one group: requests measured, met, missed and the share met, per target. */
const compliance = (group: ReportColumnShape): ReportColumnShape[] => [
  group,
  int('requests'),
  int('responseMet'),
  int('responseBreached'),
  pct('responseRate'),
  int('resolutionMet'),
  int('resolutionBreached'),
  pct('resolutionRate'),
];

export const REPORTS: Record<ReportId, ReportShape> = {
  requests: {
    id: 'requests',
    filters: ['teamId', 'productLine', 'agreementId', 'priority'],
    figures: [{ key: 'requests', type: 'integer' }, { key: 'closed', type: 'integer' }, { key: 'categorized', type: 'percent' }],
    tables: [
      { key: 'byCategory', columns: [text('category'), int('requests'), pct('share'), int('closed'), num('meanResolveHours')], totals: true },
      { key: 'byProduct', columns: [text('productLine'), text('model'), int('requests'), pct('share'), int('closed'), num('meanResolveHours')], totals: true },
      { key: 'byType', columns: [code('type', 'type'), int('requests'), pct('share')], totals: true },
      { key: 'occurrences', columns: [text('productLine'), text('model'), text('category'), int('requests')], totals: true, long: true },
    ],
    charts: [
      { key: 'byCategory', kind: 'bar', table: 'byCategory', label: 'category', series: ['requests'], limit: 12 },
      { key: 'byProduct', kind: 'bar', table: 'byProduct', label: 'model', series: ['requests'], limit: 12 },
    ],
  },
  sla: {
    id: 'sla',
    filters: ['teamId', 'productLine', 'agreementId', 'priority'],
    figures: [
      { key: 'requests', type: 'integer' },
      { key: 'responseRate', type: 'percent' },
      { key: 'resolutionRate', type: 'percent' },
      { key: 'breaches', type: 'integer' },
    ],
    tables: [
      { key: 'byAgreement', columns: compliance(text('agreement')), totals: true },
      { key: 'byPriority', columns: compliance(code('priority', 'priority')), totals: true },
      { key: 'byTeam', columns: compliance(text('team')), totals: true },
      { key: 'breachReasons', columns: [code('reason', 'breachReason'), int('breaches'), pct('share')], totals: true },
      {
        key: 'breaches',
        columns: [
          text('number'),
          text('customer'),
          code('priority', 'priority'),
          text('agreement'),
          code('target', 'target'),
          { key: 'dueAt', type: 'datetime' },
          { key: 'doneAt', type: 'datetime' },
          num('overdueHours'),
          text('assignee'),
          code('reason', 'breachReason'),
        ],
        totals: false,
        long: true,
      },
    ],
    charts: [
      { key: 'byPriority', kind: 'bar', table: 'byPriority', label: 'priority', series: ['responseRate', 'resolutionRate'] },
      { key: 'breachReasons', kind: 'bar', table: 'breachReasons', label: 'reason', series: ['breaches'] },
    ],
  },
  engineers: {
    id: 'engineers',
    filters: ['teamId', 'productLine'],
    figures: [
      { key: 'handled', type: 'integer' },
      { key: 'workHours', type: 'number', decimals: 1 },
      { key: 'firstTimeFixRate', type: 'percent' },
      { key: 'csat', type: 'number', decimals: 2 },
    ],
    tables: [
      {
        key: 'engineers',
        columns: [
          text('engineer'),
          text('team'),
          int('handled'),
          int('visits'),
          num('workHours'),
          int('resolved'),
          pct('firstTimeFixRate'),
          pct('revisitRate'),
          num('csat', 2),
          int('followUps'),
          int('openNow'),
        ],
        totals: true,
      },
    ],
    charts: [
      { key: 'workHours', kind: 'bar', table: 'engineers', label: 'engineer', series: ['workHours'], limit: 20 },
      { key: 'handled', kind: 'bar', table: 'engineers', label: 'engineer', series: ['handled', 'openNow'], limit: 20 },
    ],
  },
  parts: {
    id: 'parts',
    filters: ['teamId', 'productLine'],
    figures: [
      { key: 'quantity', type: 'integer' },
      { key: 'cost', type: 'money' },
      { key: 'chargeableCost', type: 'money' },
    ],
    tables: [
      { key: 'byCharging', columns: [code('charging', 'charging'), int('workLogs'), int('quantity'), money('cost'), text('currency')], totals: true },
      {
        key: 'byPart',
        columns: [text('partNo'), text('part'), int('quantity'), money('cost'), int('warrantyQuantity'), money('warrantyCost'), int('chargeableQuantity'), money('chargeableCost'), text('currency')],
        totals: true,
      },
      { key: 'byProductLine', columns: [text('productLine'), int('quantity'), money('cost'), money('warrantyCost'), money('chargeableCost'), text('currency')], totals: true },
    ],
    charts: [
      { key: 'byPart', kind: 'bar', table: 'byPart', label: 'part', series: ['warrantyCost', 'chargeableCost'], limit: 12 },
    ],
  },
  complaints: {
    id: 'complaints',
    filters: ['teamId', 'productLine', 'priority'],
    figures: [
      { key: 'complaints', type: 'integer' },
      { key: 'closed', type: 'integer' },
      { key: 'meanCloseHours', type: 'number', decimals: 1 },
    ],
    tables: [
      { key: 'bySeverity', columns: [code('severity', 'severity'), int('complaints'), pct('share'), int('closed'), num('meanCloseHours')], totals: true },
      { key: 'byParty', columns: [code('party', 'party'), int('complaints'), pct('share'), int('closed'), num('meanCloseHours')], totals: true },
      { key: 'byCategory', columns: [text('category'), int('complaints'), pct('share'), int('closed'), num('meanCloseHours')], totals: true },
      { key: 'byRootCause', columns: [text('rootCause'), int('complaints'), pct('share')], totals: true, long: true },
      { key: 'closeTime', columns: [code('closeTime', 'closeTime'), int('complaints'), pct('share')], totals: true },
    ],
    charts: [
      { key: 'byParty', kind: 'bar', table: 'byParty', label: 'party', series: ['complaints'] },
      { key: 'closeTime', kind: 'bar', table: 'closeTime', label: 'closeTime', series: ['complaints'] },
    ],
  },
  followUps: {
    id: 'followUps',
    filters: ['teamId', 'productLine'],
    figures: [
      { key: 'followUps', type: 'integer' },
      { key: 'satisfiedRate', type: 'percent' },
      { key: 'csat', type: 'number', decimals: 2 },
    ],
    tables: [
      { key: 'distribution', columns: [code('satisfaction', 'satisfaction'), int('followUps'), pct('share'), int('satisfied'), int('unsatisfied')], totals: true },
      { key: 'unsatisfiedByCategory', columns: [text('category'), int('unsatisfied'), pct('share')], totals: true },
      {
        key: 'unsatisfied',
        columns: [{ key: 'at', type: 'datetime' }, text('number'), text('customer'), text('category'), code('satisfaction', 'satisfaction'), text('reason'), text('agent')],
        totals: false,
        long: true,
      },
    ],
    charts: [{ key: 'distribution', kind: 'bar', table: 'distribution', label: 'satisfaction', series: ['followUps'] }],
  },
};

/** Rows of a long list shown on screen; the export holds them all. */
export const REPORT_SCREEN_ROWS = 100;

// ---------------------------------------------------------------------------------------
// Periods

const DAY_MS = 86_400_000;

/** A day string → its Date at UTC midnight (calendar arithmetic only). */
function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Whether `day` is a real calendar day written YYYY-MM-DD. */
export function isReportDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(utcDay(day).getTime()) && dayOf(utcDay(day)) === day;
}

/** Days from `from` to `to`, both counted. */
export function periodDays(from: string, to: string): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / DAY_MS) + 1;
}

/** The longest period a report covers (three years and a leap day). */
export const MAX_PERIOD_DAYS = 1097;

const wallFormatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(epochMs: number, timeZone: string): number {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    wallFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(epochMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The instant a local day begins in a time zone (two passes settle a DST edge). */
export function dayStart(day: string, timeZone: string): number {
  const wall = utcDay(day).getTime();
  let guess = wall - (wallClock(wall, timeZone) - wall);
  guess = wall - (wallClock(guess, timeZone) - guess);
  return guess;
}

/** A period of desk days as instants: [start of `from`, start of the day after `to`). */
export function periodRange(from: string, to: string, timeZone: string): { start: number; end: number } {
  return { start: dayStart(from, timeZone), end: dayStart(dayOf(new Date(utcDay(to).getTime() + DAY_MS)), timeZone) };
}

/** Periods a schedule names relative to the moment it runs; every one ends before today, except the *ToDate ones. */
export const RELATIVE_PERIODS = ['yesterday', 'last7Days', 'last30Days', 'lastWeek', 'lastMonth', 'lastQuarter', 'lastYear', 'weekToDate', 'monthToDate'] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

/**
 * The desk days a relative period covers when a schedule runs at `now`: "last 7 days" run
 * on Monday the 10th is the 3rd to the 9th; "last month" run any day in March is February;
 * weeks begin on Monday (as in China). The *ToDate periods end today.
 */
export function resolvePeriod(relative: RelativePeriod, now: number, timeZone: string): { from: string; to: string } {
  const today = utcDay(dayOf(new Date(wallClock(now, timeZone))));
  const shift = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
  const yesterday = shift(today, -1);
  const weekday = (today.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const range = (from: Date, to: Date) => ({ from: dayOf(from), to: dayOf(to) });
  switch (relative) {
    case 'yesterday':
      return range(yesterday, yesterday);
    case 'last7Days':
      return range(shift(today, -7), yesterday);
    case 'last30Days':
      return range(shift(today, -30), yesterday);
    case 'lastWeek':
      return range(shift(today, -weekday - 7), shift(today, -weekday - 1));
    case 'lastMonth':
      return range(new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 0)));
    case 'lastQuarter': {
      const q = Math.floor(m / 3) * 3;
      return range(new Date(Date.UTC(y, q - 3, 1)), new Date(Date.UTC(y, q, 0)));
    }
    case 'lastYear':
      return range(new Date(Date.UTC(y - 1, 0, 1)), new Date(Date.UTC(y - 1, 11, 31)));
    case 'weekToDate':
      return range(shift(today, -weekday), today);
    case 'monthToDate':
      return range(new Date(Date.UTC(y, m, 1)), today);
  }
}

// ---------------------------------------------------------------------------------------
// Reading a cell and a chart (screen, CSV and PDF alike)

/** The words a report's outputs need to read its codes (a subset of ReportWords). */
export interface ReportCodeWords {
  codes: Record<string, string>;
}

/** A coded value in the user's words (the code itself if no word was sent). */
export function codeWord(words: ReportCodeWords, set: ReportCodeSet | undefined, value: string): string {
  return (set && words.codes[`${set}.${value}`]) || value;
}

/**
 * A cell as text, as the screen, the CSV and the PDF show it: numbers with grouping in the
 * locale, shares as percentages with one decimal, money in major units with two. Dates and
 * times are formatted by the caller (`dateTime`), which knows the time zone.
 */
export function formatReportCell(column: Pick<ReportColumnShape, 'type' | 'codes' | 'decimals'>, value: ReportCell, words: ReportCodeWords & { locale: string }, dateTime: (ms: number) => string): string {
  if (value === null || value === '') return '';
  const n = typeof value === 'number' ? value : Number(value);
  switch (column.type) {
    case 'text':
    case 'date':
      return String(value);
    case 'code':
      return codeWord(words, column.codes, String(value));
    case 'integer':
      return new Intl.NumberFormat(words.locale, { maximumFractionDigits: 0 }).format(n);
    case 'number': {
      const d = column.decimals ?? 1;
      return new Intl.NumberFormat(words.locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(n);
    }
    case 'percent':
      return new Intl.NumberFormat(words.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
    case 'money':
      return new Intl.NumberFormat(words.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n / 100);
    case 'datetime':
      return dateTime(n);
  }
}

export interface ReportChartData {
  key: string;
  kind: 'bar' | 'line';
  /** Category labels, in the user's words. */
  labels: string[];
  /** One series per value column; shares as percentages (0–100), money in major units. */
  series: { key: string; values: number[] }[];
}

/** A chart's data from its table's rows: labels translated, values scaled as people read them. */
export function chartData(shape: ReportShape, chart: ReportChartShape, rows: readonly (readonly ReportCell[])[], words: ReportCodeWords): ReportChartData {
  const table = shape.tables.find((t) => t.key === chart.table)!;
  const at = (key: string) => table.columns.findIndex((c) => c.key === key);
  const labelAt = at(chart.label);
  const labelColumn = table.columns[labelAt]!;
  const picked = rows.slice(0, chart.limit ?? rows.length);
  const scale = (type: ReportCellType, v: ReportCell) => {
    const n = typeof v === 'number' ? v : 0;
    if (type === 'percent') return Math.round(n * 1000) / 10;
    if (type === 'money') return n / 100;
    return n;
  };
  return {
    key: chart.key,
    kind: chart.kind,
    labels: picked.map((r) => {
      const v = r[labelAt];
      return v === null || v === undefined ? '' : labelColumn.type === 'code' ? codeWord(words, labelColumn.codes, String(v)) : String(v);
    }),
    series: chart.series.map((key) => {
      const i = at(key);
      const type = table.columns[i]!.type;
      return { key, values: picked.map((r) => scale(type, r[i] ?? null)) };
    }),
  };
}
