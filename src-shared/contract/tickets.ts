import { z } from 'zod';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_TYPES,
  TICKET_VIEWS,
  COMPLAINT_PARTIES,
  COMPLAINT_SEVERITIES,
  type ComplaintParty,
  type ComplaintSeverity,
  type TicketChannel,
  type TicketView,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '../domain/tickets';
import {
  HOLD_REASONS,
  WORK_OUTCOMES,
  type HoldReason,
  type LockReason,
  type TicketAction,
  type WorkOutcome,
} from '../domain/lifecycle';
import { PROVINCE_CODES, type ProvinceCode } from '../domain/regions';
import type { SlaBasis, SlaTarget } from '../domain/sla';
import type { WarrantyState } from '../domain/warranty';
import { channel } from './channel';
import { drillSchema } from './dashboard';
import { phoneField } from './phone';

export interface TicketListItem {
  id: number;
  number: string;
  subject: string;
  status: TicketStatus;
  type: TicketType;
  priority: TicketPriority;
  channel: TicketChannel;
  customerName: string;
  assigneeName: string | null;
  requestedBy: string | null;
  createdAt: number;
  /** For bulk actions from the queue: each change sends the version it saw. */
  version: number;
  /** The nearest running SLA target, for the live countdown; null while no clock runs. */
  sla: SlaCountdown | null;
  /** A target of this request was breached (kept for ever). */
  breached: boolean;
}

/** Enough to count down in business time in the renderer (with the calendar from sla.calendars). */
export interface SlaCountdown {
  target: SlaTarget;
  dueAt: number;
  calendarId: number;
  targetMinutes: number;
}

export interface SlaClockView {
  targetMinutes: number;
  dueAt: number;
  /** Responded / resolved at. */
  doneAt: number | null;
  breachedAt: number | null;
  /** The share of the target already announced: 0, a warning threshold, or 100. */
  level: number;
}

/** Which agreement applies, why, and its two clocks. */
export interface TicketSla {
  agreement: { id: number; name: string };
  basis: SlaBasis;
  calendarId: number;
  startedAt: number;
  /** Set while the clock stands still (on hold, resolved, closed). */
  pausedAt: number | null;
  pausedMs: number;
  response: SlaClockView;
  resolution: SlaClockView;
}

export interface TicketEvent {
  at: number;
  kind: string;
  actorName: string | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note: string | null;
  /** What the step decided and why, e.g. an automatic assignment's rule and load. */
  details: Record<string, unknown> | null;
}

export interface WorkLogView {
  id: number;
  engineerName: string;
  kind: 'onsite' | 'remote';
  startedAt: number;
  endedAt: number;
  workMinutes: number;
  labourFee: number;
  travelFee: number;
  partsFee: number;
  chargeable: boolean;
  currency: string;
  findings: string;
  outcome: WorkOutcome;
  parts: { partNo: string; name: string; quantity: number; unitPrice: number }[];
}

export interface FollowUpView {
  at: number;
  agentName: string;
  satisfaction: number;
  satisfied: boolean;
  comment: string;
}

