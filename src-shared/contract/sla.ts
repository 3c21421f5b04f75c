import { z } from 'zod';
import { validDay, type IsoWeekday, type WorkingInterval } from '../domain/businessCalendar';
import {
  CHARGING_METHODS,
  ESCALATION_ACTIONS,
  ESCALATION_TARGETS,
  FIRST_RESPONSE_MODES,
  type CalendarDefinition,
  type ChargingMethod,
  type EscalationAction,
  type EscalationTarget,
  type FirstResponseMode,
} from '../domain/sla';
import { TICKET_PRIORITIES, type TicketPriority } from '../domain/tickets';
import { channel } from './channel';

export interface CalendarView {
  id: number;
  name: string;
  /** 'cn-statutory': newly shipped years of China's schedule are added at start. */
  source: string | null;
  definition: CalendarDefinition;
  /** The published name of each holiday or make-up working day. */
  dayNames: Record<string, string>;
  /** Agreements counting in this calendar. */
  agreementCount: number;
}

export interface AgreementTarget {
  priority: TicketPriority;
  responseMinutes: number;
  resolutionMinutes: number;
}

export interface AgreementView {
  id: number;
  name: string;
  calendarId: number;
  calendarName: string;
  chargingMethod: ChargingMethod;
  /** Annual contracts: visits included per year. */
  includedVisits: number | null;
  coveredItems: string;
  terms: string;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
  /** One per priority, low … urgent. */
  targets: AgreementTarget[];
  customerCount: number;
}

export interface SlaSettings {
  /** Applies to customers without an agreement of their own. */
  defaultAgreementId: number | null;
  /** Applies to products under warranty whose asset names no agreement. */
  warrantyAgreementId: number | null;
  /** Warn at these shares of a target's time, ascending (percent). */
  warnThresholds: number[];
  firstResponse: FirstResponseMode;
}

export interface EscalationRule {
  id: number;
  name: string;
  position: number;
  active: boolean;
  onTarget: EscalationTarget;
  /** null = any priority. */
  priority: TicketPriority | null;
  /** null = any agreement. */
  agreementId: number | null;
  action: EscalationAction;
  /** The group a 'reassign' rule hands the request to (the least loaded available member). */
  engineers: { id: number; displayName: string }[];
}

export interface JobRun {
  id: number;
  job: string;
  startedAt: number;
  finishedAt: number | null;
  outcome: 'ok' | 'failed' | null;
  /** Set when the run caught up after the machine slept or the app was closed. */
  gapMs: number | null;
  summary: Record<string, number> | null;
  error: string | null;
}

export interface HolidayImportResult {
  holidays: number;
  workdays: number;
  /** Rejected rows with line numbers; when any, nothing was written. */
  errors: { line: number; reason: string }[];
  applied: boolean;
}

const id = z.number().int().positive();
const day = z.string().refine(validDay, { message: 'date' });
const interval = z
  .object({ start: z.number().int().min(0).max(1440), end: z.number().int().min(0).max(1440) })
  .strict()
  .refine((i) => i.end > i.start, { message: 'intervalOrder' });
const intervals = z
  .array(interval)
  .max(6)
  .refine((list) => list.every((v, i) => i === 0 || v.start >= list[i - 1]!.end), { message: 'intervalOverlap' });
const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, { message: 'timeZone' });

export const saveCalendarInput = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1).max(100),
    timeZone,
    allDay: z.boolean(),
    week: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), intervals),
    makeUpHours: intervals,
    days: z.array(z.object({ date: day, kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(100).default('') }).strict()).max(5000),
  })
  .strict()
  .refine((c) => new Set(c.days.map((d) => d.date)).size === c.days.length, { message: 'duplicateDay', path: ['days'] })
  // A make-up working day needs hours to work (7×24 calendars work every day anyway).
  .refine((c) => c.allDay || c.makeUpHours.length > 0 || !c.days.some((d) => d.kind === 'workday'), { message: 'makeUpHoursRequired', path: ['makeUpHours'] });

