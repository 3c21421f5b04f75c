import type { NotificationView } from '../contract';

/** Newest first, whatever order they arrived in. */
export function newestFirst(items: readonly NotificationView[]): NotificationView[] {
  return [...items].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

/** Breaches and escalations outrank warnings; a higher level outranks a lower one. */
function severity(n: NotificationView): number {
  return (n.kind === 'sla_warning' ? 0 : 1000) + (n.level ?? 0);
}

/**
 * What a toast or a desktop notification announces when new ones arrive: of the unread ones from the latest check (they
 * share its time), the most severe, and how many others came with it — so a breach is never
 * hidden behind a warning that happened to be written after it.
 */
export function headline(items: readonly NotificationView[]): { notification: NotificationView; others: number } | null {
  const unread = items.filter((n) => n.readAt === null);
  if (unread.length === 0) return null;
  const latest = Math.max(...unread.map((n) => n.createdAt));
  const batch = newestFirst(unread.filter((n) => n.createdAt === latest));
  const notification = batch.reduce((worst, n) => (severity(n) > severity(worst) ? n : worst));
  return { notification, others: batch.length - 1 };
}
