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