export const saveAgreementInput = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1).max(100),
    calendarId: id,
    chargingMethod: z.enum(CHARGING_METHODS),
    includedVisits: z.number().int().min(0).max(10_000).nullable().default(null),
    coveredItems: z.string().trim().max(2000).default(''),
    terms: z.string().trim().max(5000).default(''),
    validFrom: day.nullable().default(null),
    validTo: day.nullable().default(null),
    active: z.boolean().default(true),
    targets: z
      .array(
        z
          .object({
            priority: z.enum(TICKET_PRIORITIES),
            responseMinutes: z.number().int().min(1).max(525_600),
            resolutionMinutes: z.number().int().min(1).max(525_600),
          })
          .strict()
          .refine((t) => t.resolutionMinutes >= t.responseMinutes, { message: 'resolutionBeforeResponse', path: ['resolutionMinutes'] }),
      )
      .length(TICKET_PRIORITIES.length)
      .refine((ts) => new Set(ts.map((t) => t.priority)).size === ts.length, { message: 'duplicatePriority' }),
  })
  .strict()
  .refine((a) => !a.validFrom || !a.validTo || a.validFrom <= a.validTo, { message: 'validToBeforeFrom', path: ['validTo'] });

export const sla = {
  calendars: channel<CalendarView[]>()({ input: z.object({}).strict(), access: 'signedIn' }),
  saveCalendar: channel<CalendarView>()({ input: saveCalendarInput, access: 'sla.manage' }),
  /** A year of holidays from the State Council's schedule (CSV as shipped, or ICS); dry run first. */
  importHolidays: channel<HolidayImportResult>()({
    input: z
      .object({ calendarId: id, format: z.enum(['csv', 'ics']), text: z.string().min(1).max(1_000_000), dryRun: z.boolean().default(false) })
      .strict(),
    access: 'sla.manage',
  }),
  agreements: channel<AgreementView[]>()({ input: z.object({}).strict(), access: 'signedIn' }),
  saveAgreement: channel<AgreementView>()({ input: saveAgreementInput, access: 'sla.manage' }),
  setCustomerAgreement: channel<null>()({
    input: z.object({ customerId: id, agreementId: id.nullable() }).strict(),
    access: 'sla.manage',
  }),
  settings: channel<SlaSettings>()({ input: z.object({}).strict(), access: 'signedIn' }),
  updateSettings: channel<SlaSettings>()({
    input: z
      .object({
        defaultAgreementId: id.nullable().optional(),
        warrantyAgreementId: id.nullable().optional(),
        warnThresholds: z
          .array(z.number().int().min(1).max(99))
          .max(4)
          .refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]!), { message: 'thresholdOrder' })
          .optional(),
        firstResponse: z.enum(FIRST_RESPONSE_MODES).optional(),
      })
      .strict(),
    access: 'sla.manage',
  }),
  escalations: channel<EscalationRule[]>()({ input: z.object({}).strict(), access: 'tickets.read' }),
  saveEscalation: channel<EscalationRule>()({
    input: z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(100),
        position: z.number().int().min(0).max(10_000),
        active: z.boolean().default(true),
        onTarget: z.enum(ESCALATION_TARGETS),
        priority: z.enum(TICKET_PRIORITIES).nullable(),
        agreementId: id.nullable(),
        action: z.enum(ESCALATION_ACTIONS),
        engineerIds: z.array(id).max(200).default([]),
      })
      .strict()
      .refine((r) => r.action !== 'reassign' || r.engineerIds.length > 0, { message: 'groupRequired', path: ['engineerIds'] }),
    access: 'sla.manage',
  }),
  removeEscalation: channel<null>()({ input: z.object({ id }).strict(), access: 'sla.manage' }),
  /** Runs the service check now (it also runs every minute); returns the run as recorded. */
  runCheck: channel<JobRun>()({ input: z.object({}).strict(), access: 'sla.manage' }),
  jobRuns: channel<JobRun[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    access: 'jobs.read',
  }),
};

export type { CalendarDefinition, IsoWeekday, WorkingInterval };
