import type { z } from 'zod';
import type { ProblemCategory, SessionUser, SlaClockView, SlaCountdown, TicketDetail, TicketListItem, TicketPage, TicketSla } from '../../../src-shared/contract';
import type { SlaBasis } from '../../../src-shared/domain/sla';
import type { ProvinceCode } from '../../../src-shared/domain/regions';
import { allowedActions, type HoldReason, type LockReason, type WorkOutcome } from '../../../src-shared/domain/lifecycle';
import type { createTicketInput, listTicketsInput } from '../../../src-shared/contract/tickets';
import {
  TICKET_PRIORITIES,
  formatTicketNumber,
  PRIORITY_RANK,
  TICKET_VIEWS,
  type ComplaintParty,
  type ComplaintSeverity,
  type TicketChannel,
  type TicketView,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '../../../src-shared/domain/tickets';
import { DEFAULT_TIME_ZONE, dayKey, isoDay } from '../../../src-shared/domain/time';
import { warrantyState } from '../../../src-shared/domain/warranty';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { findContact, findCustomer, findProduct, insertContact, insertCustomer, touchActivity, unitUnderWarranty } from '../customers/queries';
import { nextCustomerNo } from '../customers/service';
import { ticketIndexStatements } from '../search/ticketIndex';
import { getSettings } from '../settings/queries';
import { assertTicketInScope, customerOwnerScope, ticketScope } from '../users/scope';
import { startClock } from '../sla/clock';
import { decodeCursor, encodeCursor } from './cursor';
import { DEFAULT_REOPEN_WINDOW_DAYS } from './lifecycle';
import { createAttachments } from './attachments';
import { applyView, queueQuery } from './views';
import {
  countOccurrence,
  countTickets,
  findAssignableEngineer,
  getComplaint,
  listDuplicates,
  findProblemCategory,
  getTicketRow,
  listFollowUps,
  listProblemCategories,
  listTicketEvents,
  listTickets,
  listWorkLogParts,
  listWorkLogs,
  nextSequence,
} from './queries';


function priorityName(rank: number): TicketPriority {
  return TICKET_PRIORITIES[rank] ?? 'normal';
}

type SlaColumns = {
  sla_due_at: number | null;
  sla_calendar_id: number | null;
  responded_at: number | null;
  response_due_at: number | null;
  response_target_min: number | null;
  resolution_target_min: number | null;
  response_breached_at: number | null;
  resolution_breached_at: number | null;
};

/** The nearest running target for the queue's countdown (the response one while it is unmet and nearer). */
function slaCountdown(r: SlaColumns): SlaCountdown | null {
  if (r.sla_due_at === null || r.sla_calendar_id === null) return null;
  const response = r.responded_at === null && r.response_due_at === r.sla_due_at;
  const targetMinutes = response ? r.response_target_min : r.resolution_target_min;
  return { target: response ? 'response' : 'resolution', dueAt: r.sla_due_at, calendarId: r.sla_calendar_id, targetMinutes: targetMinutes ?? 0 };
}

function wasBreached(r: SlaColumns): boolean {
  return r.response_breached_at !== null || r.resolution_breached_at !== null;
}

/** A queue row as the contract carries it. */
export function toListItem(r: Awaited<ReturnType<typeof listTickets>>[number]): TicketListItem {
  return {
    sla: slaCountdown(r),
    breached: wasBreached(r),
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status as TicketStatus,
    type: r.type as TicketType,
    priority: priorityName(r.priority),
    channel: r.channel as TicketChannel,
    customerName: r.customer_name,
    assigneeName: r.assignee_name,
    requestedBy: r.requested_by,
    createdAt: r.created_at,
    version: r.version,
  };
}

function clockView(targetMinutes: number | null, dueAt: number | null, doneAt: number | null, breachedAt: number | null, level: number): SlaClockView {
  return { targetMinutes: targetMinutes ?? 0, dueAt: dueAt ?? 0, doneAt, breachedAt, level };
}

const RESOLVED = ['resolved', 'follow_up', 'closed'];

/** The agreement and both clocks for the detail page. */
function ticketSla(row: NonNullable<Awaited<ReturnType<typeof getTicketRow>>>): TicketSla | null {
  if (row.agreement_id === null || row.sla_calendar_id === null || row.sla_started_at === null) return null;
  return {
    agreement: { id: row.agreement_id, name: row.agreement_name ?? '' },
    basis: (row.sla_basis as SlaBasis | null) ?? 'default',
    calendarId: row.sla_calendar_id,
    startedAt: row.sla_started_at,
    pausedAt: row.sla_paused_at,
    pausedMs: row.sla_paused_ms,
    response: clockView(row.response_target_min, row.response_due_at, row.responded_at, row.response_breached_at, row.response_level),
    // A reopened request's earlier resolution no longer counts.
    resolution: clockView(row.resolution_target_min, row.resolution_due_at, RESOLVED.includes(row.status) ? row.resolved_at : null, row.resolution_breached_at, row.resolution_level),
  };
}

function parseDetails(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function notFoundField(path: string): AppError {
  return new AppError('VALIDATION', `${path} does not exist`, { fields: [{ path, code: 'notFound', message: 'not found' }] });
}

export function createTicketService(deps: CoreDeps) {
  const { db, sqlite, clock, events } = deps;
  const index = ticketIndexStatements(sqlite);
  const attachments = createAttachments(deps);

  async function timeZone(): Promise<string> {
    return (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** The detail page, with the actions this caller may take now. */
  async function get(id: number, viewer: SessionUser): Promise<TicketDetail> {
    await assertTicketInScope(db, id, viewer);
    const row = await getTicketRow(db, id);
    if (!row) throw new AppError('NOT_FOUND', `Service request ${id} not found`);
    const [history, logs, followUps, settings, complaint, duplicates] = await Promise.all([
      listTicketEvents(db, id),
      listWorkLogs(db, id),
      listFollowUps(db, id),
      getSettings(db),
      getComplaint(db, id),
      listDuplicates(db, id),
    ]);
    const files = await attachments.list(id);
    const mergedInto = row.merged_into !== null ? await db.selectFrom('tickets').select(['id', 'number']).where('id', '=', row.merged_into).executeTakeFirst() : undefined;
    const logParts = await listWorkLogParts(
      db,
      logs.map((l) => l.id),
    );
    const reopenDays = Number(settings.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS);
    // The unit the request is about, if the customer's installed base has it: the one under
    // warranty when the request was entered (whose terms its SLA took), else the latest one;
    // its warranty is judged on that day, so a covered repair stays covered in its history.
    const entered = isoDay(row.created_at, settings.timeZone ?? DEFAULT_TIME_ZONE);
    const unit =
      row.product_id === null
        ? undefined
        : ((await unitUnderWarranty(db, row.customer_id, row.product_id, entered)) ??
          (await db
            .selectFrom('assets')
            .select(['serial_no', 'warranty_start', 'warranty_end'])
            .where('customer_id', '=', row.customer_id)
            .where('product_id', '=', row.product_id)
            .orderBy('warranty_end', 'desc')
            .executeTakeFirst()));
    const status = row.status as TicketStatus;
    return {
      id: row.id,
      number: row.number,
      subject: row.subject,
      description: row.description,
      status,
      type: row.type as TicketType,
      priority: priorityName(row.priority),
      channel: row.channel as TicketChannel,
      requestedBy: row.requested_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
      sla: slaCountdown(row),
      breached: wasBreached(row),
      agreement: ticketSla(row),
      complaint: complaint
        ? {
            severity: complaint.severity as ComplaintSeverity,
            party: complaint.party as ComplaintParty,
            partyUser: complaint.party_user_id !== null ? { id: complaint.party_user_id, name: complaint.party_user_name ?? '' } : null,
            acknowledged: complaint.acknowledged_at !== null ? { by: complaint.acknowledged_by_name ?? '', at: complaint.acknowledged_at } : null,
            rootCause: complaint.root_cause,
            correctiveAction: complaint.corrective_action,
          }
        : null,
      mergedInto: mergedInto ?? null,
      duplicates,
      attachments: files.map((f) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, size: f.size, uploadedBy: f.display_name, uploadedAt: f.uploaded_at })),
      attempts: row.attempts,
      lockReason: row.lock_reason as LockReason | null,
      holdReason: row.hold_reason as HoldReason | null,
      analysis: row.analysis,
      problemCategory:
        row.problem_category_id !== null && row.category_code !== null
          ? { id: row.problem_category_id, code: row.category_code, nameZh: row.category_zh ?? '', nameEn: row.category_en ?? '' }
          : null,
      allowedActions: allowedActions(status, {
        role: viewer.role,
        isAssignee: row.assignee_id === viewer.id,
        withinReopenWindow: row.closed_at !== null && clock.now() - row.closed_at <= reopenDays * 86_400_000,
      }),
      customerName: row.customer_name,
      assigneeName: row.assignee_name,
      assignee: row.assignee_id !== null ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
      customer: {
        id: row.customer_id,
        customerNo: row.customer_no,
        name: row.customer_name,
        phone: row.customer_phone,
        province: (row.customer_province as ProvinceCode | null) ?? null,
      },
      contact: row.contact_id !== null && row.contact_name !== null ? { id: row.contact_id, name: row.contact_name, phone: row.contact_phone } : null,
      product: row.product_id !== null && row.product_name !== null ? { id: row.product_id, name: row.product_name, model: row.product_model ?? '' } : null,
      warranty: unit ? { serialNo: unit.serial_no, warrantyEnd: unit.warranty_end, state: warrantyState(unit.warranty_start, unit.warranty_end, entered) } : null,
      createdByName: row.created_by_name,
      events: history.map((e) => ({
        at: e.at,
        kind: e.kind,
        actorName: e.actor_name,
        fromStatus: e.from_status as TicketStatus | null,
        toStatus: e.to_status as TicketStatus | null,
        note: e.note,
        details: parseDetails(e.details),
      })),
      workLogs: logs.map((l) => {
        const parts = logParts.filter((p) => p.work_log_id === l.id);
        return {
          id: l.id,
          engineerName: l.engineer_name,
          kind: l.kind === 'remote' ? 'remote' : 'onsite',
          startedAt: l.started_at,
          endedAt: l.ended_at,
          workMinutes: l.work_minutes,
          labourFee: l.labour_fee,
          travelFee: l.travel_fee,
          partsFee: parts.reduce((sum, p) => sum + p.quantity * p.unit_price, 0),
          chargeable: l.chargeable === 1,
          currency: l.currency,
          findings: l.findings,
          outcome: l.outcome as WorkOutcome,
          parts: parts.map((p) => ({ partNo: p.part_no, name: p.name, quantity: p.quantity, unitPrice: p.unit_price })),
        };
      }),
      followUps: followUps.map((f) => ({ at: f.at, agentName: f.agent_name, satisfaction: f.satisfaction, satisfied: f.satisfied === 1, comment: f.comment })),
    };
  }

  async function problemCategories(): Promise<ProblemCategory[]> {
    const rows = await listProblemCategories(db);
    return rows.map((r) => ({ id: r.id, code: r.code, nameZh: r.name_zh, nameEn: r.name_en }));
  }

  /** Creates a request (and a new customer or contact typed into the form) in one transaction. */
  async function create(input: z.output<typeof createTicketInput>, actor: SessionUser): Promise<TicketDetail> {
    const actorId = actor.id;
    const now = clock.now();
    const tz = await timeZone();
    const id = await db.transaction().execute(async (trx) => {
      let customer;
      if ('id' in input.customer) {
        customer = await findCustomer(trx, input.customer.id);
        // A merged record is a pointer to the customer it went into, not one to serve; an
        // account manager serves the customers they manage.
        const owner = customerOwnerScope(actor);
        if (!customer || customer.merged_into_id !== null || (owner !== undefined && customer.owner_id !== owner)) throw notFoundField('customer.id');
        await touchActivity(trx, customer.id, now);
      } else {
        customer = await insertCustomer(trx, {
          customer_no: await nextCustomerNo(trx, now, tz),
          name: input.customer.name,
          kind: 'company',
          phone: input.customer.phone || null,
          province: input.customer.province ?? null,
          created_at: now,
          // A customer an account manager takes in is theirs.
          owner_id: customerOwnerScope(actor) ?? null,
        });
      }

      let contact = null;
      if (input.contact && 'id' in input.contact) {
        contact = await findContact(trx, input.contact.id);
        if (!contact || contact.customer_id !== customer.id) throw notFoundField('contact.id');
      } else if (input.contact) {
        contact = await insertContact(trx, { customer_id: customer.id, name: input.contact.name, phone: input.contact.phone || null, created_at: now });
      }

      let product = null;
      if (input.productId !== undefined) {
        product = await findProduct(trx, input.productId);
        if (!product) throw notFoundField('productId');
      }
      if (input.problemCategoryId !== undefined) {
        if (!(await findProblemCategory(trx, input.problemCategoryId))) throw notFoundField('problemCategoryId');
        // Occurrence counts of (product, problem category) feed the statistics.
        await countOccurrence(trx, product?.id ?? null, input.problemCategoryId);
      }

      const day = dayKey(now, tz);
      const number = formatTicketNumber(day, await nextSequence(trx, `SR-${day}`));
      const status: TicketStatus = input.initialStatus;
      const row = await trx
        .insertInto('tickets')
        .values({
          number,
          customer_id: customer.id,
          contact_id: contact?.id ?? null,
          product_id: product?.id ?? null,
          type: input.type,
          priority: PRIORITY_RANK[input.priority],
          channel: input.channel,
          status,
          subject: input.subject,
          description: input.description,
          requested_by: input.requestedBy ?? null,
          assignee_id: null,
          problem_category_id: input.problemCategoryId ?? null,
          analysis: input.analysis,
          hold_reason: status === 'on_hold' ? (input.holdReason ?? null) : null,
          created_by: actorId,
          created_at: now,
          updated_at: now,
          team_id: actor.teamId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.complaint) {
        const { partyUserId } = input.complaint;
        if (partyUserId !== undefined && !(await findAssignableEngineer(trx, partyUserId))) throw notFoundField('complaint.partyUserId');
        await trx
          .insertInto('complaints')
          .values({
            ticket_id: row.id,
            severity: input.complaint.severity,
            party: input.complaint.party,
            party_user_id: partyUserId ?? null,
            acknowledged_by: null,
            acknowledged_at: null,
          })
          .execute();
      }
      await trx
        .insertInto('ticket_events')
        .values({
          ticket_id: row.id,
          at: now,
          actor_id: actorId,
          kind: 'created',
          from_status: null,
          to_status: status,
          note: null,
          details: status === 'on_hold' ? JSON.stringify({ reason: input.holdReason }) : null,
        })
        .execute();
      await startClock(trx, row.id, now, isoDay(now, tz));
      index.put(row.id, {
        number,
        subject: input.subject,
        description: input.description,
        customerName: customer.name,
        customerPhone: customer.phone,
        contactName: contact?.name,
        contactPhone: contact?.phone,
        productName: product?.name,
        productModel: product?.model,
      });
      return row.id;
    });
    events.emit('tickets.changed', { ids: [id] });
    return get(id, actor);
  }

  /** Today in the desk's time zone, as YYYY-MM-DD (requested-by dates are calendar days). */
  async function today(): Promise<string> {
    return isoDay(clock.now(), await timeZone());
  }

  async function viewCounts(viewer: SessionUser): Promise<Record<TicketView, number>> {
    const day = await today();
    const counts = {} as Record<TicketView, number>;
    for (const view of TICKET_VIEWS) {
      const filter = applyView(view, { scope: ticketScope(viewer) }, viewer.id, day);
      counts[view] = filter ? await countTickets(db, filter) : 0;
    }
    return counts;
  }

  async function list(input: z.output<typeof listTicketsInput>, viewer: SessionUser): Promise<TicketPage> {
    const cursor = input.cursor ? decodeCursor(input.cursor) : null;
    // Only the due view needs today's date (a settings read for the desk's time zone).
    const query = queueQuery(input, viewer, input.view === 'due' ? await today() : '');
    // The view and the filters exclude each other, or only punctuation was typed: nothing can match.
    if (!query) return { items: [], nextCursor: null };
    const rows = await listTickets(db, query.filter, query.sort, cursor, input.limit + 1);
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    const items = page.map(toListItem);
    const last = page.at(-1);
    let nextCursor: string | null = null;
    if (more && last) {
      // The page query's own sort value, so the next page continues where this one ended
      // even if the row has changed since (an SLA clock that stopped, a new priority).
      nextCursor = encodeCursor([last.pageKey, last.id]);
    }
    return { items, nextCursor };
  }

  return { create, list, get, viewCounts, problemCategories, timeZone };
}
