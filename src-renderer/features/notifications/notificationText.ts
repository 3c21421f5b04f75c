import type { TFunction } from 'i18next';
import type { NotificationKind, NotificationView } from '../../../src-shared/contract';
import { isEscalationAction } from '../tickets/vocabulary';

/** Warnings amber, breaches and escalations red: the same colours as the countdowns. */
export const KIND_COLORS: Record<NotificationKind, string> = { sla_warning: 'orange', sla_breach: 'red', sla_escalated: 'red', backup_failed: 'red', report_failed: 'red' };

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
    case 'backup_failed':
      return t('notifications.text.backupFailed');
    case 'report_failed':
      return t('notifications.text.reportFailed', { name: n.report?.name ?? '', reason: t(`reportSchedules.error.${n.report?.reason ?? 'internal'}`, { defaultValue: t('reportSchedules.error.internal') }) });
    default:
      // A kind this build does not know yet (a newer main): still say which request.
      return t('notifications.text.other', { number });
  }
}
