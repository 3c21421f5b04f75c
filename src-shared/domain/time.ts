/** The desk's zone until first-run setup records the machine's. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as YYYYMMDD (for human numbers). */
export function dayKey(epochMs: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(epochMs).replaceAll('-', '');
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD (requested-by dates, validity dates). */
export function isoDay(epochMs: number, timeZone: string): string {
  const d = dayKey(epochMs, timeZone);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
}

const DAY_MS = 86_400_000;
/** Time zone offsets change on quarter hours at most. */
const OFFSET_STEP_MS = 15 * 60_000;

/**
 * A zone's offset from UTC (ms) at an instant. Looked up once per UTC day where the offset is
 * the same at both its ends (every day but the few a year a zone changes its clocks), else
 * once per quarter hour: historical data comes in any order, and each look-up formats a date.
 */
export function zoneOffsets(timeZone: string): (epochMs: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (at: number): number => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - at;
  };
  /** UTC day → the offset all that day, or null on a day the zone changes its clocks. */
  const days = new Map<number, number | null>();
  const slots = new Map<number, number>();
  return (epochMs) => {
    const day = Math.floor(epochMs / DAY_MS);
    let fixed = days.get(day);
    if (fixed === undefined) {
      const start = offsetAt(day * DAY_MS);
      fixed = start === offsetAt((day + 1) * DAY_MS) ? start : null;
      if (days.size > 100_000) days.clear();
      days.set(day, fixed);
    }
    if (fixed !== null) return fixed;
    const slot = Math.floor(epochMs / OFFSET_STEP_MS);
    let offset = slots.get(slot);
    if (offset === undefined) {
      offset = offsetAt(slot * OFFSET_STEP_MS);
      if (slots.size > 10_000) slots.clear();
      slots.set(slot, offset);
    }
    return offset;
  };
}
