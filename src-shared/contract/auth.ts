import { z } from 'zod';
import type { Permission, Role } from '../domain/roles';
import { channel } from './channel';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  permissions: Permission[];
}

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, { error: 'username' });
export const displayNameSchema = z.string().trim().min(1).max(50);
// ASVS 5: at least 8, allow 64 and more, no composition rules.
export const passwordSchema = z.string().min(8).max(128);

export const auth = {
  signIn: channel<SessionUser>()({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }).strict(),
    access: 'public',
  }),
  signOut: channel<null>()({ input: z.object({}).strict(), access: 'signedIn' }),
  session: channel<SessionUser | null>()({ input: z.object({}).strict(), access: 'public' }),
};
