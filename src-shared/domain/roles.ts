// Roles and the permissions each one holds. Dispatch checks a channel's permission against
// this table for every call; the renderer uses the same table only to hide what a role
// cannot do (hiding is a convenience, the check in main is the guard).
/** follow_up: the follow-up agent (回访专员), who calls customers after resolution. */
export const ROLES = ['agent', 'engineer', 'follow_up', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'tickets.read',
  'tickets.create',
  'tickets.assign',
  'tickets.hold',
  'tickets.logWork',
  'tickets.followUp',
  'tickets.reopen',
  /** Unlock and close with a reason: the service manager's. */
  'tickets.manage',
  'customers.read',
  /** Customer records: installed products and their warranties. */
  'customers.manage',
  /** Merge two customer records into one (moves every request and record; audited). */
  'customers.merge',
  /** Bring data in from spreadsheets and old systems (the import wizard). */
  'data.import',
  /** Take the desk's data, or one customer's, out as CSV files (audited). */
  'data.export',
  /** The product catalog (product lines and models). */
  'products.manage',
  'parts.read',
  'parts.manage',
  /** Edit automatic assignment rules. */
  'assignment.manage',
  /** Mark engineers available or away (everyone may mark themselves). */
  'users.availability',
  'users.read',
  /** Desk-wide settings (company name, reopen window). */
  'settings.manage',
  /** Service agreements, business calendars, escalation rules, SLA settings. */
  'sla.manage',
  /** The record of scheduled job runs. */
  'jobs.read',
  /** Accounts: create, change role and team, disable, reset passwords; teams. */
  'users.manage',
  /** Search, export and verify the audit trail. */
  'audit.read',
  /** Erase a customer's personal data on request (PIPL); the retention period is a desk setting. */
  'privacy.manage',
  /** Backups of the desk's database: settings, taking one now, restoring one (administrators only). */
  'backup.manage',
  /** The dashboard and the standard reports, with their drill-downs and exports (supervisors). */
  'reports.read',
  /** Schedule reports to be written into a folder, and see their runs. */
  'reports.schedule',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * A channel needs either a permission, or one of two pseudo-permissions:
 * 'public' (no session needed: first-run status, sign-in) and 'signedIn' (any session).
 */
export type Access = Permission | 'public' | 'signedIn';

const ALL: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  agent: [
    'tickets.read',
    'tickets.create',
    'tickets.assign',
    'tickets.hold',
    'tickets.followUp',
    'tickets.reopen',
    'customers.read',
    'customers.manage',
    'parts.read',
    'users.read',
  ],
  engineer: ['tickets.read', 'tickets.hold', 'tickets.logWork', 'customers.read', 'parts.read', 'users.read'],
  follow_up: ['tickets.read', 'tickets.followUp', 'customers.read', 'users.read'],
  supervisor: ALL.filter((p) => p !== 'parts.manage' && p !== 'settings.manage' && p !== 'sla.manage' && p !== 'users.manage' && p !== 'audit.read' && p !== 'privacy.manage' && p !== 'backup.manage'),
  admin: ALL,
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * What an account's queries return: everything; its team's requests (those entered by the
 * team, plus any it entered or owns); or the customers it manages as account manager, with
 * their requests. Service managers and administrators see everything.
 */
export const DATA_SCOPES = ['all', 'team', 'own'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];
