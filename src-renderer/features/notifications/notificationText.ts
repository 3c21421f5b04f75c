import type { TFunction } from 'i18next';
import type { NotificationKind, NotificationView } from '../../../src-shared/contract';
import { isEscalationAction } from '../tickets/vocabulary';

/** Warnings amber, breaches and escalations red: the same colours as the countdowns. */
export const KIND_COLORS: Record<NotificationKind, string> = { sla_warning: 'orange', sla_breach: 'red', sla_escalated: 'red' };

/** What happened, in one line: "SR-20250512-0003 首次响应时效已用 75%", "… 解决超时", "… 已按升级规则「超时 2 小时」升级：提升优先级". */
export function notificationText(t: TFunction, n: NotificationView): string {
  const number = n.ticket?.number ?? t('notifications.someRequest');
  const target = n.target ? t(`sla.target.${n.target}`) : null;
  switch (n.kind) {
    case 'sla_warning':
      return target && n.level !== null ? t('notifications.text.warning', { number, target, level: n.level }) : t('notifications.text.warningAny', { number });
    case 'sla_breach':
      return target ? t('notifications.text.breach', { number, target }) : t('notifications.text.breachAny', { number });
    case 'sla_escalated': {
      const actions = n.actions.filter(isEscalationAction).map((a) => t(`sla.escalationAction.${a}`));
      return actions.length > 0 && n.ruleName
        ? t('notifications.text.escalated', { number, rule: n.ruleName, actions: actions.join(t('app.listSeparator')) })
        : t('notifications.text.escalatedAny', { number });
    }
    default:
      // A kind this build does not know yet (a newer main): still say which request.
      return t('notifications.text.other', { number });
  }
}

/** Newest first, whatever order they arrived in. */
export function newestFirst(items: readonly NotificationView[]): NotificationView[] {
  return [...items].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

/** Breaches and escalations outrank warnings; a higher level outranks a lower one. */
function severity(n: NotificationView): number {
  return (n.kind === 'sla_warning' ? 0 : 1000) + (n.level ?? 0);
}

/**
 * What a toast announces when new ones arrive: of the unread ones from the latest check (they
 * share its time), the most severe, and how many others came with it — so a breach is never
 * hidden behind a warning that happened to be written after it.
 */
export function toastWorthy(items: readonly NotificationView[]): { notification: NotificationView; others: number } | null {
  const unread = items.filter((n) => n.readAt === null);
  if (unread.length === 0) return null;
  const latest = Math.max(...unread.map((n) => n.createdAt));
  const batch = newestFirst(unread.filter((n) => n.createdAt === latest));
  const notification = batch.reduce((worst, n) => (severity(n) > severity(worst) ? n : worst));
  return { notification, others: batch.length - 1 };
}
