// Time worked on a visit: entered as hours (decimals allowed) plus minutes, stored as minutes.

const MINUTE = 60_000;

/** Whole minutes between two instants (never negative). */
export function spanMinutes(startMs: number | null, endMs: number | null): number {
  if (startMs === null || endMs === null || endMs < startMs) return 0;
  return Math.floor((endMs - startMs) / MINUTE);
}

/** "1.5" hours and "15" minutes → 105; empty boxes count as 0; null when not a number ≥ 0. */
export function workMinutesOf(hours: number | string, minutes: number | string): number | null {
  const h = typeof hours === 'number' ? hours : hours.trim() === '' ? 0 : Number(hours);
  const m = typeof minutes === 'number' ? minutes : minutes.trim() === '' ? 0 : Number(minutes);
  if (!Number.isFinite(h) || !Number.isFinite(m) || h < 0 || m < 0) return null;
  return Math.round(h * 60 + m);
}

/** 95 → { hours: 1, minutes: 35 }. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const t = Math.max(0, Math.round(total));
  return { hours: Math.floor(t / 60), minutes: t % 60 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of <input type="datetime-local"> in the machine's time zone. */
export function toLocalInput(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of <input type="datetime-local"> (local time) → epoch ms, or null when empty or invalid. */
export function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return Number.isNaN(d.getTime()) ? null : d.getTime();
}

/** Today's date in the machine's time zone as YYYY-MM-DD (for <input type="date">). */
export function todayLocal(now = Date.now()): string {
  return toLocalInput(now).slice(0, 10);
}
