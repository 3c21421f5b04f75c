// When a scheduled report runs: a five-field cron expression (minute hour day-of-month
// month day-of-week), read in the desk's time zone. Most people choose with a picker
// (daily / weekly on some weekdays / monthly on a day or the last day, at a time); the
// picker and the expression convert both ways, so an expression the picker can show opens
// in the picker, and any other valid one stays "advanced". Pure: runs on both sides.

/** 0 = Sunday … 6 = Saturday, as in cron. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

export type CronPick =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; weekdays: Weekday[]; time: string }
  /** day 1–31 (a month without that day is skipped, as cron does) or the last day of every month. */
  | { kind: 'monthly'; day: number | 'last'; time: string };

export type CronPickKind = CronPick['kind'];

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The expression a pick stands for: "30 7 * * 1,5" is Mondays and Fridays at 07:30. */
export function pickToCron(pick: CronPick): string {
  const m = TIME.exec(pick.time);
  if (!m) throw new Error(`not a time of day: ${pick.time}`);
  const at = `${Number(m[2])} ${Number(m[1])}`;
  switch (pick.kind) {
    case 'daily':
      return `${at} * * *`;
    case 'weekly': {
      const days = [...new Set(pick.weekdays)].sort((a, b) => a - b);
      if (days.length === 0) throw new Error('a weekly pick needs a weekday');
      return `${at} * * ${days.join(',')}`;
    }
    case 'monthly':
      return `${at} ${pick.day === 'last' ? 'L' : pick.day} * *`;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The pick an expression stands for, or null when the picker cannot show it (it stays an
 * advanced expression). Only the picker's own shapes are recognised, so the round trip
 * pick → expression → pick gives the same pick back.
 */
export function cronToPick(expression: string): CronPick | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const [minute, hour, dom, month, dow] = parts as [string, string, string, string, string];
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour) || month !== '*') return null;
  const mi = Number(minute);
  const h = Number(hour);
  if (mi > 59 || h > 23) return null;
  const time = `${pad(h)}:${pad(mi)}`;
  if (dom === '*' && dow === '*') return { kind: 'daily', time };
  if (dom === '*' && /^[0-6](,[0-6])*$/.test(dow)) {
    const days = dow.split(',').map(Number) as Weekday[];
    // Only ascending, without repeats: the form pickToCron writes.
    if (days.some((d, i) => i > 0 && d <= days[i - 1]!)) return null;
    return { kind: 'weekly', weekdays: days, time };
  }
  if (dow === '*' && dom === 'L') return { kind: 'monthly', day: 'last', time };
  if (dow === '*' && /^\d{1,2}$/.test(dom) && Number(dom) >= 1 && Number(dom) <= 31) return { kind: 'monthly', day: Number(dom), time };
  return null;
}

// --- Parsing ---------------------------------------------------------------------------

export interface CronFields {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  /** 'L' in the day-of-month field: the month's last day. */
  lastDay: boolean;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  /** Whether the day fields were '*': cron matches either day field when both are restricted. */
  anyDay: boolean;
  anyWeekday: boolean;
}

export const CRON_FIELD_NAMES = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const;
export type CronFieldName = (typeof CRON_FIELD_NAMES)[number];

/** Why an expression is refused: the renderer words each one (validation.cron.<code>). */
export type CronProblem = { code: 'fieldCount' } | { code: 'field'; field: CronFieldName } | { code: 'neverRuns' };

const RANGES: Record<CronFieldName, [number, number]> = { minute: [0, 59], hour: [0, 23], dayOfMonth: [1, 31], month: [1, 12], dayOfWeek: [0, 7] };
const NAMES: Partial<Record<CronFieldName, readonly string[]>> = {
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  dayOfWeek: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};

function value(text: string, field: CronFieldName): number | null {
  const names = NAMES[field];
  const named = names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return field === 'month' ? named + 1 : named;
  if (!/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  const [lo, hi] = RANGES[field];
  return n >= lo && n <= hi ? n : null;
}

/** One field: '*', 'a', 'a-b', each with an optional '/step', in a comma list. */
function parseField(text: string, field: CronFieldName): Set<number> | null {
  const out = new Set<number>();
  const [lo, hi] = RANGES[field];
  for (const item of text.split(',')) {
    const m = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(item);
    if (!m) return null;
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) return null;
    let from: number | null;
    let to: number | null;
    if (m[1] === '*') [from, to] = [lo, hi];
    else if (m[1]!.includes('-')) {
      const [a, b, ...rest] = m[1]!.split('-');
      if (rest.length > 0 || a === undefined || b === undefined) return null;
      [from, to] = [value(a, field), value(b, field)];
    } else {
      from = value(m[1]!, field);
      // 'a/step' runs from a to the end of the range, as in Vixie cron.
      to = m[2] === undefined ? from : hi;
    }
    if (from === null || to === null || from > to) return null;
    for (let v = from; v <= to; v += step) out.add(field === 'dayOfWeek' && v === 7 ? 0 : v);
  }
  return out;
}

