import type { TFunction } from 'i18next';
import type { SlaCountdown } from '../../../src-shared/contract';
import type { BusinessCalendar } from '../../../src-shared/domain/businessCalendar';
import { businessTimeLeft, formatDuration, slaTone, type SlaTarget, type SlaTone } from '../../../src-shared/domain/sla';

const MINUTE = 60_000;

/** One target's clock as shown at an instant: how much business time is left (negative: overdue) and its tone. */
export interface Countdown {
  target: SlaTarget;
  leftMs: number;
  tone: SlaTone;
}

/**
 * Business time from `now` to `dueAt` in the request's calendar. Without a calendar (not
 * sent, or one with no working time at all) wall-clock time is the honest approximation:
 * a countdown that is roughly right beats none.
 */
export function timeLeft(now: number, dueAt: number, calendar: BusinessCalendar | undefined): number {
  if (!calendar) return dueAt - now;
  try {
    return businessTimeLeft(now, dueAt, calendar);
  } catch {
    return dueAt - now;
  }
}

export function countdownAt(
  sla: Pick<SlaCountdown, 'target' | 'dueAt' | 'targetMinutes'>,
  now: number,
  calendar: BusinessCalendar | undefined,
  thresholds: readonly number[],
): Countdown {
  const leftMs = timeLeft(now, sla.dueAt, calendar);
  return { target: sla.target, leftMs, tone: slaTone(leftMs, sla.targetMinutes * MINUTE, thresholds) };
}

/** "2小时 05分" / "2h 05m": business time in the catalog's units. */
export function durationText(t: TFunction, ms: number): string {
  return formatDuration(ms, { d: t('sla.unit.d'), h: t('sla.unit.h'), m: t('sla.unit.m') });
}

/** "响应 2小时 05分" while time is left, "解决 超时 1小时 00分" once it is not. */
export function countdownText(t: TFunction, countdown: Countdown): string {
  const target = t(`sla.targetShort.${countdown.target}`);
  const time = durationText(t, countdown.leftMs);
  return countdown.leftMs > 0 ? t('sla.countdown.left', { target, time }) : t('sla.countdown.overdue', { target, time });
}

/**
 * A paused clock, frozen where it stopped: "已暂停，剩余 1小时 00分", or once it was already
 * past due "已暂停，已超时 1小时 00分" (the duration alone never says which side of due it is).
 */
export function pausedText(t: TFunction, countdown: Countdown): string {
  const time = durationText(t, countdown.leftMs);
  return countdown.leftMs > 0 ? t('sla.pausedLeft', { time }) : t('sla.pausedOverdue', { time });
}

/** An agreement's target in working hours and minutes: "4 小时", "30 分钟", "1 小时 30 分钟". */
export function targetText(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('sla.targetMinutes', { minutes: rest });
  if (rest === 0) return t('sla.targetHours', { hours });
  return t('sla.targetHoursMinutes', { hours, minutes: rest });
}
