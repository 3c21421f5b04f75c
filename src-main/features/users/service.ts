import type { Kysely, Transaction } from 'kysely';
import type { SessionUser, UserOption } from '../../../src-shared/contract';
import { ROLE_PERMISSIONS, roleHas, type DataScope, type Role } from '../../../src-shared/domain/roles';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import type { DB, UserRow } from '../../db/schema';
import { lockDurationMs } from './lockout';
import { recordAudit } from '../audit/record';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { assertAcceptablePassword } from './passwordPolicy';
import { findUserByUsername, listActiveUsers, recordFailure, recordSuccess, setAvailable } from './queries';

export function toSessionUser(row: Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'must_change_password' | 'team_id' | 'data_scope'>): SessionUser {
  const role = row.role as Role;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role,
    permissions: [...ROLE_PERMISSIONS[role]],
    mustChangePassword: row.must_change_password === 1,
    locked: false,
    teamId: row.team_id,
    dataScope: row.data_scope as DataScope,
  };
}

export async function createUser(
  db: Kysely<DB> | Transaction<DB>,
  input: { username: string; displayName: string; passwordHash: string; role: Role; locale?: string },
  now: number,
): Promise<SessionUser> {
  if (await findUserByUsername(db, input.username)) {
    throw new AppError('CONFLICT', 'Username taken', { fields: [{ path: 'username', code: 'taken', message: 'taken' }] });
  }
  const row = await db
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      password_hash: input.passwordHash,
      role: input.role,
      locale: input.locale ?? null,
      created_at: now,
    })
    .returning(['id', 'username', 'display_name', 'role', 'must_change_password', 'team_id', 'data_scope'])
    .executeTakeFirstOrThrow();
  return toSessionUser(row);
}

/**
 * Checks a password. Unknown names and wrong passwords get the same answer and cost the same
 * time; a locked account answers LOCKED_OUT with how long to wait, without checking the
 * password, so guessing during a lock gains nothing. Every attempt is audited.
 */
export async function signIn(deps: CoreDeps, username: string, password: string): Promise<SessionUser> {
  const { db, clock } = deps;
  const user = await findUserByUsername(db, username);
  const now = clock.now();
  // Whoever typed it is unknown: the entry names the account tried, not a person.
  const failed = (reason: string, accountId: number | null) =>
    recordAudit(db, now, { userId: null, action: 'auth.signInFailed', entity: 'user', entityId: accountId, details: { username, reason } });
  if (!user || user.disabled) {
    await verifyPassword(await dummyPasswordHash(), password);
    await failed(user ? 'disabled' : 'unknownUser', user?.id ?? null);
    throw new AppError('UNAUTHENTICATED', 'Wrong username or password', { reason: 'badCredentials' });
  }
  await checkPassword(
    deps,
    user,
    password,
    () => failed('badPassword', user.id),
    () => new AppError('UNAUTHENTICATED', 'Wrong username or password', { reason: 'badCredentials' }),
  );
  await recordSuccess(db, user.id, now);
  await recordAudit(db, now, { userId: user.id, action: 'auth.signIn', entity: 'user', entityId: user.id });
  return toSessionUser(user);
}

/**
 * The account's password, counted toward its lockout like a sign-in: a locked account is
 * refused without checking, a wrong password counts one more failure.
 */
async function checkPassword(deps: CoreDeps, user: UserRow, password: string, onFailure: () => Promise<void>, wrong: () => AppError): Promise<void> {
  const now = deps.clock.now();
  if (user.locked_until !== null && user.locked_until > now) {
    await onFailure();
    throw new AppError('LOCKED_OUT', 'Too many failed attempts', { retryAfterMs: user.locked_until - now });
  }
  if (await verifyPassword(user.password_hash, password)) return;
  const failures = user.failed_attempts + 1;
  const lockMs = lockDurationMs(failures);
  await recordFailure(deps.db, user.id, failures, lockMs > 0 ? now + lockMs : null);
  deps.logger.warn('password check failed', { userId: user.id, failures });
  await onFailure();
  if (lockMs > 0) throw new AppError('LOCKED_OUT', 'Too many failed attempts', { retryAfterMs: lockMs });
  throw wrong();
}

async function currentUser(deps: CoreDeps, actor: SessionUser): Promise<UserRow> {
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', actor.id).where('disabled', '=', 0).executeTakeFirst();
  if (!user) throw new AppError('UNAUTHENTICATED', 'The account is gone');
  return user;
}

/** The signed-in user's password unlocks their idle-locked window. */
export async function unlock(deps: CoreDeps, actor: SessionUser, password: string): Promise<void> {
  const user = await currentUser(deps, actor);
  const now = deps.clock.now();
  await checkPassword(
    deps,
    user,
    password,
    () => recordAudit(deps.db, now, { userId: user.id, action: 'auth.unlockFailed', entity: 'user', entityId: user.id }),
    () => fieldError('password', 'wrongPassword'),
  );
  await deps.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
}

/**
 * The signed-in user's own change: the current password, then a new one that passes the
 * policy and differs from it. Clears "must change"; the account's other sessions end.
 */
export async function changePassword(deps: CoreDeps, actor: SessionUser, sessionKey: string, currentPassword: string, newPassword: string): Promise<SessionUser> {
  const user = await currentUser(deps, actor);
  const now = deps.clock.now();
  await checkPassword(
    deps,
    user,
    currentPassword,
    () => recordAudit(deps.db, now, { userId: user.id, action: 'auth.changePasswordFailed', entity: 'user', entityId: user.id }),
    () => fieldError('currentPassword', 'wrongPassword'),
  );
  if (currentPassword === newPassword) throw fieldError('newPassword', 'samePassword');
  assertAcceptablePassword(newPassword, 'newPassword', user.username, user.display_name);
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 0, password_changed_at: now, failed_attempts: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, now, { userId: user.id, action: 'auth.changePassword', entity: 'user', entityId: user.id });
  });
  deps.sessions.endForUser(user.id, sessionKey);
  const updated = toSessionUser({ ...user, must_change_password: 0 });
  deps.sessions.refreshUser(updated);
  return updated;
}

/** Active accounts as options: those who can own requests (`roles`), or everyone. */
export async function userOptions(deps: CoreDeps, roles?: readonly Role[]): Promise<UserOption[]> {
  const rows = await listActiveUsers(deps.db, roles);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as Role, available: r.available === 1 }));
}

/** Engineers mark themselves away or back; marking someone else needs users.availability. */
export async function setAvailability(deps: CoreDeps, actor: SessionUser, userId: number, available: boolean): Promise<UserOption> {
  if (userId !== actor.id && !roleHas(actor.role, 'users.availability')) {
    throw new AppError('FORBIDDEN', 'Only a service manager marks others away', { permission: 'users.availability' });
  }
  const row = await setAvailable(deps.db, userId, available);
  if (!row) throw new AppError('NOT_FOUND', `No active engineer ${userId}`);
  return { id: row.id, displayName: row.display_name, role: row.role as Role, available: row.available === 1 };
}
