import type { InputOf } from '../../src-shared/contract';
import type { Contract, TimelineKind } from '../../src-shared/contract';

type ListInput = Omit<InputOf<Contract['tickets']['list']>, 'cursor'>;
type CustomerListInput = Omit<InputOf<Contract['customers']['list']>, 'cursor' | 'limit'>;

/** Every TanStack Query key the app uses, so invalidation has one source. */
export const queryKeys = {
  system: { status: ['system', 'status'] as const },
  auth: { session: ['auth', 'session'] as const },
  tickets: {
    all: ['tickets'] as const,
    list: (filter: ListInput) => ['tickets', 'list', filter] as const,
    /** Every request's detail (its allowed actions depend on desk settings such as the reopen window). */
    details: ['tickets', 'detail'] as const,
    detail: (id: number) => ['tickets', 'detail', id] as const,
    /** Per saved view, how many requests it holds for the signed-in user (navigation badges). */
    viewCounts: ['tickets', 'viewCounts'] as const,
    problemCategories: ['tickets', 'problemCategories'] as const,
    /** Under 'tickets' so every request change refreshes the intake panel. */
    customerSummary: (customerId: number) => ['tickets', 'customerSummary', customerId] as const,
  },
  parts: {
    all: ['parts'] as const,
    list: (includeInactive: boolean) => ['parts', 'list', includeInactive] as const,
  },
  customers: {
    /** Everything about customers: a save, a merge or a 'customers.changed' event refreshes it all. */
    all: ['customers'] as const,
    /** The customer list (客户), one entry per filter. */
    lists: ['customers', 'list'] as const,
    list: (filter: CustomerListInput) => ['customers', 'list', filter] as const,
    /** Every tag in use (pickers, the list's filter). */
    tags: ['customers', 'tags'] as const,
    lookup: (text: string) => ['customers', 'lookup', text] as const,
    duplicates: (name: string, phone: string) => ['customers', 'duplicates', name, phone] as const,
    products: ['customers', 'products'] as const,
    /**
     * The customer 360 page. Kept under 'customers' (it is the customer's page, and a
     * customer's agreement change refreshes it) rather than 'tickets'; everything else on it
     * comes from the customer's requests, so useTicketEvents refreshes all of view360 on every
     * 'tickets.changed', as it does tickets.all.
     */
    view360: ['customers', '360'] as const,
    profile: (customerId: number) => ['customers', '360', customerId, 'profile'] as const,
    timeline: (customerId: number, kinds: readonly TimelineKind[] | undefined) => ['customers', '360', customerId, 'timeline', kinds ?? 'all'] as const,
  },
  users: {
    assignees: ['users', 'assignees'] as const,
    options: ['users', 'options'] as const,
    /** Account administration (users.manage): every account, and the teams with their member counts. */
    accounts: ['users', 'accounts'] as const,
    teams: ['users', 'teams'] as const,
  },
  settings: { desk: ['settings', 'desk'] as const },
  /**
   * Service agreements, business calendars, SLA settings and escalation rules (admin pages
   * edit them; clocks read them). They name and count each other, so a change refreshes all of 'sla'.
   */
  sla: {
    all: ['sla'] as const,
    calendars: ['sla', 'calendars'] as const,
    agreements: ['sla', 'agreements'] as const,
    settings: ['sla', 'settings'] as const,
    escalations: ['sla', 'escalations'] as const,
  },
  /** Runs of the scheduled jobs (the SLA check), newest first. */
  jobs: {
    all: ['jobs'] as const,
    runs: (limit: number) => ['jobs', 'runs', limit] as const,
  },
  /** The signed-in user's notification centre. */
  notifications: {
    all: ['notifications'] as const,
    list: ['notifications', 'list'] as const,
  },
};
