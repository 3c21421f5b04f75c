import type { AuditFilter } from '../../../src-shared/contract';

// The filter bar as typed, as the address keeps it and as audit.list reads it. Its dates
// are days on the desk's calendar (its time zone, not this machine's): "from 2026-11-01
// to 2026-11-03" means from the desk's midnight starting the 1st to the one ending the 3rd.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock an instant shows in a zone, read as if it were UTC. */
function wallClock(epochMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(epochMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a desk day (YYYY-MM-DD) begins in `timeZone`; null for anything that is not a day. */
export function deskDayStart(day: string, timeZone: string): number | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(wall).toISOString().slice(0, 10) !== day) return null;
  // Two passes settle a day that begins at a change of offset.
  let guess = wall - (wallClock(wall, timeZone) - wall);
  guess = wall - (wallClock(guess, timeZone) - guess);
  return guess;
}

/** What the filter bar holds, as typed. */
export interface AuditFilterForm {
  userId: string | null;
  action: string | null;
  entity: string | null;
  entityId: string;
  /** YYYY-MM-DD, desk days, both included. */
  from: string;
  to: string;
}

export const EMPTY_FILTER_FORM: AuditFilterForm = { userId: null, action: null, entity: null, entityId: '', from: '', to: '' };

/** The search audit.list runs for the filter bar: blanks and unreadable values are left out. */
export function toAuditFilter(form: AuditFilterForm, timeZone: string): AuditFilter {
  const filter: AuditFilter = {};
  const userId = Number(form.userId);
  if (form.userId && Number.isSafeInteger(userId) && userId > 0) filter.userId = userId;
  if (form.action) filter.action = form.action;
  if (form.entity) filter.entity = form.entity;
  const entityId = Number(form.entityId.trim());
  if (form.entityId.trim() && Number.isSafeInteger(entityId) && entityId > 0) filter.entityId = entityId;
  const from = deskDayStart(form.from, timeZone);
  if (from !== null) filter.from = from;
  const toDay = deskDayStart(form.to, timeZone);
  // The end day is included: up to the start of the next desk day.
  if (toDay !== null) filter.to = deskDayStart(new Date(Date.parse(`${form.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10), timeZone) ?? toDay + DAY_MS;
  return filter;
}

/** Whether the from day comes after the to day (the search would find nothing). */
export function rangeReversed(form: AuditFilterForm): boolean {
  return DAY.test(form.from) && DAY.test(form.to) && form.from > form.to;
}

/** The filter bar in the address (#/audit?action=auth.&from=2026-11-01), so Back from a linked record keeps it. */
const PARAMS: Record<keyof AuditFilterForm, string> = { userId: 'user', action: 'action', entity: 'entity', entityId: 'id', from: 'from', to: 'to' };

export function formFromParams(params: URLSearchParams): AuditFilterForm {
  const text = (key: keyof AuditFilterForm) => params.get(PARAMS[key])?.trim() ?? '';
  const day = (key: 'from' | 'to') => (DAY.test(text(key)) ? text(key) : '');
  return {
    userId: /^\d+$/.test(text('userId')) ? text('userId') : null,
    action: text('action') || null,
    entity: text('entity') || null,
    entityId: /^\d+$/.test(text('entityId')) ? text('entityId') : '',
    from: day('from'),
    to: day('to'),
  };
}

export function paramsFromForm(form: AuditFilterForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof AuditFilterForm)[]) {
    const value = form[key];
    if (value) params.set(PARAMS[key], value);
  }
  return params;
}
