// The audit trail's actions as the filter offers them: grouped by family (the part before
// the first dot: 'auth.' for sign-ins, 'tickets.' for request writes…), each family with an
// "all of" option whose value is the prefix audit.list accepts.

/** Every action the desk records today, with a label in the catalogs under audit.action. */
export const AUDITED_ACTIONS = [
  // Sign-ins and passwords (the service's own entries).
  'auth.signIn',
  'auth.signInFailed',
  'auth.signOut',
  'auth.changePassword',
  'auth.changePasswordFailed',
  'auth.unlockFailed',
  // Accounts and teams.
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.resetPassword',
  'team.create',
  'team.update',
  'team.remove',
  // Customers: views of personal data, merges, and the generic writes.
  'customer.view',
  'customer.merge',
  // Personal data: erasure on request and retention.
  'customer.erase',
  'privacy.retention',
  'customers.save',
  'customers.saveContact',
  'customers.removeContact',
  'customers.saveOrder',
  'customers.removeOrder',
  'customers.saveProduct',
  'customers.saveAsset',
  'customers.removeAsset',
  // Service requests.
  'tickets.create',
  'tickets.assign',
  'tickets.hold',
  'tickets.resume',
  'tickets.logWork',
  'tickets.startFollowUp',
  'tickets.recordFollowUp',
  'tickets.unlock',
  'tickets.close',
  'tickets.reopen',
  'tickets.acknowledgeComplaint',
  'tickets.updateComplaint',
  'tickets.merge',
  'tickets.attach',
  'tickets.addNote',
  'tickets.setPriority',
  'tickets.setAgreement',
  'tickets.bulk',
  // Desk configuration.
  'system.setup',
  'settings.update',
  'assignment.saveRule',
  'assignment.removeRule',
  'parts.save',
  'users.setAvailability',
  'sla.saveCalendar',
  'sla.importHolidays',
  'sla.saveAgreement',
  'sla.setCustomerAgreement',
  'sla.updateSettings',
  'sla.saveEscalation',
  'sla.removeEscalation',
  'sla.runCheck',
  // Data in and out.
  'import.run',
  'imports.cancel',
  'imports.saveTemplate',
  'imports.removeTemplate',
  'export.all',
  'export.customer',
  'export.queue',
  'export.audit',
  'export.report',
  // The dashboard's repair.
  'dashboard.rebuild',
  'exports.cancel',
  // Scheduled reports: saves, removals, pauses and resumes, and every run (by hand or on schedule).
  'reportSchedule.save',
  'reportSchedule.remove',
  'reportSchedule.pause',
  'reportSchedule.run',
  // Backups and the trail itself.
  'backup.settings',
  'backup.run',
  'backup.restore',
  'audit.verify',
] as const;

/** Families with a label in the catalogs under audit.family (others show their prefix). */
export const AUDIT_FAMILIES = [
  'auth',
  'user',
  'team',
  'users',
  'customer',
  'customers',
  'tickets',
  'system',
  'settings',
  'assignment',
  'parts',
  'sla',
  'import',
  'imports',
  'export',
  'exports',
  'reportSchedule',
  'backup',
  'audit',
  'privacy',
] as const;

/** The family of an action, as the prefix audit.list filters by: 'auth.signIn' → 'auth.'. */
export function actionFamily(action: string): string {
  const dot = action.indexOf('.');
  return dot < 0 ? action : action.slice(0, dot + 1);
}

/** Whether a filter value names a whole family (a prefix ending in a dot). */
export function isFamily(value: string): boolean {
  return value.endsWith('.');
}

export interface ActionGroup {
  /** The prefix, e.g. 'auth.'. */
  family: string;
  /** The family's recorded actions, in the order given (audit.actions sorts them). */
  actions: string[];
}

/**
 * The recorded actions grouped by family, families in the order of AUDIT_FAMILIES (the
 * ones it does not know after them, alphabetically); the current filter value stays
 * offered even when nothing recorded it yet (a family or an action typed into the URL).
 */
export function groupActions(actions: readonly string[], keep?: string): ActionGroup[] {
  const all = keep && !isFamily(keep) && !actions.includes(keep) ? [...actions, keep] : [...actions];
  const groups = new Map<string, string[]>();
  if (keep && isFamily(keep)) groups.set(keep, []);
  for (const action of all) {
    const family = actionFamily(action);
    if (!isFamily(family)) continue;
    const list = groups.get(family) ?? [];
    if (!list.includes(action)) list.push(action);
    groups.set(family, list);
  }
  const rank = (family: string) => {
    const i = (AUDIT_FAMILIES as readonly string[]).indexOf(family.slice(0, -1));
    return i < 0 ? AUDIT_FAMILIES.length : i;
  };
  return [...groups.entries()]
    .map(([family, list]) => ({ family, actions: list }))
    .sort((a, b) => rank(a.family) - rank(b.family) || a.family.localeCompare(b.family));
}
