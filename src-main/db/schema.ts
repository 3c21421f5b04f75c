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
}

export interface ContactsTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  phone: string | null;
  email: string | null;
  created_at: number;
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

export interface DB {
  settings: SettingsTable;
  users: UsersTable;
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
}

export type UserRow = Selectable<UsersTable>;
export type NewTicket = Insertable<TicketsTable>;
