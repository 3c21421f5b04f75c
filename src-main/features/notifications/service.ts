import type { Kysely, Transaction } from 'kysely';
import type { NotificationKind, NotificationPage, NotificationView } from '../../../src-shared/contract';
import type { SlaTarget } from '../../../src-shared/domain/sla';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export interface NotificationPayload {
  target?: SlaTarget;
  level?: number;
  dueAt?: number;
  actions?: string[];
  ruleName?: string;
  /** report_failed: the schedule, its name and the reason code. */
  scheduleId?: number;
  scheduleName?: string;
  reason?: string;
}

/** Writes one notification per user (inside the caller's transaction); returns who got one. */
export async function notifyUsers(q: Q, userIds: Iterable<number>, kind: NotificationKind, ticketId: number | null, payload: NotificationPayload, now: number): Promise<number[]> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return [];
  await q
    .insertInto('notifications')
    .values(users.map((user_id) => ({ user_id, ticket_id: ticketId, kind, payload: JSON.stringify(payload), created_at: now, read_at: null })))
    .execute();
  return users;
}

/**
 * Service managers on duty: they hear of every breach and escalation. A small desk may
 * have no supervisor account at all; then its administrators stand in, so a breach is
 * never announced to nobody.
 */
export async function supervisorIds(q: Q): Promise<number[]> {
  const active = q.selectFrom('users').select('id').where('disabled', '=', 0);
  const supervisors = await active.where('role', '=', 'supervisor').execute();
  const rows = supervisors.length > 0 ? supervisors : await active.where('role', '=', 'admin').execute();
  return rows.map((r) => r.id);
}

function parsePayload(json: string): NotificationPayload {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as NotificationPayload) : {};
  } catch {
    return {};
  }
}

export function createNotificationService(deps: CoreDeps) {
  const { db, clock } = deps;

  async function list(userId: number, input: { unreadOnly: boolean; limit: number }): Promise<NotificationPage> {
    let q = db
      .selectFrom('notifications as n')
      .leftJoin('tickets as t', 't.id', 'n.ticket_id')
      .select(['n.id', 'n.kind', 'n.payload', 'n.created_at', 'n.read_at', 't.id as ticket_id', 't.number', 't.subject'])
      .where('n.user_id', '=', userId)
      .orderBy('n.id', 'desc')
      .limit(input.limit);
    if (input.unreadOnly) q = q.where('n.read_at', 'is', null);
    const rows = await q.execute();
    const unread = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    const items: NotificationView[] = rows.map((r) => {
      const p = parsePayload(r.payload);
      return {
        id: r.id,
        kind: r.kind as NotificationKind,
        ticket: r.ticket_id !== null && r.number !== null && r.subject !== null ? { id: r.ticket_id, number: r.number, subject: r.subject } : null,
        target: p.target ?? null,
        level: p.level ?? null,
        dueAt: p.dueAt ?? null,
        actions: p.actions ?? [],
        ruleName: p.ruleName ?? null,
        report: p.scheduleId !== undefined ? { scheduleId: p.scheduleId, name: p.scheduleName ?? '', reason: p.reason ?? 'internal' } : null,
        createdAt: r.created_at,
        readAt: r.read_at,
      };
    });
    return { items, unread: Number(unread.n) };
  }

  /** Marks the user's own notifications read (others' ids are ignored). */
  async function markRead(userId: number, input: { ids: number[] } | { all: true }): Promise<NotificationPage> {
    let q = db.updateTable('notifications').set({ read_at: clock.now() }).where('user_id', '=', userId).where('read_at', 'is', null);
    if ('ids' in input) q = q.where('id', 'in', input.ids);
    await q.execute();
    return list(userId, { unreadOnly: false, limit: 50 });
  }

  return { list, markRead };
}
