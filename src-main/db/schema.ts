import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

// The database as the app sees it now (all migrations applied). Row types stay in main;
// the contract carries domain types.
export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  locale: string | null;
  disabled: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: number | null;
  last_sign_in_at: number | null;
  created_at: number;
  /** 0 while an engineer is away: automatic assignment skips them. */
  available: Generated<number>;
  team_id: number | null;
  /** 1 after an administrator set the password: the next sign-in must change it. */
  must_change_password: Generated<number>;
  password_changed_at: number | null;
  /** 'all' | 'team' | 'own' (domain/roles.ts DATA_SCOPES). */
  data_scope: Generated<string>;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

export interface CustomersTable {
  id: Generated<number>;
  customer_no: string;
  name: string;
  kind: string;
  phone: string | null;
  created_at: number;
  /** GB/T 2260 province code (src-shared/domain/regions.ts). */
  province: string | null;
  agreement_id: ColumnType<number | null, number | null | undefined>;
  /** strategic | key | normal | potential (src-shared/domain/customers.ts). */
  tier: ColumnType<string, string | undefined, string>;
  /** The account manager. */
  owner_id: ColumnType<number | null, number | null | undefined>;
  email: ColumnType<string | null, string | null | undefined>;
  /** Address below the province, as the customer writes it. */
  city: ColumnType<string | null, string | null | undefined>;
  district: ColumnType<string | null, string | null | undefined>;
  street: ColumnType<string | null, string | null | undefined>;
  note: ColumnType<string | null, string | null | undefined>;
  /** The latest request or purchase, or the record's creation: the lifecycle is read off it. */
  last_activity_at: ColumnType<number | null, number | null | undefined>;
  /** Set when this record was merged into another; such records are kept for the audit only. */
  merged_into_id: ColumnType<number | null, number | null | undefined>;
  /** Set when the customer's personal data was erased on request (features/privacy). */
  erased_at: ColumnType<number | null, number | null | undefined>;
}

export interface CustomerTagsTable {
  customer_id: number;
  tag: string;
}

export interface ContactsTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  phone: string | null;
  email: string | null;
  created_at: number;
  role: ColumnType<string | null, string | null | undefined>;
  /** phone | mobile | wechat | email | sms (src-shared/domain/customers.ts). */
  preferred_channel: ColumnType<string | null, string | null | undefined>;
}

export interface PurchaseOrdersTable {
  id: Generated<number>;
  customer_id: number;
  order_no: string;
  /** YYYY-MM-DD. */
  ordered_on: string;
  /** erp (imported) | manual (entered). */
  source: string;
  currency: ColumnType<string, string | undefined, string>;
  note: string | null;
  created_at: number;
}

export interface PurchaseOrderLinesTable {
  id: Generated<number>;
  order_id: number;
  product_id: number | null;
  description: string;
  quantity: number;
  /** Minor units (fen) of the order's currency. */
  unit_price: number;
}

/** Append-only: who did what to which record (merges, imports, exports so far). */
export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  /** JSON. */
  details: string | null;
  /** sha256 over the previous entry's hash and this entry (features/audit/chain.ts). */
  hash: string | null;
}

export interface ImportTemplatesTable {
  id: Generated<number>;
  entity: string;
  name: string;
  /** JSON: ImportMapping (src-shared/contract/imports.ts). */
  mapping: string;
  updated_at: number;
}

export interface ImportRunsTable {
  id: Generated<number>;
  entity: string;
  file_name: string;
  user_id: number | null;
  started_at: number;
  finished_at: number | null;
  /** done | cancelled | failed; null while running. */
  outcome: string | null;
  /** JSON: ImportCounts. */
  summary: string | null;
}

export interface ImportKeysTable {
  entity: string;
  source_key: string;
  target_id: number;
  run_id: number;
}

export interface ProductsTable {
  id: Generated<number>;
  product_line: string;
  model: string;
  name: string;
}

/** Per-day sequences for human numbers, keyed like 'SR-20261124' or 'C-20261124'. */
export interface CountersTable {
  key: string;
  last: number;
}

