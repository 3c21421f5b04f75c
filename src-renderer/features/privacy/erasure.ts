import { toApiError } from '../../api/ApiError';

// Pure pieces of erasure on request (删除个人信息, PIPL) on the customer 360 page: the typed
// confirmation, the customer a merged record went into, and the date an erasure happened.

/** Whether the typed text is the customer number (spaces around it and letter case aside). */
export function erasureConfirmed(typed: string, customerNo: string): boolean {
  return typed.trim().toLowerCase() === customerNo.trim().toLowerCase();
}

/** The customer a merged record went into, when main refused to erase it for that (CONFLICT merged); else null. */
export function mergedSurvivorId(error: unknown): number | null {
  if (!error) return null;
  const e = toApiError(error);
  const into = e.details?.intoId;
  return e.code === 'CONFLICT' && e.details?.reason === 'merged' && typeof into === 'number' ? into : null;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant (epoch ms) as a calendar day in the desk's time zone (YYYY/MM/DD in zh-CN). */
export function formatDeskDay(epochMs: number, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    dayFormats.set(key, f);
  }
  return f.format(epochMs);
}
