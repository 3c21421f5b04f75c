const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant (epoch ms) in the UI locale and the machine's time zone. */
export function formatDateTime(epochMs: number, locale: string): string {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    dateTimeFormats.set(locale, f);
  }
  return f.format(epochMs);
}

/** A calendar day 'YYYY-MM-DD' in the UI locale, without any time-zone shift. */
export function formatDay(day: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Minutes and seconds to wait, rounded up to whole seconds. */
export function splitWait(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(1, Math.ceil(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

const deskFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant (epoch ms) as a date and time in the desk's time zone (YYYY/MM/DD HH:MM in zh-CN). */
export function formatDeskDateTime(epochMs: number, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = deskFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    deskFormats.set(key, f);
  }
  return f.format(epochMs);
}