export interface ProblemCategory {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface ComplaintView {
  severity: ComplaintSeverity;
  party: ComplaintParty;
  partyUser: { id: number; name: string } | null;
  /** A service manager must acknowledge a complaint before it can be resolved or closed. */
  acknowledged: { by: string; at: number } | null;
  rootCause: string;
  correctiveAction: string;
}

/** Attachments are stored by content hash and handed back as bytes; the app never opens them. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface AttachmentView {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: number;
}

export interface TicketDetail extends TicketListItem {
  /** The service agreement and SLA clocks; null when no agreement applies. */
  agreement: TicketSla | null;
  attachments: AttachmentView[];
  /** Complaint handling; null unless the request is a complaint. */
  complaint: ComplaintView | null;
  /** Set when this request was merged into another as a duplicate. */
  mergedInto: { id: number; number: string } | null;
  /** Duplicates merged into this request. */
  duplicates: { id: number; number: string }[];
  /** Optimistic concurrency: every change sends the version it saw. */
  version: number;
  attempts: number;
  lockReason: LockReason | null;
  holdReason: HoldReason | null;
  assignee: { id: number; name: string } | null;
  problemCategory: ProblemCategory | null;
  analysis: string;
  /** What the caller may do now, from the lifecycle state machine. */
  allowedActions: TicketAction[];
  workLogs: WorkLogView[];
  followUps: FollowUpView[];
  description: string;
  customer: { id: number; customerNo: string; name: string; phone: string | null; province: ProvinceCode | null };
  contact: { id: number; name: string; phone: string | null } | null;
  product: { id: number; name: string; model: string } | null;
  /** The customer's unit of that product (the one with the latest warranty) and its warranty today. */
  warranty: { serialNo: string | null; warrantyEnd: string | null; state: WarrantyState } | null;
  createdByName: string;
  updatedAt: number;
  events: TicketEvent[];
}

export interface TicketPage {
  items: TicketListItem[];
  /** Opaque keyset cursor for the next page; null on the last page. */
  nextCursor: string | null;
}

const id = z.number().int().positive();
/** A calendar date (the customer's requested-by day), not an instant. */
export const isoDateSchema = z.iso.date();

const newParty = z.object({ name: z.string().trim().min(1).max(100), phone: phoneField.optional() }).strict();
const newCustomer = newParty.extend({ province: z.enum(PROVINCE_CODES).optional() }).strict();

export const createTicketInput = z
  .object({
    customer: z.union([z.object({ id }).strict(), newCustomer]),
    contact: z.union([z.object({ id }).strict(), newParty]).optional(),
    productId: id.optional(),
    type: z.enum(TICKET_TYPES),
    priority: z.enum(TICKET_PRIORITIES).default('normal'),
    channel: z.enum(TICKET_CHANNELS),
    subject: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(''),
    problemCategoryId: id.optional(),
    analysis: z.string().trim().max(5000).default(''),
    /** New requests wait for assignment, or start on hold (waiting for the customer, parts or a date). */
    initialStatus: z.enum(['pending_assignment', 'on_hold']).default('pending_assignment'),
    holdReason: z.enum(HOLD_REASONS).optional(),
    requestedBy: isoDateSchema.optional(),
    /** Required for complaints, refused for other types. */
    complaint: z
      .object({ severity: z.enum(COMPLAINT_SEVERITIES), party: z.enum(COMPLAINT_PARTIES), partyUserId: id.optional() })
      .strict()
      .refine((c) => c.party === 'engineer' || c.partyUserId === undefined, { path: ['partyUserId'], error: 'invalid' })
      .optional(),
  })
  .strict()
  .refine((v) => v.initialStatus !== 'on_hold' || v.holdReason !== undefined, { path: ['holdReason'], error: 'required' })
  .refine((v) => (v.type === 'complaint') === (v.complaint !== undefined), { path: ['complaint'], error: 'complaintDetails' });

