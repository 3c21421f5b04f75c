import type { TFunction } from 'i18next';
import type { TicketEvent } from '../../../src-shared/contract';
import { formatDateTime } from '../../i18n/format';
import { isAssignmentStrategy, isEscalationAction, isEventKind, isLockReason, isSlaBasis, isSlaTarget, isTicketPriority } from './vocabulary';

/** Changes that are not lifecycle steps: their from/to status is the same and goes unsaid. */
const KEEPS_STATUS: readonly string[] = ['priority', 'agreement', 'mergedIn', 'acknowledge', 'complaintAnalysis', 'attachment', 'slaComputed', 'slaWarning', 'slaBreach', 'escalated'];

/** What a history entry is called: "分配服务工程师", "回复客户"; unknown kinds are a plain "记录". */
export function eventTitle(t: TFunction, kind: string): string {
  if (isEventKind(kind)) return t(`detail.event.${kind}`);
  return kind === 'status_changed' ? t('detail.event.statusChanged') : t('detail.event.other');
}

/** "状态：待分配 → 已分配" for a lifecycle step; null for entries that keep the status (notes, priority…). */
export function statusChangeText(t: TFunction, event: Pick<TicketEvent, 'kind' | 'fromStatus' | 'toStatus'>): string | null {
  if (KEEPS_STATUS.includes(event.kind)) return null;
  if (event.fromStatus && event.toStatus) {
    return t('detail.fromToStatus', { from: t(`ticket.status.${event.fromStatus}`), to: t(`ticket.status.${event.toStatus}`) });
  }
  return event.toStatus ? t('detail.toStatus', { status: t(`ticket.status.${event.toStatus}`) }) : null;
}

/** A non-empty string from an event's details, else null. */
export function detailText(details: TicketEvent['details'], key: string): string | null {
  const value = details?.[key];
  return typeof value === 'string' && value.trim() ? value : null;
}

/** A finite number from an event's details, else null. */
export function detailNumber(details: TicketEvent['details'], key: string): number | null {
  const value = details?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Who an assignment went to and, when a rule decided it, why:
 * "系统按规则「HVAC 华东」分配给 王工（最少负载，当前 3 件）".
 */
export function assignmentSummary(t: TFunction, details: TicketEvent['details']): string | null {
  const engineer = detailText(details, 'engineerName');
  if (!engineer) return null;
  const rule = detailText(details, 'ruleName');
  if (details?.by === 'rule' && rule) {
    const strategy = details.strategy;
    return t('detail.autoAssigned', {
      engineer,
      rule,
      strategy: isAssignmentStrategy(strategy) ? t(`detail.strategy.${strategy}`) : t('detail.strategy.other'),
      load: detailNumber(details, 'load') ?? 0,
    });
  }
  // An escalation rule hands a request over without anyone at the desk deciding it.
  if (details?.by === 'escalation' && rule) return t('detail.escalationAssigned', { engineer, rule });
  return t('detail.assignedTo', { engineer });
}

/** "优先级：普通 → 紧急", whether a person or an escalation rule raised it. */
export function priorityChangeSummary(t: TFunction, details: TicketEvent['details']): string | null {
  const from = details?.from;
  const to = details?.to;
  if (!isTicketPriority(from) || !isTicketPriority(to)) return null;
  return t('detail.priorityFromTo', { from: t(`ticket.priority.${from}`), to: t(`ticket.priority.${to}`) });
}

/**
 * "服务协议：标准 → VIP" when a service manager applies another agreement; without an
 * earlier one (a request that had none) just the new one. The recomputed targets follow
 * on their own slaComputed entry.
 */
export function agreementChangeSummary(t: TFunction, details: TicketEvent['details']): string | null {
  const to = detailText(details, 'agreementName');
  if (!to) return null;
  const from = detailText(details, 'previousAgreementName');
  return from ? t('detail.agreementFromTo', { from, to }) : t('detail.agreementTo', { to });
}

/** Why the system locked the request: "锁定原因：服务时效超时". */
export function lockSummary(t: TFunction, details: TicketEvent['details']): string | null {
  const reason = details?.lockReason;
  return isLockReason(reason) ? t('detail.lockReasonLine', { reason: t(`lifecycle.lockReason.${reason}`) }) : null;
}

const RECOMPUTE_REASONS = ['priority', 'agreement', 'escalation'] as const;

/**
 * "按「VIP」协议计算时效：首次响应 2025/05/12 14:00 前，解决 2025/05/14 18:00 前（客户协议）",
 * and on a recomputation what caused it.
 */
function slaComputedSummary(t: TFunction, locale: string, d: TicketEvent['details']): string | null {
  const agreement = detailText(d, 'agreementName');
  const responseDueAt = detailNumber(d, 'responseDueAt');
  const resolutionDueAt = detailNumber(d, 'resolutionDueAt');
  if (!agreement || responseDueAt === null || resolutionDueAt === null) return null;
  const values = { agreement, response: formatDateTime(responseDueAt, locale), resolution: formatDateTime(resolutionDueAt, locale) };
  const text = isSlaBasis(d?.basis) ? t('detail.sla.computed', { ...values, basis: t(`sla.basis.${d.basis}`) }) : t('detail.sla.computedNoBasis', values);
  const reason = RECOMPUTE_REASONS.find((r) => r === d?.reason);
  return reason ? `${text}\n${t(`detail.sla.recomputed.${reason}`)}` : text;
}

/** "解决时效已用 75%，2025/05/14 18:00 前到期". */
function slaWarningSummary(t: TFunction, locale: string, d: TicketEvent['details']): string | null {
  const level = detailNumber(d, 'level');
  const dueAt = detailNumber(d, 'dueAt');
  if (!isSlaTarget(d?.target) || level === null || dueAt === null) return null;
  return t('detail.sla.warning', { target: t(`sla.target.${d.target}`), level, due: formatDateTime(dueAt, locale) });
}

/** "首次响应超时（应在 2025/05/12 14:00 前完成）". */
function slaBreachSummary(t: TFunction, locale: string, d: TicketEvent['details']): string | null {
  if (!isSlaTarget(d?.target)) return null;
  const target = t(`sla.target.${d.target}`);
  const dueAt = detailNumber(d, 'dueAt');
  return dueAt === null ? t('detail.sla.breach', { target }) : t('detail.sla.breachDue', { target, due: formatDateTime(dueAt, locale) });
}

/** "按升级规则「超时 2 小时」：提升优先级、改派". */
function escalatedSummary(t: TFunction, d: TicketEvent['details']): string | null {
  const rule = detailText(d, 'ruleName');
  if (!rule) return null;
  const actions = (Array.isArray(d?.actions) ? d.actions : []).filter(isEscalationAction);
  if (actions.length === 0) return t('detail.sla.escalatedRule', { rule });
  return t('detail.sla.escalated', { rule, actions: actions.map((a) => t(`sla.escalationAction.${a}`)).join(t('app.listSeparator')) });
}

/** What an SLA clock or escalation event says, in a sentence; null for other kinds or unreadable details. */
export function slaEventSummary(t: TFunction, locale: string, event: Pick<TicketEvent, 'kind' | 'details'>): string | null {
  switch (event.kind) {
    case 'slaComputed':
      return slaComputedSummary(t, locale, event.details);
    case 'slaWarning':
      return slaWarningSummary(t, locale, event.details);
    case 'slaBreach':
      return slaBreachSummary(t, locale, event.details);
    case 'escalated':
      return escalatedSummary(t, event.details);
    default:
      return null;
  }
}
