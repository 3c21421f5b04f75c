import { useMemo, useSyncExternalStore } from 'react';
import type { CalendarView, SlaCountdown } from '../../../src-shared/contract';
import type { BusinessCalendar } from '../../../src-shared/domain/businessCalendar';
import { DEFAULT_WARN_THRESHOLDS, toBusinessCalendar } from '../../../src-shared/domain/sla';
import { countdownAt, type Countdown } from './countdown';
import { useCalendars, useSlaSettings } from './hooks';
import { subscribeTicker, tickerNow } from './ticker';

// What the live SLA countdowns read: the shared tick, the business calendars and the warning
// thresholds. The admin pages (hooks.ts beside this file) edit the same queries.

/** The current time, from the one timer every countdown on the page shares (30 s steps). */
export function useNow(): number {
  return useSyncExternalStore(subscribeTicker, tickerNow);
}

// Built once per fetched definition and shared by every row that counts in it; a refetch
// that leaves a calendar unchanged keeps its object (structural sharing), so its build too.
const built = new WeakMap<CalendarView, BusinessCalendar>();

function businessCalendarOf(view: CalendarView): BusinessCalendar {
  let calendar = built.get(view);
  if (!calendar) {
    calendar = toBusinessCalendar(view.definition);
    built.set(view, calendar);
  }
  return calendar;
}

/** The calendar a clock counts in; `ready` once the calendars are loaded (or failed to load). */
export function useBusinessCalendar(id: number): { calendar: BusinessCalendar | undefined; name: string | null; ready: boolean } {
  const calendars = useCalendars();
  const view = calendars.data?.find((c) => c.id === id);
  return { calendar: view ? businessCalendarOf(view) : undefined, name: view?.name ?? null, ready: !calendars.isPending };
}

/** When countdowns turn amber: the desk's thresholds, the shipped ones until they arrive. */
export function useWarnThresholds(): readonly number[] {
  return useSlaSettings().data?.warnThresholds ?? DEFAULT_WARN_THRESHOLDS;
}

/**
 * A target's countdown, live (or frozen at `at`, e.g. when the clock was paused); null until
 * the calendars are known, so nothing is first shown in wall-clock time and then jumps.
 */
export function useCountdown(sla: Pick<SlaCountdown, 'target' | 'dueAt' | 'targetMinutes' | 'calendarId'>, at: number | null = null): Countdown | null {
  const now = useNow();
  const { calendar, ready } = useBusinessCalendar(sla.calendarId);
  const thresholds = useWarnThresholds();
  const instant = at ?? now;
  const { target, dueAt, targetMinutes } = sla;
  return useMemo(
    () => (ready ? countdownAt({ target, dueAt, targetMinutes }, instant, calendar, thresholds) : null),
    [ready, target, dueAt, targetMinutes, instant, calendar, thresholds],
  );
}