export const listTicketsInput = z
  .object({
    status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).optional(),
    type: z.array(z.enum(TICKET_TYPES)).max(TICKET_TYPES.length).optional(),
    priority: z.array(z.enum(TICKET_PRIORITIES)).max(TICKET_PRIORITIES.length).optional(),
    /** An engineer's id, or 'none' for requests nobody owns yet. */
    assignee: z.union([id, z.literal('none')]).optional(),
    text: z.string().trim().max(100).optional(),
    /** A saved view narrows the other filters (they still apply within it). */
    view: z.enum(TICKET_VIEWS).optional(),
    /** The requests behind a dashboard figure (the drill-down); the other filters still apply. */
    drill: drillSchema.optional(),
    /** With `text`, pages come in entry order (created_desc or created_asc); other sorts fall back to created_desc. */
    sort: z.enum(TICKET_SORTS).default('created_desc'),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

const change = { id, version: z.number().int().positive() };
const note = z.string().trim().max(2000);
const minorUnits = z.number().int().min(0).max(100_000_000);
const epochMs = z.number().int().min(0);

export const logWorkInput = z
  .object({
    ...change,
    kind: z.enum(['onsite', 'remote']),
    startedAt: epochMs,
    endedAt: epochMs,
    /** Hours actually worked, in minutes; may be less than the span (travel, breaks). */
    workMinutes: z.number().int().min(0).max(24 * 60),
    parts: z.array(z.object({ partId: id, quantity: z.number().int().min(1).max(10_000) }).strict()).max(50).default([]),
    labourFee: minorUnits.default(0),
    travelFee: minorUnits.default(0),
    /** false = covered by warranty or agreement; true = charged to the customer. */
    chargeable: z.boolean(),
    findings: z.string().trim().min(1).max(5000),
    outcome: z.enum(WORK_OUTCOMES),
  })
  .strict()
  .refine((v) => v.endedAt >= v.startedAt, { path: ['endedAt'], error: 'beforeStart' })
  .refine((v) => v.workMinutes <= Math.ceil((v.endedAt - v.startedAt) / 60_000), { path: ['workMinutes'], error: 'longerThanVisit' });

export const unlockInput = z.discriminatedUnion('mode', [
  z.object({ ...change, mode: z.literal('reassign'), engineerId: id, note: note.default('') }).strict(),
  z.object({ ...change, mode: z.literal('extend'), requestedBy: isoDateSchema, note: note.default('') }).strict(),
  z.object({ ...change, mode: z.literal('close'), note: note.min(1) }).strict(),
]);

export interface Workbench {
  /** The caller's unfinished requests, the customer's requested date first (undated last). */
  requests: TicketListItem[];
  /** Monday 00:00 of this week in the desk's time zone (epoch ms). */
  weekStart: number;
  minutesThisWeek: number;
  visitsThisWeek: number;
}

export interface DispatchSheet {
  companyName: string;
  ticket: TicketDetail;
  customerAddress: string | null;
  /** The customer's earlier requests, newest first. */
  history: { id: number; number: string; subject: string; status: TicketStatus; createdAt: number }[];
  printedAt: number;
}

export const bulkInput = z
  .object({
    items: z.array(z.object({ id, version: z.number().int().positive() }).strict()).min(1).max(200),
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('assign'), engineerId: id }).strict(),
      z.object({ kind: z.literal('hold'), reason: z.enum(HOLD_REASONS) }).strict(),
      z.object({ kind: z.literal('priority'), priority: z.enum(TICKET_PRIORITIES) }).strict(),
    ]),
  })
  .strict();

export interface BulkResult {
  done: number[];
  /** Each request that was not changed, with the error it met (CONFLICT, INVALID_TRANSITION…). */
  failed: { id: number; code: string; message: string }[];
}

