import type { ChannelDef } from './channel';
import { assignment } from './assignment';
import { audit } from './audit';
import { auth } from './auth';
import { backup } from './backup';
import { customers } from './customers';
import { dashboard } from './dashboard';
import { exportsChannels, imports } from './imports';
import { parts } from './parts';
import { privacy } from './privacy';
import { reports } from './reports';
import { reportSchedules } from './reportSchedules';
import { notifications } from './notifications';
import { settings } from './settings';
import { sla } from './sla';
import { system } from './system';
import { tickets } from './tickets';
import { users } from './users';

export * from './channel';
export type { SessionUser } from './auth';
export { SESSION_CHANNELS } from './auth';
export type { SystemStatus } from './system';
export type { TicketListItem, TicketDetail, SlaCountdown, TicketSla, SlaClockView, TicketPage, TicketEvent, WorkLogView, FollowUpView, ProblemCategory, BulkResult, ComplaintView, Workbench, DispatchSheet, AttachmentView } from './tickets';
export type { Part } from './parts';
export type { DeskSettings } from './settings';
export type { AssignmentRule, AssignmentStrategy } from './assignment';
export type { CustomerSummary, CustomerListItem, CustomerPage, CustomerContact, PurchaseOrder, ProductOption, CustomerServiceSummary, PossibleDuplicate, Customer360, CustomerAsset, TimelineItem, TimelinePage, TimelineKind, WarrantyState } from './customers';
export { TIMELINE_KINDS, WARRANTY_STATES, WARRANTY_EXPIRING_DAYS } from './customers';
export type { UserOption, Account, Team } from './users';
export type { AuditEntryView, AuditPage, AuditVerification, AuditFilter } from './audit';
export { AUDIT_PAGE_SIZE } from './audit';
export type { ErasureResult } from './privacy';
export type { UploadedTable, ImportMapping, RejectedRow, ImportCounts, ImportReport, ImportJob, ImportTemplate, ImportRun } from './imports';
export { UPLOAD_CHUNK_BYTES, MAX_IMPORT_BYTES, MAX_REJECTED_LISTED, IMPORT_ENTITIES, IMPORT_FIELDS } from './imports';
export type { CalendarView, AgreementView, AgreementTarget, SlaSettings, EscalationRule, JobRun, HolidayImportResult } from './sla';
export type { NotificationView, NotificationPage, NotificationKind } from './notifications';
export type { BackupSettings, BackupInfo, BackupRun, BackupJob, BackupOverview, BackupKind, BackupCountedTable, RestoreResult } from './backup';
export { BACKUP_KINDS, BACKUP_COUNTED_TABLES } from './backup';
export type { ReportData, ReportTableData, ReportFilters, ReportWords, ReportFilterOptions, ReportFileFormat } from './reports';
export type { ReportSchedule, ReportScheduleRun, ReportScheduleList, ScheduleFormat, ScheduleRunError, ScheduleFilters } from './reportSchedules';
export { SCHEDULE_FORMATS, SCHEDULE_RUN_ERRORS } from './reportSchedules';

/** Every channel the app speaks, by domain. Channel names are `domain.verb`. */
export const contract = { system, auth, tickets, assignment, customers, imports, exports: exportsChannels, parts, users, settings, sla, notifications, backup, audit, privacy, reports, reportSchedules, dashboard } as const;

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type ChannelName = {
  [D in Domain]: `${D & string}.${keyof Contract[D] & string}`;
}[Domain];

type DomainOf<N> = N extends `${infer D}.${string}` ? (D extends Domain ? D : never) : never;
type VerbOf<N> = N extends `${string}.${infer V}` ? V : never;
export type ChannelOf<N extends ChannelName> =
  VerbOf<N> extends keyof Contract[DomainOf<N>] ? Contract[DomainOf<N>][VerbOf<N>] : never;

export const CHANNEL_NAMES: readonly ChannelName[] = Object.entries(contract).flatMap(([domain, channels]) =>
  Object.keys(channels).map((verb) => `${domain}.${verb}` as ChannelName),
);

export function channelDef(name: string): ChannelDef | undefined {
  const [domain, verb] = name.split('.');
  if (!domain || !verb || !Object.hasOwn(contract, domain)) return undefined;
  const channels = contract[domain as Domain] as Record<string, ChannelDef>;
  return Object.hasOwn(channels, verb) ? channels[verb] : undefined;
}
