import { z } from 'zod';
import { DATA_SCOPES, ROLES, type DataScope, type Role } from '../domain/roles';
import { displayNameSchema, passwordSchema, usernameSchema } from './auth';
import { channel } from './channel';

export interface UserOption {
  id: number;
  displayName: string;
  role: Role;
  /** false while away: automatic assignment skips them (manual assignment still works). */
  available: boolean;
}

/** An account as administrators see it. */
export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  teamId: number | null;
  teamName: string | null;
  dataScope: DataScope;
  disabled: boolean;
  mustChangePassword: boolean;
  /** Set while failed sign-ins lock the account. */
  lockedUntil: number | null;
  lastSignInAt: number | null;
  createdAt: number;
}

export interface Team {
  id: number;
  name: string;
  /** Active accounts in the team. */
  members: number;
}

const id = z.number().int().positive();
const teamId = id.nullable();
/** Left out: a new agent with a team gets 'team', anyone else 'all'; an edit keeps the scope. */
const accountFields = { displayName: displayNameSchema, role: z.enum(ROLES), teamId, dataScope: z.enum(DATA_SCOPES).optional() };

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
  /** Every account, disabled ones included. */
  list: channel<Account[]>()({ input: z.object({}).strict(), access: 'users.manage' }),
  /** A new account with a first password the person must change at first sign-in. */
  create: channel<Account>()({
    input: z.object({ username: usernameSchema, ...accountFields, password: passwordSchema }).strict(),
    access: 'users.manage',
  }),
  /** Name, role and team; a new role applies to the account's open sessions at once. */
  update: channel<Account>()({ input: z.object({ id, ...accountFields }).strict(), access: 'users.manage' }),
  /** Disabling ends the account's sessions; its requests and records stay. */
  setDisabled: channel<Account>()({ input: z.object({ id, disabled: z.boolean() }).strict(), access: 'users.manage' }),
  /** A new password to change at next sign-in; ends the account's sessions and clears a lockout. */
  resetPassword: channel<Account>()({ input: z.object({ id, password: passwordSchema }).strict(), access: 'users.manage' }),
  teams: channel<Team[]>()({ input: z.object({}).strict(), access: 'users.read' }),
  saveTeam: channel<Team>()({
    input: z.object({ id: id.optional(), name: z.string().trim().min(1).max(50) }).strict(),
    access: 'users.manage',
  }),
  /** Only a team without active members or requests can be removed (CONFLICT teamHasMembers / teamHasRequests). */
  removeTeam: channel<null>()({ input: z.object({ id }).strict(), access: 'users.manage' }),
};
