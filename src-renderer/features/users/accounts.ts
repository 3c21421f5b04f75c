import type { TFunction } from 'i18next';
import type { Account } from '../../../src-shared/contract';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type DataScope, type Permission, type Role } from '../../../src-shared/domain/roles';
import { fieldErrors } from '../../i18n/errors';
import { passwordFieldMessage } from '../auth/password';

// Pure pieces of the accounts page (账户与权限): an account's status as the list shows it,
// the permission matrix, last sign-ins in desk time, and main's field errors per form field.

export type AccountStatus = 'active' | 'disabled' | 'locked' | 'mustChange';

/**
 * The one status the list shows: disabled before a lockout (a disabled account cannot sign
 * in anyway), a lockout before "must change" (it is what keeps the person out right now).
 */
export function accountStatus(account: Pick<Account, 'disabled' | 'lockedUntil' | 'mustChangePassword'>, now: number): AccountStatus {
  if (account.disabled) return 'disabled';
  if (account.lockedUntil !== null && account.lockedUntil > now) return 'locked';
  if (account.mustChangePassword) return 'mustChange';
  return 'active';
}

/** Every permission with whether each role (in ROLES order) holds it. */
export function permissionMatrix(): { permission: Permission; roles: { role: Role; granted: boolean }[] }[] {
  return PERMISSIONS.map((permission) => ({
    permission,
    roles: ROLES.map((role) => ({ role, granted: ROLE_PERMISSIONS[role].includes(permission) })),
  }));
}

/**
 * The data scope a new account gets until the administrator picks one, as main would
 * choose it: an agent with a team sees the team's requests, anyone else everything.
 */
export function defaultDataScope(role: Role, teamId: number | null): DataScope {
  return role === 'agent' && teamId !== null ? 'team' : 'all';
}

/** The scope the form sends: the one picked, else (a new account) the default for its role and team. */
export function formDataScope(picked: DataScope | null, role: Role, teamId: number | null): DataScope {
  return picked ?? defaultDataScope(role, teamId);
}

export type AccountField = 'username' | 'displayName' | 'role' | 'teamId' | 'dataScope' | 'password';

function accountFieldOf(path: string): AccountField | null {
  return path === 'username' || path === 'displayName' || path === 'role' || path === 'teamId' || path === 'dataScope' || path === 'password' ? path : null;
}

/** Main's refusal of an account form (VALIDATION, or CONFLICT for a taken username) per field. */
export function accountFieldErrors(t: TFunction, error: unknown): Partial<Record<AccountField, string>> {
  const out: Partial<Record<AccountField, string>> = fieldErrors(t, error, accountFieldOf);
  const password = passwordFieldMessage(t, error, 'password');
  if (password) out.password = password;
  return out;
}

/** Main's refusal of a team name per field. */
export function teamFieldErrors(t: TFunction, error: unknown): Partial<Record<'name', string>> {
  return fieldErrors(t, error, (path) => (path === 'name' ? 'name' : null));
}