/** Parses a five-field expression; `neverRuns` when no date ever matches (30 February). */
export function parseCron(expression: string): { ok: true; fields: CronFields } | { ok: false; problem: CronProblem } {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === '') return { ok: false, problem: { code: 'fieldCount' } };
  const sets: Partial<Record<CronFieldName, Set<number>>> = {};
  let lastDay = false;
  for (const [i, field] of CRON_FIELD_NAMES.entries()) {
    const text = parts[i]!;
    // 'L' (the month's last day) may stand alone or in the list: '15,L'.
    const items = text.split(',');
    if (field === 'dayOfMonth' && items.includes('L')) {
      lastDay = true;
      const rest = items.filter((x) => x !== 'L');
      const set = rest.length > 0 ? parseField(rest.join(','), field) : new Set<number>();
      if (!set) return { ok: false, problem: { code: 'field', field } };
      sets[field] = set;
      continue;
    }
    const set = parseField(text, field);
    if (!set) return { ok: false, problem: { code: 'field', field } };
    sets[field] = set;
  }
  const fields: CronFields = {
    minutes: sets.minute!,
    hours: sets.hour!,
    days: sets.dayOfMonth!,
    lastDay,
    months: sets.month!,
    weekdays: sets.dayOfWeek!,
    anyDay: parts[2] === '*',
    anyWeekday: parts[4] === '*',
  };
  // A restricted weekday matches in some month; else a listed day must fit a listed month.
  const fits = !fields.anyWeekday || lastDay || [...fields.months].some((m) => [...fields.days].some((d) => d <= DAYS_IN_MONTH_MAX[m - 1]!));
  return fits ? { ok: true, fields } : { ok: false, problem: { code: 'neverRuns' } };
}

const DAYS_IN_MONTH_MAX = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// --- When it runs next -----------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time an instant shows in a time zone, as if it were UTC. */
function wallClock(at: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The instant a wall-clock time (given as if UTC) shows in a time zone. */
function zoned(wall: number, timeZone: string): number {
  let at = wall - (wallClock(wall, timeZone) - wall);
  at = wall - (wallClock(at, timeZone) - at);
  return at;
}

const DAY_MS = 86_400_000;
/** Far enough to meet 29 February twice. */
const SEARCH_DAYS = 366 * 9;

function dayMatches(f: CronFields, wallDay: number): boolean {
  const d = new Date(wallDay);
  if (!f.months.has(d.getUTCMonth() + 1)) return false;
  const dom = d.getUTCDate();
  const isLast = new Date(wallDay + DAY_MS).getUTCDate() === 1;
  const byDay = f.days.has(dom) || (f.lastDay && isLast);
  const byWeekday = f.weekdays.has(d.getUTCDay());
  // Vixie cron: with both day fields restricted, either one matching is enough.
  if (f.anyDay && f.anyWeekday) return true;
  if (f.anyDay) return byWeekday;
  if (f.anyWeekday) return byDay;
  return byDay || byWeekday;
}

/**
 * The first instant after `after` (to the minute) that the expression names, read on the
 * desk's clocks in `timeZone`; null if none within nine years.
 */
export function nextCronRun(fields: CronFields, after: number, timeZone: string): number | null {
  const startWall = Math.floor(wallClock(after, timeZone) / 60_000) * 60_000 + 60_000;
  const firstDay = startWall - (startWall % DAY_MS);
  const hours = [...fields.hours].sort((a, b) => a - b);
  const minutes = [...fields.minutes].sort((a, b) => a - b);
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    const day = firstDay + i * DAY_MS;
    if (!dayMatches(fields, day)) continue;
    for (const h of hours) {
      for (const m of minutes) {
        const wall = day + h * 3_600_000 + m * 60_000;
        if (wall < startWall) continue;
        const at = zoned(wall, timeZone);
        // A time a clock change skipped or repeated may map to before `after`.
        if (at > after) return at;
      }
    }
  }
  return null;
}

/** The next `count` runs after `after` (for the schedule form's preview). */
export function nextCronRuns(expression: string, after: number, timeZone: string, count: number): number[] {
  const parsed = parseCron(expression);
  if (!parsed.ok) return [];
  const out: number[] = [];
  let from = after;
  while (out.length < count) {
    const next = nextCronRun(parsed.fields, from, timeZone);
    if (next === null) break;
    out.push(next);
    from = next;
  }
  return out;
}
