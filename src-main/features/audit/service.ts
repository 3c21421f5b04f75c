import type { AuditEntryView, AuditFilter, AuditPage, AuditVerification } from '../../../src-shared/contract';
import { AUDIT_PAGE_SIZE } from '../../../src-shared/contract';
import type { Kysely } from 'kysely';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';
import { checkChain, GENESIS } from './chain';

// Administrators search the audit trail (newest first) and check its hash chain.

/** The entries a search finds, newest first: the list pages it, an export writes it all. */
export function auditQuery(db: Kysely<DB>, filter: AuditFilter & { before?: number }) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.at', 'a.user_id', 'u.display_name', 'a.action', 'a.entity', 'a.entity_id', 'a.details']);
  if (filter.before !== undefined) q = q.where('a.id', '<', filter.before);
  if (filter.userId !== undefined) q = q.where('a.user_id', '=', filter.userId);
  if (filter.action !== undefined) {
    q = filter.action.endsWith('.') ? q.where('a.action', '>=', filter.action).where('a.action', '<', `${filter.action.slice(0, -1)}/`) : q.where('a.action', '=', filter.action);
  }
  if (filter.entity !== undefined) q = q.where('a.entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('a.entity_id', '=', filter.entityId);
  if (filter.from !== undefined) q = q.where('a.at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('a.at', '<', filter.to);
  return q.orderBy('a.id', 'desc');
}

export async function listAudit(deps: CoreDeps, filter: AuditFilter & { before?: number }): Promise<AuditPage> {
  const rows = await auditQuery(deps.db, filter)
    .limit(AUDIT_PAGE_SIZE + 1)
    .execute();
  const items: AuditEntryView[] = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.display_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
  }));
  return { items, nextBefore: rows.length > AUDIT_PAGE_SIZE ? items.at(-1)!.id : null };
}

export async function auditActions(deps: CoreDeps): Promise<string[]> {
  const rows = await deps.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}

/** Entries hashed per slice: a few milliseconds each, so the desk's other calls go between. */
const SLICE = 5000;

export async function verifyAudit(deps: CoreDeps): Promise<AuditVerification> {
  let afterId = 0;
  let previous = GENESIS;
  let checked = 0;
  for (;;) {
    const stretch = checkChain(deps.sqlite, afterId, previous, SLICE);
    checked += stretch.checked;
    if (stretch.brokenAt !== null) {
      deps.logger.error('audit trail chain broken', { brokenAt: stretch.brokenAt, checked });
      return { checked, brokenAt: stretch.brokenAt };
    }
    if (stretch.checked < SLICE) return { checked, brokenAt: null };
    ({ lastId: afterId, lastHash: previous } = stretch);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
