import { z } from 'zod';
import type { Role } from '../domain/roles';
import { channel } from './channel';

export interface UserOption {
  id: number;
  displayName: string;
  role: Role;
  /** false while away: automatic assignment skips them (manual assignment still works). */
  available: boolean;
}

export const users = {
  /** Accounts that can own requests (engineers, supervisors), for assignee filters and pickers. */
  assignees: channel<UserOption[]>()({ input: z.object({}).strict(), access: 'users.read' }),
  /** Every active account, by name: for account-manager pickers (an agent may own customers). */
  options: channel<UserOption[]>()({ input: z.object({}).strict(), access: 'users.read' }),
  /** Engineers mark themselves away or back; service managers may do it for anyone. */
  setAvailability: channel<UserOption>()({
    input: z.object({ userId: z.number().int().positive(), available: z.boolean() }).strict(),
    access: 'signedIn',
  }),
};
