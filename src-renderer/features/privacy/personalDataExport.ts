import type { CustomerSummary } from '../../../src-shared/contract';

// 导出个人信息 on the customer 360 page opens 数据导入/导出 with the customer already chosen in
// the export panel (router state): the export itself, its progress and download are the
// panel's, and stay one audited action there.

/** The router state that opens the data page with this customer chosen for export. */
export function exportCustomerState(customer: CustomerSummary): { exportCustomer: CustomerSummary } {
  return { exportCustomer: customer };
}

/** The customer a router state chose for export, if it holds one. */
export function exportCustomerOf(state: unknown): CustomerSummary | null {
  if (typeof state !== 'object' || state === null || !('exportCustomer' in state)) return null;
  const c: unknown = state.exportCustomer;
  if (typeof c !== 'object' || c === null) return null;
  const { id, name, customerNo } = c as Partial<Record<keyof CustomerSummary, unknown>>;
  return typeof id === 'number' && typeof name === 'string' && typeof customerNo === 'string' ? (c as CustomerSummary) : null;
}
