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

// Time zones. Intl is the only zone database that runs everywhere src-shared runs.

const DAY_MS = 86_400_000;
/** Every zone's offset, and every change of it, falls on a UTC quarter hour. */
const SLOT_MS = 900_000;
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time an instant shows in a zone, written as if it were UTC. */
export function wallClockOf(epochMs: number, timeZone: string): number {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(epochMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall + (((epochMs % 1000) + 1000) % 1000);
}

/**
 * Offsets by zone: per UTC day when the offset holds all day (every day but the few a year a
 * zone changes its clocks), else per quarter hour. Imports and exports read dates in any
 * order by the hundred thousand; formatting each one would dominate them.
 */
const offsets = new Map<string, { days: Map<number, number | null>; slots: Map<number, number> }>();

function slotOffset(slot: number, timeZone: string): number {
  return wallClockOf(slot * SLOT_MS, timeZone) - slot * SLOT_MS;
}

/** A zone's offset from UTC (ms, east positive) at an instant. */
export function zoneOffset(epochMs: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = { days: new Map(), slots: new Map() }));
  if (zone.days.size > 100_000) zone.days.clear();
  if (zone.slots.size > 100_000) zone.slots.clear();
  const day = Math.floor(epochMs / DAY_MS);
  let whole = zone.days.get(day);
  if (whole === undefined) {
    const start = slotOffset(day * 96, timeZone);
    whole = start === slotOffset(day * 96 + 95, timeZone) ? start : null;
    zone.days.set(day, whole);
  }
  if (whole !== null) return whole;
  const slot = Math.floor(epochMs / SLOT_MS);
  let offset = zone.slots.get(slot);
  if (offset === undefined) zone.slots.set(slot, (offset = slotOffset(slot, timeZone)));
  return offset;
}

/** zoneOffset for one zone, for code that converts many instants. */
export function zoneOffsets(timeZone: string): (epochMs: number) => number {
  return (epochMs) => zoneOffset(epochMs, timeZone);
}
