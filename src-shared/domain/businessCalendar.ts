// Business time: SLA targets count only working minutes of a calendar — working hours per
// weekday in a time zone, holidays, and China's make-up working days (调休上班: a
// Saturday that is worked while a Wednesday is off). Pure functions over epoch
// milliseconds; the SLA clocks of the service agreements build on them.

import { zoneOffset } from './time';

/** Minutes from local midnight: 9:00–12:00 is { start: 540, end: 720 }. */
export interface WorkingInterval {
  start: number;
  end: number;
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessCalendar {
  /** IANA zone the hours are read in, e.g. Asia/Shanghai. */
  timeZone: string;
  /** 24×7: every minute counts (premium agreements). */
  allDay?: boolean;
  /** Working hours per ISO weekday (1 = Monday … 7 = Sunday); a missing day is a day off. */
  week: Partial<Record<IsoWeekday, readonly WorkingInterval[]>>;
  /** Days off on top of the week (YYYY-MM-DD). */
  holidays: ReadonlySet<string>;
  /** Days worked although the week says off (YYYY-MM-DD), with `makeUpHours`. */
  makeUpWorkdays: ReadonlySet<string>;
  makeUpHours: readonly WorkingInterval[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A calendar with no working minute in ten years is a configuration error, not a wait. */
const MAX_DAYS = 3660;

/** The instant a local wall-clock time names in a zone (two passes settle DST edges). */
function instantOf(wall: number, timeZone: string): number {
  let guess = wall - zoneOffset(wall, timeZone);
  guess = wall - zoneOffset(guess, timeZone);
  return guess;
}

function isoDay(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

function weekdayOf(dayStartWall: number): IsoWeekday {
  const d = new Date(dayStartWall).getUTCDay();
  return (d === 0 ? 7 : d) as IsoWeekday;
}

/** The working intervals of one local day. */
export function workingIntervalsOn(day: string, calendar: BusinessCalendar): readonly WorkingInterval[] {
  if (calendar.allDay) return [{ start: 0, end: 1440 }];
  if (calendar.holidays.has(day)) return [];
  if (calendar.makeUpWorkdays.has(day)) return calendar.makeUpHours;
  return calendar.week[weekdayOf(Date.parse(`${day}T00:00:00Z`))] ?? [];
}

/**
 * The working periods (epoch ms) of each local day, remembered per calendar object: the
 * time-zone arithmetic is done once per day, not once per request (the seed and the SLA
 * check compute many due times in the same calendar). A calendar is not changed once
 * built; an edited calendar is a new object.
 */
const periodCache = new WeakMap<BusinessCalendar, Map<number, readonly (readonly [number, number])[]>>();

function periodsOf(dayStart: number, calendar: BusinessCalendar): readonly (readonly [number, number])[] {
  let byDay = periodCache.get(calendar);
  if (!byDay) periodCache.set(calendar, (byDay = new Map()));
  let periods = byDay.get(dayStart);
  if (!periods) {
    periods = workingIntervalsOn(isoDay(dayStart), calendar).map(
      (i) => [instantOf(dayStart + i.start * MINUTE, calendar.timeZone), instantOf(dayStart + i.end * MINUTE, calendar.timeZone)] as const,
    );
    byDay.set(dayStart, periods);
  }
  return periods;
}

/**
 * Calls `visit` with each working period (epoch ms) from the local day holding `from` on,
 * until it returns true. Spans may be any length; only ten years in a row without a working
 * minute stops it.
 */
function eachWorkingPeriod(from: number, calendar: BusinessCalendar, visit: (start: number, end: number) => boolean): void {
  let dayStart = Math.floor((from + zoneOffset(from, calendar.timeZone)) / DAY) * DAY;
  for (let idle = 0; idle < MAX_DAYS; dayStart += DAY) {
    const periods = periodsOf(dayStart, calendar);
    idle = periods.length === 0 ? idle + 1 : 0;
    for (const [start, end] of periods) {
      if (end > from && visit(Math.max(start, from), end)) return;
    }
  }
  throw new Error('The business calendar has no working time in ten years');
}

/** The instant `durationMs` of business time after `start` (the SLA due time). */
export function addBusinessTime(start: number, durationMs: number, calendar: BusinessCalendar): number {
  if (durationMs <= 0) return start;
  let left = durationMs;
  let due = start;
  eachWorkingPeriod(start, calendar, (from, to) => {
    if (to - from >= left) {
      due = from + left;
      return true;
    }
    left -= to - from;
    return false;
  });
  return due;
}

/** Business time between two instants (0 when `to` is not after `from`). */
export function businessTimeBetween(from: number, to: number, calendar: BusinessCalendar): number {
  if (to <= from) return 0;
  let total = 0;
  eachWorkingPeriod(from, calendar, (start, end) => {
    if (start >= to) return true;
    total += Math.min(end, to) - start;
    return end >= to;
  });
  return total;
}

export interface HolidayImport {
  holidays: Set<string>;
  makeUpWorkdays: Set<string>;
  /** The day's name as published (春节 Spring Festival), by day. */
  names: Map<string, string>;
  /** Rejected rows with their 1-based line numbers; nothing else is half-read. */
  errors: { line: number; reason: 'badDate' | 'badKind' | 'duplicate' | 'columns' | 'noEvents' }[];
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-31). */
export function validDay(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isoDay(Date.parse(`${date}T00:00:00Z`) || 0) === date;
}

function emptyImport(): HolidayImport {
  return { holidays: new Set(), makeUpWorkdays: new Set(), names: new Map(), errors: [] };
}

function addDay(result: HolidayImport, line: number, date: string, kind: string, name: string): void {
  if (!validDay(date)) return void result.errors.push({ line, reason: 'badDate' });
  if (kind !== 'holiday' && kind !== 'workday') return void result.errors.push({ line, reason: 'badKind' });
  if (result.holidays.has(date) || result.makeUpWorkdays.has(date)) return void result.errors.push({ line, reason: 'duplicate' });
  (kind === 'holiday' ? result.holidays : result.makeUpWorkdays).add(date);
  result.names.set(date, name);
}

/**
 * Reads a holiday list in the shipped format (`date,kind,name` with kind `holiday` or
 * `workday`), as admins import a new year's State Council schedule.
 */
export function parseHolidayCsv(text: string): HolidayImport {
  const result = emptyImport();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || (index === 0 && /^date,/i.test(raw))) return;
    const [date, kind, ...name] = raw.split(',').map((c) => c.trim());
    if (!date || !kind) return void result.errors.push({ line, reason: 'columns' });
    addDay(result, line, date, kind, name.join(',').trim());
  });
  return result;
}

/** A make-up working day in published calendars: 补班 / 调休上班 / "working day". */
const WORKDAY_SUMMARY = /补班|上班|调休.*班|working ?day|workday/i;

/**
 * Reads an iCalendar holiday feed (one all-day VEVENT per holiday or range, DTEND
 * exclusive); events whose summary says 补班 / 上班 are make-up working days.
 */
export function parseHolidayIcs(text: string): HolidayImport {
  const result = emptyImport();
  // Unfold continuation lines (RFC 5545 §3.1) but keep line numbers of each property.
  const lines: { line: number; text: string }[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    if (/^[ \t]/.test(raw) && lines.length > 0) lines[lines.length - 1]!.text += raw.slice(1);
    else lines.push({ line: index + 1, text: raw });
  });
  let event: { line: number; start?: string; end?: string; summary: string } | null = null;
  let events = 0;
  const day = (value: string | undefined) => (value && /^\d{8}/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : undefined);
  for (const { line, text: l } of lines) {
    if (/^BEGIN:VEVENT$/i.test(l)) event = { line, summary: '' };
    else if (event && /^DTSTART/i.test(l)) event.start = day(l.split(':').pop());
    else if (event && /^DTEND/i.test(l)) event.end = day(l.split(':').pop());
    else if (event && /^SUMMARY/i.test(l)) event.summary = l.slice(l.indexOf(':') + 1).replace(/\\([,;\\])/g, '$1').trim();
    else if (event && /^END:VEVENT$/i.test(l)) {
      events++;
      const { start, summary } = event;
      if (!start || !validDay(start)) result.errors.push({ line: event.line, reason: 'badDate' });
      else {
        const kind = WORKDAY_SUMMARY.test(summary) ? 'workday' : 'holiday';
        const end = event.end && validDay(event.end) && event.end > start ? event.end : isoDay(Date.parse(`${start}T00:00:00Z`) + DAY);
        for (let d = start; d < end; d = isoDay(Date.parse(`${d}T00:00:00Z`) + DAY)) addDay(result, event.line, d, kind, summary);
      }
      event = null;
    }
  }
  if (events === 0) result.errors.push({ line: 1, reason: 'noEvents' });
  return result;
}
