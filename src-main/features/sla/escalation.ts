import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { EscalationRule } from '../../../src-shared/contract';
import type { sla } from '../../../src-shared/contract/sla';
import type { EscalationAction, EscalationTarget, SlaTarget } from '../../../src-shared/domain/sla';
import { PRIORITY_RANK, TICKET_PRIORITIES, type TicketStatus } from '../../../src-shared/domain/tickets';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';
import { openLoads } from '../assignment/queries';
import { insertEvent } from '../tickets/queries';
import { clockAfterStep, recomputeClock } from './clock';

type Q = Kysely<DB> | Transaction<DB>;

/** Escalation moves only work the desk still has to start or finish. */
const ESCALATABLE: readonly TicketStatus[] = ['pending_assignment', 'reopened', 'assigned'];
const TOP_PRIORITY = TICKET_PRIORITIES.length - 1;


export function createEscalationService(deps: CoreDeps) {
  const { db, clock } = deps;

  async function list(ids?: number[]): Promise<EscalationRule[]> {
    let q = db.selectFrom('escalation_rules').selectAll().orderBy('position').orderBy('id');
    if (ids) q = q.where('id', 'in', ids.length ? ids : [0]);
    const rules = await q.execute();
    const members = await db
      .selectFrom('escalation_rule_engineers as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.rule_id', 'u.id', 'u.display_name'])
      .where('m.rule_id', 'in', rules.length ? rules.map((r) => r.id) : [0])
      .orderBy('u.id')
      .execute();
    return rules.map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      active: r.active === 1,
      onTarget: r.on_target as EscalationTarget,
      priority: r.priority === null ? null : (TICKET_PRIORITIES[r.priority] ?? null),
      agreementId: r.agreement_id,
      action: r.action as EscalationAction,
      engineers: members.filter((m) => m.rule_id === r.id).map((m) => ({ id: m.id, displayName: m.display_name })),
    }));
  }

  async function save(input: z.output<(typeof sla)['saveEscalation']['input']>): Promise<EscalationRule> {
    const id = await db.transaction().execute(async (trx) => {
      if (input.agreementId !== null && !(await trx.selectFrom('agreements').select('id').where('id', '=', input.agreementId).executeTakeFirst())) {
        throw fieldError('agreementId', 'notFound');
      }
      const engineerIds = input.action === 'reassign' ? input.engineerIds : [];
      const engineers = engineerIds.length
        ? await trx.selectFrom('users').select('id').where('id', 'in', engineerIds).where('role', 'in', ['engineer', 'supervisor']).where('disabled', '=', 0).execute()
        : [];
      const known = new Set(engineers.map((e) => e.id));
      const missing = engineerIds.findIndex((e) => !known.has(e));
      if (missing >= 0) throw fieldError(`engineerIds.${missing}`, 'notFound');
      const values = {
        name: input.name,
        position: input.position,
        active: input.active ? 1 : 0,
        on_target: input.onTarget,
        priority: input.priority === null ? null : PRIORITY_RANK[input.priority],
        agreement_id: input.agreementId,
        action: input.action,
      };
      let ruleId: number;
      if (input.id === undefined) {
        ruleId = (await trx.insertInto('escalation_rules').values({ ...values, created_at: clock.now() }).returning('id').executeTakeFirstOrThrow()).id;
      } else {
        const updated = await trx.updateTable('escalation_rules').set(values).where('id', '=', input.id).returning('id').executeTakeFirst();
        if (!updated) throw new AppError('NOT_FOUND', `Escalation rule ${input.id} not found`);
        ruleId = updated.id;
        await trx.deleteFrom('escalation_rule_engineers').where('rule_id', '=', ruleId).execute();
      }
      if (known.size > 0) await trx.insertInto('escalation_rule_engineers').values([...known].map((user_id) => ({ rule_id: ruleId, user_id }))).execute();
      return ruleId;
    });
    return (await list([id]))[0]!;
  }

  async function remove(id: number): Promise<null> {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('escalation_rule_engineers').where('rule_id', '=', id).execute();
      const removed = await trx.deleteFrom('escalation_rules').where('id', '=', id).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `Escalation rule ${id} not found`);
    });
    return null;
  }

  return { list, save, remove };
}

export interface Escalation {
  ruleName: string;
  actions: EscalationAction[];
}