export interface TicketsTable {
  id: Generated<number>;
  number: string;
  customer_id: number;
  contact_id: number | null;
  product_id: number | null;
  type: string;
  /** PRIORITY_RANK: 0 low … 3 urgent, so ordering by urgency is an integer index order. */
  priority: number;
  channel: string;
  status: string;
  subject: string;
  description: string;
  requested_by: string | null;
  assignee_id: number | null;
  created_by: number;
  created_at: number;
  updated_at: number;
  version: Generated<number>;
  attempts: Generated<number>;
  lock_reason: string | null;
  hold_reason: string | null;
  problem_category_id: number | null;
  analysis: Generated<string>;
  resolved_at: number | null;
  closed_at: number | null;
  /** The request a duplicate was merged into. */
  merged_into: number | null;
  /** Generated (status × type, see ticketFacet): read-only. */
  facet: ColumnType<number, never, never>;
  // The SLA clock (migration 0007, features/sla/clock.ts).
  agreement_id: ColumnType<number | null, number | null | undefined>;
  sla_basis: ColumnType<string | null, string | null | undefined>;
  sla_calendar_id: ColumnType<number | null, number | null | undefined>;
  sla_started_at: ColumnType<number | null, number | null | undefined>;
  response_target_min: ColumnType<number | null, number | null | undefined>;
  resolution_target_min: ColumnType<number | null, number | null | undefined>;
  response_due_at: ColumnType<number | null, number | null | undefined>;
  resolution_due_at: ColumnType<number | null, number | null | undefined>;
  responded_at: ColumnType<number | null, number | null | undefined>;
  sla_paused_at: ColumnType<number | null, number | null | undefined>;
  sla_paused_ms: Generated<number>;
  sla_pauses: Generated<string>;
  response_level: Generated<number>;
  resolution_level: Generated<number>;
  response_breached_at: ColumnType<number | null, number | null | undefined>;
  resolution_breached_at: ColumnType<number | null, number | null | undefined>;
  sla_next_check_at: ColumnType<number | null, number | null | undefined>;
  sla_due_at: ColumnType<number | null, number | null | undefined>;
  /** The team of the agent who entered it (data scopes). */
  team_id: ColumnType<number | null, number | null | undefined>;
  /** Set when its personal text was purged (erasure or retention; features/privacy). */
  personal_purged_at: ColumnType<number | null, number | null | undefined>;
  // Kept by the dashboard's triggers (migration 0013): the customer's tier and province and
  // the product's line, copied and kept current; 'reopen' events; the latest follow-up.
  dim_tier: ColumnType<string | null, string | null | undefined, never>;
  dim_province: ColumnType<string | null, string | null | undefined, never>;
  dim_product_line: ColumnType<string | null, string | null | undefined, never>;
  reopen_count: ColumnType<number, never, never>;
  csat_score: ColumnType<number | null, never, never>;
  csat_at: ColumnType<number | null, never, never>;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  at: number;
  actor_id: number | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  /** JSON: what the step decided and why (assignee chosen, lock reason, satisfaction…). */
  details: string | null;
}

export interface ProblemCategoriesTable {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string;
  active: Generated<number>;
}

export interface ProblemOccurrencesTable {
  /** 0 when the request named no product. */
  product_id: number;
  problem_category_id: number;
  count: number;
}

export interface PartsTable {
  id: Generated<number>;
  part_no: string;
  name: string;
  unit_price: number;
  currency: string;
  active: number;
  created_at: number;
}

export interface WorkLogsTable {
  id: Generated<number>;
  ticket_id: number;
  engineer_id: number;
  kind: string;
  started_at: number;
  ended_at: number;
  work_minutes: number;
  labour_fee: number;
  travel_fee: number;
  currency: string;
  chargeable: number;
  findings: string;
  outcome: string;
  created_by: number;
  created_at: number;
}

export interface WorkLogPartsTable {
  id: Generated<number>;
  work_log_id: number;
  part_id: number;
  quantity: number;
  unit_price: number;
}

export interface FollowUpsTable {
  id: Generated<number>;
  ticket_id: number;
  agent_id: number;
  at: number;
  satisfaction: number;
  satisfied: number;
  comment: string;
}

export interface AssignmentRulesTable {
  id: Generated<number>;
  name: string;
  position: number;
  product_line: string | null;
  problem_category_id: number | null;
  strategy: string;
  active: Generated<number>;
  last_user_id: number | null;
  created_at: number;
  /** A service region (src-shared/domain/regions.ts); null = anywhere. */
  region: string | null;
}

export interface AssignmentRuleEngineersTable {
  rule_id: number;
  user_id: number;
}

export interface ComplaintsTable {
  ticket_id: number;
  severity: string;
  party: string;
  party_user_id: number | null;
  acknowledged_by: number | null;
  acknowledged_at: number | null;
  root_cause: Generated<string>;
  corrective_action: Generated<string>;
}

export interface AttachmentsTable {
  id: Generated<number>;
  ticket_id: number;
  sha256: string;
  file_name: string;
  mime_type: string;
  size: number;
  uploaded_by: number;
  uploaded_at: number;
}

/** FTS5 virtual table (search adapter in features/search): rowid = tickets.id. */
export interface TicketSearchTable {
  rowid: number;
  terms: string;
}

export interface CalendarsTable {
  id: Generated<number>;
  name: string;
  time_zone: string;
  all_day: number;
  /** JSON: working intervals per ISO weekday. */
  week: string;
  make_up_hours: string;
  source: string | null;
  created_at: number;
  updated_at: number;
}

export interface CalendarDaysTable {
  calendar_id: number;
  day: string;
  /** 'holiday' or 'workday' (a make-up working day). */
  kind: string;
  name: Generated<string>;
}

