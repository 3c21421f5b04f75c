import type { TFunction } from 'i18next';
import type { TicketEvent } from '../../../src-shared/contract';
import { isAssignmentStrategy } from './vocabulary';

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
  return t('detail.assignedTo', { engineer });
}
