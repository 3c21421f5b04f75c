import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../domain/password';
import type { DataScope, Permission, Role } from '../domain/roles';
import { channel } from './channel';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  permissions: Permission[];
  /** An administrator set the password: every channel but auth's refuses until it is changed. */
  mustChangePassword: boolean;
  /** The window locked after the desk's idle time: every channel but auth's refuses until unlocked. */
  locked: boolean;
  teamId: number | null;
  /** Whose records the account's queries return (domain/roles.ts DATA_SCOPES). */
  dataScope: DataScope;
}

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, { error: 'username' });
export const displayNameSchema = z.string().trim().min(1).max(50);
// ASVS 5: at least 8, allow 64 and more, no composition rules (domain/password.ts; main also
// refuses common passwords and ones made of the desk's or the account's names).
export const passwordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

/** What a locked session, or one that must change its password, may still call. */
export const SESSION_CHANNELS: readonly string[] = ['auth.session', 'auth.signOut', 'auth.lock', 'auth.unlock', 'auth.changePassword'];

export const auth = {
  signIn: channel<SessionUser>()({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }).strict(),
    access: 'public',
  }),
  signOut: channel<null>()({ input: z.object({}).strict(), access: 'signedIn' }),
  session: channel<SessionUser | null>()({ input: z.object({}).strict(), access: 'public' }),
  /** The current password, then a new one; other sessions of the account end. */
  changePassword: channel<SessionUser>()({
    input: z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: passwordSchema }).strict(),
    access: 'signedIn',
  }),
  /** The window went idle: the session answers only auth channels until unlocked. */
  lock: channel<SessionUser>()({ input: z.object({}).strict(), access: 'signedIn' }),
  /** The signed-in user's password unlocks the session (failures count toward the lockout). */
  unlock: channel<SessionUser>()({ input: z.object({ password: z.string().min(1).max(PASSWORD_MAX) }).strict(), access: 'signedIn' }),
};
