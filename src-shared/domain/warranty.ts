/** An installed product's warranty today: 'expiring' is within WARRANTY_EXPIRING_DAYS of its end. */
export const WARRANTY_STATES = ['in_warranty', 'expiring', 'expired', 'not_started', 'none'] as const;
export type WarrantyState = (typeof WARRANTY_STATES)[number];
export const WARRANTY_EXPIRING_DAYS = 30;

const DAY = 86_400_000;

/** A warranty on `today` (all YYYY-MM-DD): none, not started yet, within its dates, ending soon, or over. */
export function warrantyState(start: string | null, end: string | null, today: string): WarrantyState {
  if (end === null) return 'none';
  if (start !== null && start > today) return 'not_started';
  if (end < today) return 'expired';
  const left = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY;
  return left <= WARRANTY_EXPIRING_DAYS ? 'expiring' : 'in_warranty';
}