/**
 * Applies the admin's escalation rules to a request that just breached `targets` (inside the
 * check's transaction). Rules are chosen by the request as it breached and run in order,
 * each at most once however many targets breached together; an action that no longer fits
 * the request (a reassignment after a lock, a raise at the top priority) is skipped. Each
 * applied action moves the version and writes its own history entry.
 */
export async function escalate(q: Q, ticketId: number, targets: SlaTarget[], now: number, today: string): Promise<Escalation[]> {
  const ticket = await q.selectFrom('tickets').select(['priority', 'agreement_id']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const rules = await q
    .selectFrom('escalation_rules')
    .selectAll()
    .where('active', '=', 1)
    .where('on_target', 'in', [...targets, 'any'])
    .where((eb) => eb.or([eb('priority', 'is', null), eb('priority', '=', ticket.priority)]))
    .where((eb) => eb.or([eb('agreement_id', 'is', null), eb('agreement_id', '=', ticket.agreement_id)]))
    .orderBy('position')
    .orderBy('id')
    .execute();
  const applied: Escalation[] = [];
  for (const rule of rules) {
    const action = rule.action as EscalationAction;
    const done = await apply(q, ticketId, rule, action, now, today);
    if (done) {
      applied.push({ ruleName: rule.name, actions: [action] });
      await insertEvent(q, {
        ticket_id: ticketId,
        at: now,
        actor_id: null,
        kind: 'escalated',
        from_status: null,
        to_status: null,
        note: null,
        details: JSON.stringify({ ruleId: rule.id, ruleName: rule.name, targets, actions: [action] }),
      });
    }
  }
  return applied;
}

async function apply(q: Q, ticketId: number, rule: { id: number; name: string }, action: EscalationAction, now: number, today: string): Promise<boolean> {
  const t = await q.selectFrom('tickets').select(['status', 'version', 'priority', 'assignee_id']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const status = t.status as TicketStatus;
  const event = (kind: string, to: TicketStatus, details: Record<string, unknown>) =>
    insertEvent(q, { ticket_id: ticketId, at: now, actor_id: null, kind, from_status: status, to_status: to, note: null, details: JSON.stringify({ ...details, by: 'escalation', ruleName: rule.name }) });

  if (action === 'raise_priority') {
    if (t.priority >= TOP_PRIORITY) return false;
    await q.updateTable('tickets').set({ priority: t.priority + 1, version: t.version + 1, updated_at: now }).where('id', '=', ticketId).execute();
    await event('priority', status, { from: TICKET_PRIORITIES[t.priority], to: TICKET_PRIORITIES[t.priority + 1] });
    // A higher priority has tighter targets: both are recomputed from the start.
    await recomputeClock(q, ticketId, 'escalation', null, now, today);
    return true;
  }
  if (!ESCALATABLE.includes(status)) return false;
  if (action === 'lock') {
    await q.updateTable('tickets').set({ status: 'locked', lock_reason: 'sla_breached', hold_reason: null, version: t.version + 1, updated_at: now }).where('id', '=', ticketId).execute();
    await event('lock', 'locked', { lockReason: 'sla_breached' });
    return true;
  }
  // reassign: the least loaded available member of the rule's group other than the current owner.
  const members = await q
    .selectFrom('escalation_rule_engineers as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .where('m.rule_id', '=', rule.id)
    .where('u.disabled', '=', 0)
    .where('u.available', '=', 1)
    .where('u.id', '!=', t.assignee_id ?? 0)
    .orderBy('u.id')
    .execute();
  if (members.length === 0) return false;
  const loads = await openLoads(q, members.map((m) => m.id));
  const chosen = members.reduce((best, m) => ((loads.get(m.id) ?? 0) < (loads.get(best.id) ?? 0) ? m : best));
  await q.updateTable('tickets').set({ status: 'assigned', assignee_id: chosen.id, version: t.version + 1, updated_at: now }).where('id', '=', ticketId).execute();
  await event('assign', 'assigned', { engineerId: chosen.id, engineerName: chosen.display_name, previousAssigneeId: t.assignee_id, load: loads.get(chosen.id) ?? 0 });
  // An automatic reassignment is no first response to the customer.
  await clockAfterStep(q, ticketId, { from: status, to: 'assigned', event: 'transition' }, now);
  return true;
}
