import type { NotificationView } from '../../../src-shared/contract';
import type { Locale } from '../../../src-shared/domain/locale';

// Desktop notifications are drawn by the OS from main, outside the renderer's catalogs,
// so their few sentences live here in both languages.

const TEXT = {
  'zh-CN': {
    target: { response: '首次响应', resolution: '解决' },
    andMore: (count: number) => `（另有 ${count} 条新通知）`,
    sla_warning: (n: NotificationView, target: string) => ({ title: `服务时效预警 ${n.ticket?.number ?? ''}`, body: `${target}时效已用 ${n.level ?? 0}%：${n.ticket?.subject ?? ''}` }),
    sla_breach: (n: NotificationView, target: string) => ({ title: `服务时效超时 ${n.ticket?.number ?? ''}`, body: `${target}已超时：${n.ticket?.subject ?? ''}` }),
    sla_escalated: (n: NotificationView) => ({ title: `已升级 ${n.ticket?.number ?? ''}`, body: n.ticket?.subject ?? '' }),
    backup_failed: () => ({ title: '数据库备份失败', body: '请在“备份与恢复”页面查看原因并立即备份。' }),
    report_failed: (n: NotificationView) => ({ title: `定时报表运行失败：${n.report?.name ?? ''}`, body: '请在“定时报表”页面查看原因。' }),
  },
  'en-US': {
    target: { response: 'First response', resolution: 'Resolution' },
    andMore: (count: number) => ` (and ${count} more)`,
    sla_warning: (n: NotificationView, target: string) => ({ title: `SLA warning ${n.ticket?.number ?? ''}`, body: `${target}: ${n.level ?? 0}% of the time used — ${n.ticket?.subject ?? ''}` }),
    sla_breach: (n: NotificationView, target: string) => ({ title: `SLA breached ${n.ticket?.number ?? ''}`, body: `${target} breached — ${n.ticket?.subject ?? ''}` }),
    sla_escalated: (n: NotificationView) => ({ title: `Escalated ${n.ticket?.number ?? ''}`, body: n.ticket?.subject ?? '' }),
    backup_failed: () => ({ title: 'Database backup failed', body: 'See why on the Backup and restore page, and back up now.' }),
    report_failed: (n: NotificationView) => ({ title: `Scheduled report failed: ${n.report?.name ?? ''}`, body: 'See why on the Scheduled reports page.' }),
  },
} as const;

/** The desktop text for `n`, saying how many others arrived with it. */
export function notificationText(locale: Locale, n: NotificationView, others = 0): { title: string; body: string } {
  const t = TEXT[locale];
  const { title, body } = t[n.kind](n, n.target ? t.target[n.target] : '');
  return { title, body: others > 0 ? body + t.andMore(others) : body };
}
