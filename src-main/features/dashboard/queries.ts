import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DashboardFilters } from '../../../src-shared/contract/dashboard';
import { BACKLOG_STATUSES, type BacklogStatus } from '../../../src-shared/domain/dashboard';
import type { DB } from '../../db/schema';
import { SUMMED, type Sums } from './figures';

type Q = Kysely<DB> | Transaction<DB>;

/** The filters as conditions on the rollups' key columns. */
function keyConditions(f: DashboardFilters): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (f.teamId !== undefined) out.push(sql<boolean>`r.team_id = ${f.teamId}`);
  if (f.engineerId !== undefined) out.push(sql<boolean>`r.assignee_id = ${f.engineerId}`);
  if (f.agreementId !== undefined) out.push(sql<boolean>`r.agreement_id = ${f.agreementId}`);
  if (f.tier !== undefined) out.push(sql<boolean>`r.tier = ${f.tier}`);
  if (f.province !== undefined) out.push(sql<boolean>`r.province = ${f.province}`);
  if (f.productLine !== undefined) out.push(sql<boolean>`r.product_line = ${f.productLine}`);
  return out;
}

/** Summed figures per desk day over [fromDay, toDay] (day numbers): one range read of the rollups' primary key. */
export async function sumsByDay(db: Q, fromDay: number, toDay: number, filters: DashboardFilters): Promise<Map<number, Sums>> {
  const where = [sql<boolean>`r.day BETWEEN ${fromDay} AND ${toDay}`, ...keyConditions(filters)];
  const { rows } = await sql<Sums & { day: number }>`SELECT r.day, ${sql.raw(SUMMED.map((c) => `sum(r.${c}) AS ${c}`).join(', '))}
    FROM dashboard_rollups r WHERE ${sql.join(where, sql` AND `)} GROUP BY r.day`.execute(db);
  return new Map(rows.map((r) => [r.day, r]));
}

export type BacklogByDay = Map<number, Record<BacklogStatus, number>>;

/** Open requests per entry day and status, read off the partial index of days still holding open work. */
export async function backlogByDay(db: Q, filters: DashboardFilters): Promise<BacklogByDay> {
  const where = [sql<boolean>`r.backlog_n > 0`, ...keyConditions(filters)];
  const { rows } = await sql<Record<string, number>>`SELECT r.day, ${sql.raw(BACKLOG_STATUSES.map((s) => `sum(r.b_${s}) AS ${s}`).join(', '))}
    FROM dashboard_rollups r INDEXED BY dashboard_rollups_backlog WHERE ${sql.join(where, sql` AND `)} GROUP BY r.day`.execute(db);
  return new Map(rows.map((r) => [r.day!, Object.fromEntries(BACKLOG_STATUSES.map((s) => [s, r[s] ?? 0])) as Record<BacklogStatus, number>]));
}

export async function dashboardOptions(db: Q) {
  const [teams, engineers, lines, agreements] = await Promise.all([
    db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('users').select(['id', 'display_name as name']).where('role', 'in', ['engineer', 'supervisor']).orderBy('display_name').execute(),
    db.selectFrom('products').select('product_line').distinct().orderBy('product_line').execute(),
    db.selectFrom('agreements').select(['id', 'name']).orderBy('name').execute(),
  ]);
  return { teams, engineers, productLines: lines.map((l) => l.product_line), agreements };
}
