import type { Kysely, Transaction } from 'kysely';
import type { Account, SessionUser, Team } from '../../../src-shared/contract';
import type { DataScope, Role } from '../../../src-shared/domain/roles';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import type { DB } from '../../db/schema';
import { recordAudit } from '../audit/record';
import { hashPassword } from './password';
import { assertAcceptablePassword } from './passwordPolicy';
import { createUser, toSessionUser } from './service';

// Account administration (users.manage, administrators): accounts with a role and a team,
// disabled rather than deleted (their requests and records stay theirs), passwords set by an
// administrator changed at next sign-in. Every change is audited with the fields it changed,
// and reaches the account's live sessions at once.

type Q = Kysely<DB> | Transaction<DB>;

function accountQuery(db: Q) {
  return db
    .selectFrom('users as u')
    .leftJoin('teams as t', 't.id', 'u.team_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.team_id',
      't.name as team_name',
      'u.data_scope',
      'u.disabled',
      'u.must_change_password',
      'u.locked_until',
      'u.last_sign_in_at',
      'u.created_at',
    ]);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof accountQuery>['executeTakeFirstOrThrow']>>;

function toAccount(r: AccountRow, now: number): Account {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    teamId: r.team_id,
    teamName: r.team_name,
    dataScope: r.data_scope as DataScope,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null,
    lastSignInAt: r.last_sign_in_at,
    createdAt: r.created_at,
  };
}

