import type { CalendarView } from '../../../src-shared/contract';
import type { WorkingInterval } from '../../../src-shared/domain/businessCalendar';

// Pure conversions between what admins type (09:00, "75, 90", 2 h 30 min) and what the
// contract carries (minutes from midnight, percent lists, minutes).

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes from local midnight as HH:MM (540 → "09:00", 1440 → "24:00"). */
export function formatClock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * "9:00", "09:00" or "0900" as minutes from midnight; "24:00" is the end of the day.
 * The full-width colon is accepted because Chinese input methods type it.
 */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2})[:：]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** Intervals as typed: HH:MM text, converted on save. */
export interface IntervalDraft {
  start: string;
  end: string;
}

export function toDrafts(list: readonly WorkingInterval[] | undefined): IntervalDraft[] {
  return (list ?? []).map((i) => ({ start: formatClock(i.start), end: formatClock(i.end) }));
}

/**
 * Drafts as intervals sorted by start, or the validation code the contract would give
 * ('invalid' for a time that is not HH:MM).
 */
export function parseIntervals(drafts: readonly IntervalDraft[]): { intervals: WorkingInterval[] } | { error: 'invalid' | 'intervalOrder' | 'intervalOverlap' } {
  const intervals: WorkingInterval[] = [];
  for (const d of drafts) {
    const start = parseClock(d.start);
    const end = parseClock(d.end);
    if (start === null || end === null) return { error: 'invalid' };
    if (end <= start) return { error: 'intervalOrder' };
    intervals.push({ start, end });
  }
  intervals.sort((a, b) => a.start - b.start);
  if (intervals.some((v, i) => i > 0 && v.start < intervals[i - 1]!.end)) return { error: 'intervalOverlap' };
  return { intervals };
}

/** A real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

export const MAX_THRESHOLDS = 4;

/** "75, 90" (also 75，90 or 75 90) as ascending percents 1–99, or why not. */
export function parseThresholds(text: string): { thresholds: number[] } | { error: 'invalid' | 'thresholdOrder' | 'tooMany' } {
  const parts = text.split(/[\s,，、;；%]+/).filter(Boolean);
  if (parts.length > MAX_THRESHOLDS) return { error: 'tooMany' };
  const thresholds: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { error: 'invalid' };
    const n = Number(p);
    if (n < 1 || n > 99) return { error: 'invalid' };
    thresholds.push(n);
  }
  if (thresholds.some((v, i) => i > 0 && v <= thresholds[i - 1]!)) return { error: 'thresholdOrder' };
  return { thresholds };
}

/** Target minutes as the hours and minutes typed in the form. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** Hours and minutes fields (empty = 0) as whole minutes, or null when not whole and non-negative. */
export function joinMinutes(hours: number | string, minutes: number | string): number | null {
  const h = hours === '' ? 0 : Number(hours);
  const m = minutes === '' ? 0 : Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0) return null;
  return h * 60 + m;
}

export const SPECIAL_DAY_KINDS = ['holiday', 'workday'] as const;
export type SpecialDayKind = (typeof SPECIAL_DAY_KINDS)[number];

export interface SpecialDay {
  date: string;
  kind: SpecialDayKind;
  name: string;
}

/** A calendar's holidays and make-up working days as one list, by date. */
export function specialDaysOf(calendar: Pick<CalendarView, 'definition' | 'dayNames'>): SpecialDay[] {
  const { holidays, workdays } = calendar.definition;
  return sortDays([
    ...holidays.map((date) => ({ date, kind: 'holiday' as const, name: calendar.dayNames[date] ?? '' })),
    ...workdays.map((date) => ({ date, kind: 'workday' as const, name: calendar.dayNames[date] ?? '' })),
  ]);
}

export function sortDays(days: SpecialDay[]): SpecialDay[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date));
}

/** The years the list has days in, newest first. */
export function yearsOf(days: readonly SpecialDay[]): string[] {
  return [...new Set(days.map((d) => d.date.slice(0, 4)))].sort().reverse();
}

/** How long a job ran: 850 ms, 1.2 s, 2 min 05 s. */
export function formatElapsed(ms: number, units: { ms: string; s: string; min: string }): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ${units.ms}`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} ${units.s}`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} ${units.min} ${pad(seconds % 60)} ${units.s}`;
}