export const tickets = {
  create: channel<TicketDetail>()({ input: createTicketInput, access: 'tickets.create' }),
  list: channel<TicketPage>()({ input: listTicketsInput, access: 'tickets.read' }),
  get: channel<TicketDetail>()({ input: z.object({ id }).strict(), access: 'tickets.read' }),
  /** How many requests each saved view holds for the caller, for the navigation. */
  viewCounts: channel<Record<TicketView, number>>()({ input: z.object({}).strict(), access: 'tickets.read' }),
  problemCategories: channel<ProblemCategory[]>()({ input: z.object({}).strict(), access: 'tickets.read' }),
  assign: channel<TicketDetail>()({
    input: z.object({ ...change, engineerId: id, note: note.default('') }).strict(),
    access: 'tickets.assign',
  }),
  hold: channel<TicketDetail>()({
    input: z.object({ ...change, reason: z.enum(HOLD_REASONS), note: note.default('') }).strict(),
    access: 'tickets.hold',
  }),
  resume: channel<TicketDetail>()({ input: z.object({ ...change, note: note.default('') }).strict(), access: 'tickets.hold' }),
  logWork: channel<TicketDetail>()({ input: logWorkInput, access: 'tickets.logWork' }),
  startFollowUp: channel<TicketDetail>()({ input: z.object({ ...change, note: note.default('') }).strict(), access: 'tickets.followUp' }),
  recordFollowUp: channel<TicketDetail>()({
    input: z
      .object({ ...change, satisfaction: z.number().int().min(1).max(5), satisfied: z.boolean(), comment: note.default('') })
      .strict(),
    access: 'tickets.followUp',
  }),
  unlock: channel<TicketDetail>()({ input: unlockInput, access: 'tickets.manage' }),
  close: channel<TicketDetail>()({ input: z.object({ ...change, note: note.min(1) }).strict(), access: 'tickets.manage' }),
  reopen: channel<TicketDetail>()({ input: z.object({ ...change, note: note.min(1) }).strict(), access: 'tickets.reopen' }),
  /** The service manager's mandatory acknowledgement of a complaint. */
  acknowledgeComplaint: channel<TicketDetail>()({ input: z.object({ ...change }).strict(), access: 'tickets.manage' }),
  /** Root cause and corrective action, required before a complaint closes. */
  updateComplaint: channel<TicketDetail>()({
    input: z
      .object({ ...change, rootCause: z.string().trim().max(5000), correctiveAction: z.string().trim().max(5000) })
      .strict(),
    access: 'tickets.followUp',
  }),
  /** Folds a duplicate into the request that carries on; both histories are kept. */
  merge: channel<TicketDetail>()({
    input: z
      .object({ id, version: z.number().int().positive(), intoId: id, note: note.default('') })
      .strict()
      .refine((v) => v.id !== v.intoId, { path: ['intoId'], error: 'sameRequest' }),
    access: 'tickets.assign',
  }),
  attach: channel<TicketDetail>()({
    input: z
      .object({
        id,
        // No path separators, reserved characters or control characters: a plain file name.
        fileName: z
          .string()
          .trim()
          .min(1)
          .max(255)
          .refine((n) => !/[\\/:*?"<>|]/.test(n) && ![...n].some((ch) => ch.charCodeAt(0) < 32), { error: 'fileName' }),
        mimeType: z.string().trim().max(100).default('application/octet-stream'),
        // base64 of at most MAX_ATTACHMENT_BYTES
        contentBase64: z
          .string()
          .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, { error: 'tooLarge' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'invalid' }),
      })
      .strict(),
    access: 'tickets.read',
  }),
  /** The bytes of one attachment, for the user to save; the app itself never opens it. */
  attachment: channel<{ fileName: string; mimeType: string; contentBase64: string }>()({
    input: z.object({ attachmentId: id }).strict(),
    access: 'tickets.read',
  }),
  /** A customer-visible reply or an internal note on the request's timeline. */
  addNote: channel<TicketDetail>()({
    input: z.object({ id, kind: z.enum(['reply', 'internal']), body: z.string().trim().min(1).max(5000) }).strict(),
    access: 'tickets.read',
  }),
  setPriority: channel<TicketDetail>()({
    input: z.object({ ...change, priority: z.enum(TICKET_PRIORITIES), note: note.default('') }).strict(),
    access: 'tickets.assign',
  }),
  /** Apply another service agreement: both targets are recomputed from the start, with a history entry. */
  setAgreement: channel<TicketDetail>()({
    input: z.object({ ...change, agreementId: id, note: note.default('') }).strict(),
    access: 'tickets.manage',
  }),
  /** The engineer's workbench: their queue by requested date and their logged hours this week. */
  workbench: channel<Workbench>()({ input: z.object({}).strict(), access: 'tickets.read' }),
  /** Everything a field service dispatch sheet prints for a site visit. */
  dispatchSheet: channel<DispatchSheet>()({ input: z.object({ id }).strict(), access: 'tickets.read' }),
  /** Assign, hold or re-prioritise many requests from the queue; each one succeeds or fails alone. */
  bulk: channel<BulkResult>()({ input: bulkInput, access: 'tickets.assign' }),
};