export interface AgreementsTable {
  id: Generated<number>;
  name: string;
  calendar_id: number;
  charging_method: string;
  included_visits: number | null;
  covered_items: Generated<string>;
  terms: Generated<string>;
  valid_from: string | null;
  valid_to: string | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface AgreementTargetsTable {
  agreement_id: number;
  priority: number;
  response_minutes: number;
  resolution_minutes: number;
}

export interface AssetsTable {
  id: Generated<number>;
  customer_id: number;
  product_id: number | null;
  serial_no: string | null;
  install_date: string | null;
  location: string | null;
  warranty_start: string | null;
  warranty_end: string | null;
  agreement_id: number | null;
  created_at: number;
}

export interface EscalationRulesTable {
  id: Generated<number>;
  name: string;
  position: number;
  active: Generated<number>;
  on_target: string;
  priority: number | null;
  agreement_id: number | null;
  action: string;
  created_at: number;
}

export interface EscalationRuleEngineersTable {
  rule_id: number;
  user_id: number;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  ticket_id: number | null;
  kind: string;
  /** JSON: what the notification says (rendered in the reader's language). */
  payload: string;
  created_at: number;
  read_at: number | null;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  started_at: number;
  finished_at: number | null;
  outcome: string | null;
  gap_ms: number | null;
  summary: string | null;
  error: string | null;
}

/** A scheduled report (features/reportSchedules); filters and words are JSON. */
export interface ReportSchedulesTable {
  id: Generated<number>;
  name: string;
  report: string;
  filters: string;
  period: string;
  format: string;
  folder: string;
  cron: string;
  words: string;
  owner_id: number;
  paused: Generated<number>;
  next_run_at: number | null;
  time_zone: string;
  created_at: number;
  updated_at: number;
}

export interface ReportScheduleRunsTable {
  id: Generated<number>;
  schedule_id: number;
  trigger: string;
  slot_at: number | null;
  user_id: number | null;
  period_from: string;
  period_to: string;
  started_at: number;
  finished_at: number | null;
  outcome: string | null;
  error: string | null;
  error_detail: string | null;
  file_name: string | null;
  rows: number | null;
  bytes: number | null;
}

/** Desk days' first instants in the desk's time zone (migration 0013). */
export interface DashboardDaysTable {
  starts_at: number;
  day: number;
}

export interface DashboardStateTable {
  id: number;
  time_zone: string;
  rebuilt_at: number | null;
  /** 1 only inside a bulk import's transaction, which adds its requests' contributions itself. */
  deferred: Generated<number>;
}

/** Additive figures per desk day × filter dimensions, kept by triggers (migration 0013). */
export interface DashboardRollupsTable {
  day: number;
  team_id: number;
  assignee_id: number;
  agreement_id: number;
  tier: string;
  province: string;
  product_line: string;
  created_n: number;
  complaint_n: number;
  reopened_n: number;
  ever_resolved_n: number;
  resp_met_n: number;
  resp_breached_n: number;
  res_met_n: number;
  res_breached_n: number;
  backlog_n: number;
  b_pending_assignment: number;
  b_reopened: number;
  b_assigned: number;
  b_on_hold: number;
  b_locked: number;
  b_resolved: number;
  b_follow_up: number;
  responded_n: number;
  response_ms: number;
  resolved_n: number;
  resolve_ms: number;
  fcr_n: number;
  closed_n: number;
  csat_n: number;
  csat_sum: number;
}

export interface DB {
  dashboard_days: DashboardDaysTable;
  dashboard_state: DashboardStateTable;
  dashboard_rollups: DashboardRollupsTable;
  settings: SettingsTable;
  users: UsersTable;
  teams: TeamsTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  products: ProductsTable;
  counters: CountersTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  ticket_search: TicketSearchTable;
  problem_categories: ProblemCategoriesTable;
  problem_occurrences: ProblemOccurrencesTable;
  parts: PartsTable;
  work_logs: WorkLogsTable;
  work_log_parts: WorkLogPartsTable;
  follow_ups: FollowUpsTable;
  assignment_rules: AssignmentRulesTable;
  assignment_rule_engineers: AssignmentRuleEngineersTable;
  complaints: ComplaintsTable;
  attachments: AttachmentsTable;
  calendars: CalendarsTable;
  calendar_days: CalendarDaysTable;
  agreements: AgreementsTable;
  agreement_targets: AgreementTargetsTable;
  assets: AssetsTable;
  escalation_rules: EscalationRulesTable;
  escalation_rule_engineers: EscalationRuleEngineersTable;
  notifications: NotificationsTable;
  job_runs: JobRunsTable;
  customer_tags: CustomerTagsTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  audit_log: AuditLogTable;
  import_templates: ImportTemplatesTable;
  import_runs: ImportRunsTable;
  import_keys: ImportKeysTable;
  report_schedules: ReportSchedulesTable;
  report_schedule_runs: ReportScheduleRunsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewTicket = Insertable<TicketsTable>;