async function accountRow(db: Q, id: number): Promise<AccountRow> {
  const row = await accountQuery(db).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No account ${id}`);
  return row;
}

export async function listAccounts(deps: CoreDeps): Promise<Account[]> {
  const rows = await accountQuery(deps.db).orderBy('u.disabled').orderBy('u.display_name').orderBy('u.id').execute();
  const now = deps.clock.now();
  return rows.map((r) => toAccount(r, now));
}

async function assertTeam(db: Q, teamId: number | null, dataScope: DataScope): Promise<void> {
  if (teamId !== null && !(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) throw fieldError('teamId', 'notFound');
  // A team scope without a team would show nothing but the account's own work.
  if (dataScope === 'team' && teamId === null) throw fieldError('teamId', 'teamScopeNeedsTeam');
}

/** The fields that differ, before and after, for the audit trail. */
function changes<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (before[k] !== after[k]) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

const audited = (a: Pick<Account, 'displayName' | 'role' | 'teamId' | 'dataScope' | 'disabled'>) => ({
  displayName: a.displayName,
  role: a.role,
  teamId: a.teamId,
  dataScope: a.dataScope,
  disabled: a.disabled,
});

/** Service managers and administrators see everything; a new agent with a team sees the team's. */
function defaultScope(role: Role, teamId: number | null): DataScope {
  return role === 'agent' && teamId !== null ? 'team' : 'all';
}

export async function createAccount(
  deps: CoreDeps,
  actor: SessionUser,
  input: { username: string; displayName: string; role: Role; teamId: number | null; dataScope?: DataScope; password: string },
): Promise<Account> {
  assertAcceptablePassword(input.password, 'password', input.username, input.displayName);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const dataScope = input.dataScope ?? defaultScope(input.role, input.teamId);
  const id = await deps.db.transaction().execute(async (trx) => {
    await assertTeam(trx, input.teamId, dataScope);
    const user = await createUser(trx, { username: input.username, displayName: input.displayName, passwordHash, role: input.role }, now);
    await trx.updateTable('users').set({ team_id: input.teamId, data_scope: dataScope, must_change_password: 1 }).where('id', '=', user.id).execute();
    await recordAudit(trx, now, {
      userId: actor.id,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      details: { after: { username: input.username, displayName: input.displayName, role: input.role, teamId: input.teamId, dataScope } },
    });
    return user.id;
  });
  return toAccount(await accountRow(deps.db, id), now);
}

export async function updateAccount(
  deps: CoreDeps,
  actor: SessionUser,
  input: { id: number; displayName: string; role: Role; teamId: number | null; dataScope?: DataScope },
): Promise<Account> {
  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const before = toAccount(await accountRow(trx, input.id), now);
    // Only administrators manage accounts, and none can demote or disable themself: so the
    // desk always keeps an administrator who can sign in and undo a mistake.
    if (before.role !== input.role && input.id === actor.id) throw new AppError('CONFLICT', 'You cannot change your own role', { reason: 'ownRole' });
    const dataScope = input.dataScope ?? before.dataScope;
    await assertTeam(trx, input.teamId, dataScope);
    await trx
      .updateTable('users')
      .set({ display_name: input.displayName, role: input.role, team_id: input.teamId, data_scope: dataScope })
      .where('id', '=', input.id)
      .execute();
    const after = await accountRow(trx, input.id);
    const diff = changes(audited(before), audited(toAccount(after, now)));
    if (Object.keys(diff.after).length > 0) await recordAudit(trx, now, { userId: actor.id, action: 'user.update', entity: 'user', entityId: input.id, details: diff });
    return after;
  });
  await refreshSessions(deps, input.id);
  return toAccount(row, now);
}

export async function setAccountDisabled(deps: CoreDeps, actor: SessionUser, id: number, disabled: boolean): Promise<Account> {
  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const before = await accountRow(trx, id);
    if ((before.disabled === 1) === disabled) return before;
    if (disabled && id === actor.id) throw new AppError('CONFLICT', 'You cannot disable your own account', { reason: 'ownAccount' });
    // Enabling again starts without the failed attempts counted before.
    await trx
      .updateTable('users')
      .set(disabled ? { disabled: 1 } : { disabled: 0, failed_attempts: 0, locked_until: null })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, now, {
      userId: actor.id,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: id,
      details: { before: { disabled: !disabled }, after: { disabled } },
    });
    return accountRow(trx, id);
  });
  if (disabled) deps.sessions.endForUser(id);
  return toAccount(row, now);
}

export async function resetAccountPassword(deps: CoreDeps, actor: SessionUser, id: number, password: string): Promise<Account> {
  const now = deps.clock.now();
  const target = await accountRow(deps.db, id);
  assertAcceptablePassword(password, 'password', target.username, target.display_name);
  const passwordHash = await hashPassword(password);
  const row = await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 1, failed_attempts: 0, locked_until: null, password_changed_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, now, { userId: actor.id, action: 'user.resetPassword', entity: 'user', entityId: id, details: { mustChangePassword: true } });
    return accountRow(trx, id);
  });
  // Whoever held the old password is out; the account's owner signs in with the new one.
  deps.sessions.endForUser(id);
  return toAccount(row, now);
}

/** Gives the account's live sessions its current name, role and permissions. */
export async function refreshSessions(deps: CoreDeps, id: number): Promise<void> {
  const row = await deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (row) deps.sessions.refreshUser(toSessionUser(row));
}

export async function listTeams(deps: CoreDeps): Promise<Team[]> {
  const rows = await deps.db
    .selectFrom('teams as t')
    .leftJoin('users as u', (j) => j.onRef('u.team_id', '=', 't.id').on('u.disabled', '=', 0))
    .select(['t.id', 't.name', (eb) => eb.fn.count<number>('u.id').as('members')])
    .groupBy(['t.id', 't.name'])
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, members: Number(r.members) }));
}

export async function saveTeam(deps: CoreDeps, actor: SessionUser, input: { id?: number; name: string }): Promise<Team> {
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('teams').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== input.id) throw fieldError('name', 'duplicate');
    if (input.id === undefined) {
      const created = await trx.insertInto('teams').values({ name: input.name, created_at: now }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, now, { userId: actor.id, action: 'team.create', entity: 'team', entityId: created.id, details: { after: { name: input.name } } });
      return created.id;
    }
    const before = await trx.selectFrom('teams').select('name').where('id', '=', input.id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', `No team ${input.id}`);
    await trx.updateTable('teams').set({ name: input.name }).where('id', '=', input.id).execute();
    if (before.name !== input.name) {
      await recordAudit(trx, now, { userId: actor.id, action: 'team.update', entity: 'team', entityId: input.id, details: { before: { name: before.name }, after: { name: input.name } } });
    }
    return input.id;
  });
  const team = (await listTeams(deps)).find((t) => t.id === id);
  if (!team) throw new AppError('NOT_FOUND', `No team ${id}`);
  return team;
}

export async function removeTeam(deps: CoreDeps, actor: SessionUser, id: number): Promise<null> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const team = await trx.selectFrom('teams').select('name').where('id', '=', id).executeTakeFirst();
    if (!team) throw new AppError('NOT_FOUND', `No team ${id}`);
    const active = await trx.selectFrom('users').select('id').where('team_id', '=', id).where('disabled', '=', 0).executeTakeFirst();
    if (active) throw new AppError('CONFLICT', 'The team still has members', { reason: 'teamHasMembers' });
    // Requests keep the team that took them in (data scopes read it): such a team is renamed, not removed.
    const requests = await trx.selectFrom('tickets').select('id').where('team_id', '=', id).limit(1).executeTakeFirst();
    if (requests) throw new AppError('CONFLICT', 'The team has requests', { reason: 'teamHasRequests' });
    await trx.updateTable('users').set({ team_id: null }).where('team_id', '=', id).execute();
    await trx.deleteFrom('teams').where('id', '=', id).execute();
    await recordAudit(trx, now, { userId: actor.id, action: 'team.remove', entity: 'team', entityId: id, details: { before: { name: team.name } } });
  });
  return null;
}
