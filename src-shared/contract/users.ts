import { z } from 'zod';
import type { Role } from '../domain/roles';
import { channel } from './channel';

export interface UserOption {
  id: number;
  displayName: string;
  role: Role;
}

export const users = {
  /** Accounts that can own requests (engineers, supervisors), for assignee filters and pickers. */
  assignees: channel<UserOption[]>()({ input: z.object({}).strict(), access: 'users.read' }),
};
