import type Database from 'better-sqlite3';
import { addBusinessTime, type BusinessCalendar } from '../../../src-shared/domain/businessCalendar';
import { BREACH_LEVEL, businessTimeLeft, levelReached, slaRuns, toBusinessCalendar } from '../../../src-shared/domain/sla';
import type { TicketStatus } from '../../../src-shared/domain/tickets';
import { definitionOf } from '../sla/calendars';
import { schedule, type SlaState } from '../sla/clock';
import type { Rng } from './random';

// SLA clocks for demo requests, consistent with what the live clock would have recorded:
// targets from the customer's agreement (key accounts on Gold or VIP, everyone else on
// the desk's default), responses mostly in time, breaches where the request's history
// ran past a target, and levels already announced up to `now`, so the first service check
// after seeding only has what is really coming due.

const MINUTE = 60_000;

interface DemoAgreement {
  id: number;
  calendarId: number;
  calendar: BusinessCalendar;
  /** [response, resolution] minutes by priority rank. */
  targets: Map<number, [number, number]>;
}

export interface DemoSla {
  /** The agreement for a key account (by its index among key accounts), or null for the default. */
  keyAccountAgreement(index: number): number | null;
  /** The SLA columns of a request, in the order of SLA_COLUMNS. */
  columns(rng: Rng, r: DemoRequest): (number | string | null)[];
}

export interface DemoRequest {
  agreementId: number | null;
  status: TicketStatus;
  priority: number;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
}

export const SLA_COLUMNS = [
  'agreement_id',
  'sla_basis',
  'sla_calendar_id',
  'sla_started_at',
  'response_target_min',
  'resolution_target_min',
  'response_due_at',
  'resolution_due_at',
  'responded_at',
  'sla_paused_at',
  'response_level',
  'resolution_level',
  'response_breached_at',
  'resolution_breached_at',
  'sla_next_check_at',
  'sla_due_at',
] as const;

export function demoSla(sqlite: Database.Database, now: number, thresholds: readonly number[]): DemoSla {
  const calendars = new Map(
    (sqlite.prepare('SELECT id, time_zone, all_day, week, make_up_hours FROM calendars').all() as { id: number; time_zone: string; all_day: number; week: string; make_up_hours: string }[]).map(
      (row) => [row.id, toBusinessCalendar(definitionOf(row, sqlite.prepare('SELECT day, kind FROM calendar_days WHERE calendar_id = ?').all(row.id) as { day: string; kind: string }[]))],
    ),
  );
  const agreements = new Map<number, DemoAgreement>();
  for (const a of sqlite.prepare('SELECT id, name, calendar_id FROM agreements WHERE active = 1 ORDER BY id').all() as { id: number; name: string; calendar_id: number }[]) {
    const targets = sqlite.prepare('SELECT priority, response_minutes, resolution_minutes FROM agreement_targets WHERE agreement_id = ?').all(a.id) as {
      priority: number;
      response_minutes: number;
      resolution_minutes: number;
    }[];
    agreements.set(a.id, { id: a.id, calendarId: a.calendar_id, calendar: calendars.get(a.calendar_id)!, targets: new Map(targets.map((t) => [t.priority, [t.response_minutes, t.resolution_minutes]])) });
  }
  const setting = sqlite.prepare("SELECT value FROM settings WHERE key = 'slaDefaultAgreementId'").get() as { value: string } | undefined;
  const fallback = setting && agreements.has(Number(setting.value)) ? Number(setting.value) : null;
  const premium = [...agreements.keys()].filter((id) => id !== fallback);

  return {
    keyAccountAgreement: (index) => (premium.length ? premium[index % 3 === 0 ? premium.length - 1 : 0]! : null),
    columns(rng, r) {
      const agreement = agreements.get(r.agreementId ?? fallback ?? -1);
      const targets = agreement?.targets.get(r.priority);
      if (!agreement || !targets) return SLA_COLUMNS.map(() => null);
      const { calendar } = agreement;
      const [response, resolution] = targets;
      const start = r.createdAt;
      const responseDue = addBusinessTime(start, response * MINUTE, calendar);
      const resolutionDue = addBusinessTime(start, resolution * MINUTE, calendar);
      // Most first responses come within the target; about one in twelve is late.
      const share = rng.chance(0.08) ? 1 + rng.next() : 0.1 + 0.8 * rng.next();
      const respondedAt = r.status === 'pending_assignment' ? null : Math.min(now, r.resolvedAt ?? now, addBusinessTime(start, share * response * MINUTE, calendar));
      const runs = slaRuns(r.status);
      const pausedAt = runs ? null : r.status === 'on_hold' ? r.updatedAt : (r.resolvedAt ?? r.closedAt ?? r.updatedAt);
      const clockEnd = pausedAt ?? now;
      const responseBreached = (respondedAt ?? clockEnd) > responseDue ? responseDue : null;
      const resolutionBreached = clockEnd > resolutionDue ? resolutionDue : null;
      const level = (breached: number | null, end: number, due: number, targetMin: number) =>
        breached !== null ? BREACH_LEVEL : levelReached(businessTimeLeft(end, due, calendar), targetMin * MINUTE, thresholds);
      const state: SlaState = {
        id: 0,
        status: r.status,
        priority: r.priority,
        customer_id: 0,
        product_id: null,
        assignee_id: null,
        agreement_id: agreement.id,
        sla_basis: r.agreementId === null ? 'default' : 'customer',
        sla_calendar_id: agreement.calendarId,
        sla_started_at: start,
        response_target_min: response,
        resolution_target_min: resolution,
        response_due_at: responseDue,
        resolution_due_at: resolutionDue,
        responded_at: respondedAt,
        sla_paused_at: pausedAt,
        sla_paused_ms: 0,
        sla_pauses: '[]',
        response_level: respondedAt !== null ? 0 : level(responseBreached, clockEnd, responseDue, response),
        resolution_level: level(resolutionBreached, clockEnd, resolutionDue, resolution),
      };
      const derived = schedule(state, now, calendar, thresholds);
      return [
        agreement.id,
        state.sla_basis,
        agreement.calendarId,
        start,
        response,
        resolution,
        responseDue,
        resolutionDue,
        respondedAt,
        pausedAt,
        state.response_level,
        state.resolution_level,
        responseBreached,
        resolutionBreached,
        derived.sla_next_check_at,
        derived.sla_due_at,
      ];
    },
  };
}
