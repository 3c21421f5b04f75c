import { businessTimeBetween, type BusinessCalendar, type IsoWeekday, type WorkingInterval } from './businessCalendar';
import type { TicketStatus } from './tickets';

// Service agreements and SLA clocks: the vocabulary shared by main (which keeps the
// clocks and runs the checks) and the renderer (which counts down in business time).

export const CHARGING_METHODS = ['warranty_free', 'per_visit', 'per_hour', 'annual_contract'] as const;
export type ChargingMethod = (typeof CHARGING_METHODS)[number];

/** Why an agreement applies to a request. */
export const SLA_BASES = ['warranty', 'customer', 'default', 'manual'] as const;
export type SlaBasis = (typeof SLA_BASES)[number];

export const SLA_TARGETS = ['response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export const ESCALATION_TARGETS = ['response', 'resolution', 'any'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export const ESCALATION_ACTIONS = ['raise_priority', 'reassign', 'lock'] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/** What counts as the first response: the first reply to the customer, or the assignment. */
export const FIRST_RESPONSE_MODES = ['reply', 'assignment'] as const;
export type FirstResponseMode = (typeof FIRST_RESPONSE_MODES)[number];

/** Warn at these shares of a target's time (percent); 100 is the breach. */
export const DEFAULT_WARN_THRESHOLDS = [75, 90] as const;
export const BREACH_LEVEL = 100;

/**
 * The clock runs while the desk owes work (waiting to be assigned, being worked, locked
 * for the manager) and stands still on hold, once resolved and after closing.
 */
export const SLA_RUNNING_STATUSES: readonly TicketStatus[] = ['pending_assignment', 'reopened', 'assigned', 'locked'];

export function slaRuns(status: TicketStatus): boolean {
  return SLA_RUNNING_STATUSES.includes(status);
}

/** A calendar as stored and carried over the contract (plain JSON). */
export interface CalendarDefinition {
  timeZone: string;
  allDay: boolean;
  week: Partial<Record<IsoWeekday, WorkingInterval[]>>;
  makeUpHours: WorkingInterval[];
  holidays: string[];
  workdays: string[];
}

export function toBusinessCalendar(def: CalendarDefinition): BusinessCalendar {
  return {
    timeZone: def.timeZone,
    allDay: def.allDay,
    week: def.week,
    holidays: new Set(def.holidays),
    makeUpWorkdays: new Set(def.workdays),
    makeUpHours: def.makeUpHours,
  };
}

/** Business time left until `due` (negative: how long it is overdue). */
export function businessTimeLeft(now: number, due: number, calendar: BusinessCalendar): number {
  return due >= now ? businessTimeBetween(now, due, calendar) : -businessTimeBetween(due, now, calendar);
}

/**
 * The highest level a target has reached: 100 once due, else the highest warning
 * threshold whose share of the target has been used, else 0.
 */
export function levelReached(timeLeftMs: number, targetMs: number, thresholds: readonly number[]): number {
  if (timeLeftMs <= 0) return BREACH_LEVEL;
  let level = 0;
  for (const p of thresholds) if (timeLeftMs <= (targetMs * (100 - p)) / 100) level = Math.max(level, p);
  return level;
}

/** How a countdown is shown: calm, warned (amber) or breached (red). */
export type SlaTone = 'ok' | 'warning' | 'breached';

export function slaTone(timeLeftMs: number, targetMs: number, thresholds: readonly number[]): SlaTone {
  const level = levelReached(timeLeftMs, targetMs, thresholds);
  return level >= BREACH_LEVEL ? 'breached' : level > 0 ? 'warning' : 'ok';
}

/** 2 d 3 h, 3 h 05 m, 12 m: business time in the units a desk reads at a glance. */
export function formatDuration(ms: number, units: { d: string; h: string; m: string }): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}${units.d} ${h}${units.h}`;
  if (h > 0) return `${h}${units.h} ${String(m).padStart(2, '0')}${units.m}`;
  return `${m}${units.m}`;
}
