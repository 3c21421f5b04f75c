import type { ChannelName } from '../../../src-shared/contract';

// What the audit trail records for each channel, decided once per channel (the compiler
// refuses a channel missing here):
//   'read'            nothing (lists, lookups, uploads in progress, job polling);
//   'self'            the service records its own entry with the fields it changed
//                     (accounts, sign-ins, merges, imports, exports, backups);
//   { write: entity } dispatch records who did what to which record, with the input;
//   { view: entity }  dispatch records who looked at whose personal data (the 360 page).
export type ChannelAudit = 'read' | 'self' | { write: string } | { view: string };

const ticket = { write: 'ticket' };
const customer = { write: 'customer' };

export const CHANNEL_AUDIT: Record<ChannelName, ChannelAudit> = {
  'system.status': 'read',
  'system.setup': { write: 'desk' },
  'auth.signIn': 'self',
  'auth.signOut': 'self',
  'auth.session': 'read',
  'auth.changePassword': 'self',
  'auth.lock': 'read',
  'auth.unlock': 'self',
  'tickets.create': ticket,
  'tickets.list': 'read',
  'tickets.get': 'read',
  'tickets.viewCounts': 'read',
  'tickets.problemCategories': 'read',
  'tickets.assign': ticket,
  'tickets.hold': ticket,
  'tickets.resume': ticket,
  'tickets.logWork': ticket,
  'tickets.startFollowUp': ticket,
  'tickets.recordFollowUp': ticket,
  'tickets.unlock': ticket,
  'tickets.close': ticket,
  'tickets.reopen': ticket,
  'tickets.acknowledgeComplaint': ticket,
  'tickets.updateComplaint': ticket,
  'tickets.merge': ticket,
  'tickets.attach': ticket,
  'tickets.attachment': 'read',
  'tickets.addNote': ticket,
  'tickets.setPriority': ticket,
  'tickets.setAgreement': ticket,
  'tickets.workbench': 'read',
  'tickets.dispatchSheet': 'read',
  'tickets.bulk': ticket,
  'assignment.rules': 'read',
  'assignment.saveRule': { write: 'assignment_rule' },
  'assignment.removeRule': { write: 'assignment_rule' },
  'customers.list': 'read',
  'customers.save': customer,
  'customers.tags': 'read',
  'customers.saveContact': { write: 'contact' },
  'customers.removeContact': { write: 'contact' },
  'customers.merge': 'self',
  'customers.saveOrder': { write: 'purchase_order' },
  'customers.removeOrder': { write: 'purchase_order' },
  'customers.serviceSummary': 'read',
  'customers.lookup': 'read',
  'customers.products': 'read',
  'customers.get': { view: 'customer' },
  'customers.timeline': 'read',
  'customers.saveProduct': { write: 'product' },
  'customers.saveAsset': { write: 'asset' },
  'customers.removeAsset': { write: 'asset' },
  'customers.possibleDuplicates': 'read',
  'imports.begin': 'read',
  'imports.chunk': 'read',
  'imports.inspect': 'read',
  'imports.start': 'self',
  'imports.job': 'read',
  'imports.cancel': { write: 'import_job' },
  'imports.templates': 'read',
  'imports.saveTemplate': { write: 'import_template' },
  'imports.removeTemplate': { write: 'import_template' },
  'imports.runs': 'read',
  'imports.runLog': 'read',
  'exports.start': 'self',
  'exports.queue': 'self',
  'exports.audit': 'self',
  'exports.report': 'self',
  'exports.job': 'read',
  'exports.cancel': { write: 'export_job' },
  'exports.chunk': 'read',
  'reports.run': 'read',
  'reports.options': 'read',
  'parts.list': 'read',
  'parts.save': { write: 'part' },
  'users.assignees': 'read',
  'users.options': 'read',
  'users.setAvailability': { write: 'user' },
  'users.list': 'read',
  'users.create': 'self',
  'users.update': 'self',
  'users.setDisabled': 'self',
  'users.resetPassword': 'self',
  'users.teams': 'read',
  'users.saveTeam': 'self',
  'users.removeTeam': 'self',
  'settings.get': 'read',
  'settings.update': { write: 'settings' },
  'sla.calendars': 'read',
  'sla.saveCalendar': { write: 'calendar' },
  'sla.importHolidays': { write: 'calendar' },
  'sla.agreements': 'read',
  'sla.saveAgreement': { write: 'agreement' },
  'sla.setCustomerAgreement': customer,
  'sla.settings': 'read',
  'sla.updateSettings': { write: 'settings' },
  'sla.escalations': 'read',
  'sla.saveEscalation': { write: 'escalation_rule' },
  'sla.removeEscalation': { write: 'escalation_rule' },
  'sla.runCheck': { write: 'sla_check' },
  'sla.jobRuns': 'read',
  'notifications.list': 'read',
  'notifications.markRead': 'read',
  'backup.settings': 'read',
  'backup.saveSettings': 'self',
  'backup.list': 'read',
  'backup.run': 'self',
  'backup.job': 'read',
  'backup.restore': 'self',
  // Scheduled reports: the service records saves, removals, pauses and every run itself.
  'reportSchedules.list': 'read',
  'reportSchedules.save': 'self',
  'reportSchedules.remove': 'self',
  'reportSchedules.setPaused': 'self',
  'reportSchedules.runNow': 'self',
  'reportSchedules.runs': 'read',
  'audit.list': 'read',
  'audit.actions': 'read',
  'audit.verify': { write: 'audit_log' },
  'privacy.erase': 'self',
  'dashboard.get': 'read',
  'dashboard.options': 'read',
  // The service records the rebuild with what it found.
  'dashboard.rebuild': 'self',
};

const SECRET = /password|token|secret|passphrase/i;
/**
 * Free text about people (names, phones, addresses, what they said): the trail is kept for
 * ever and cannot be erased, so it notes that such a field was written, and how long it
 * was, never what it said. The records themselves hold the text, and erasure clears it there.
 */
const PERSONAL = /^(name|displayName|phone|email|street|address|note|body|description|subject|comment|findings|analysis|location|fileName|file_name|contactName|rootCause|root_cause|correctiveAction|corrective_action|hold_reason)$/i;

/** The input as the trail keeps it: no secrets, no personal text, no file contents. */
export function auditedInput(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (SECRET.test(key)) return '***';
    if (PERSONAL.test(key) || value.length > 200) return { written: value.length };
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => auditedInput(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET.test(k) ? '***' : auditedInput(v, k)]));
  return value;
}

/** The input key that names a record of this entity when it is not `id`. */
const ID_KEYS: Partial<Record<string, string>> = { ticket: 'ticketId', customer: 'customerId', user: 'userId' };

/** The record a call was about: its input's id, else the id it returned (a new record). */
export function auditedId(entity: string, input: unknown, output: unknown): number | null {
  const field = (source: unknown, key: string | undefined) => (key && source && typeof source === 'object' ? (source as Record<string, unknown>)[key] : undefined);
  for (const value of [field(input, 'id'), field(input, ID_KEYS[entity]), field(output, 'id')]) {
    if (typeof value === 'number') return value;
  }
  return null;
}
