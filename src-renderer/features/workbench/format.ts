const pad = (n: number) => String(n).padStart(2, '0');

/** Logged minutes as h:mm (125 → "2:05"). */
export function formatHoursMinutes(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  return `${Math.floor(total / 60)}:${pad(total % 60)}`;
}

/** A requested-by day (YYYY-MM-DD) before `today` (YYYY-MM-DD, local): the customer's date has passed. */
export function isOverdue(requestedBy: string | null, today: string): boolean {
  return requestedBy !== null && requestedBy < today;
}
