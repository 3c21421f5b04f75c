import type { Kysely, Transaction } from 'kysely';
import type { SessionUser, UserOption } from '../../../src-shared/contract';
import { ROLE_PERMISSIONS, roleHas, type Role } from '../../../src-shared/domain/roles';
import { AppError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import type { DB, UserRow } from '../../db/schema';
import { lockDurationMs } from './lockout';
import { dummyPasswordHash, verifyPassword } from './password';
import { findUserByUsername, listActiveUsers, recordFailure, recordSuccess, setAvailable } from './queries';

export function toSessionUser(row: Pick<UserRow, 'id' | 'username' | 'display_name' | 'role'>): SessionUser {
  const role = row.role as Role;
  return { id: row.id, username: row.username, displayName: row.display_name, role, permissions: [...ROLE_PERMISSIONS[role]] };
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
    .returning(['id', 'username', 'display_name', 'role'])
    .executeTakeFirstOrThrow();
  return toSessionUser(row);
}

/**
 * Checks a password. Unknown names and wrong passwords get the same answer and cost the same
 * time; a locked account answers LOCKED_OUT with how long to wait, without checking the
 * password, so guessing during a lock gains nothing.
 */
export async function signIn(deps: CoreDeps, username: string, password: string): Promise<SessionUser> {
  const { db, clock } = deps;
  const user = await findUserByUsername(db, username);
  if (!user || user.disabled) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw new AppError('UNAUTHENTICATED', 'Wrong username or password', { reason: 'badCredentials' });
  }
  const now = clock.now();
  if (user.locked_until !== null && user.locked_until > now) {
    throw new AppError('LOCKED_OUT', 'Too many failed attempts', { retryAfterMs: user.locked_until - now });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = user.failed_attempts + 1;
    const lockMs = lockDurationMs(failures);
    await recordFailure(db, user.id, failures, lockMs > 0 ? now + lockMs : null);
    deps.logger.warn('sign-in failed', { userId: user.id, failures });
    if (lockMs > 0) throw new AppError('LOCKED_OUT', 'Too many failed attempts', { retryAfterMs: lockMs });
    throw new AppError('UNAUTHENTICATED', 'Wrong username or password', { reason: 'badCredentials' });
  }
  await recordSuccess(db, user.id, now);
  return toSessionUser(user);
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
