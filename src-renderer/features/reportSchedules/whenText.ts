import type { TFunction } from 'i18next';
import { cronToPick, WEEKDAYS, type CronPick } from '../../../src-shared/domain/cronPicker';

/** 周一、周三、周五: weekdays in the week's order (Monday first, as the picker shows them). */
export function weekdaysText(t: TFunction, weekdays: readonly number[]): string {
  return WEEKDAYS.filter((d) => weekdays.includes(d))
    .map((d) => t(`reportSchedules.weekday.${d}`))
    .join(t('app.listSeparator'));
}

/** When a pick runs, in words: 每天 08:00 · 每周一、周五 08:00 · 每月 15 日 08:00 · 每月最后一天 08:00. */
export function pickText(t: TFunction, pick: CronPick): string {
  switch (pick.kind) {
    case 'daily':
      return t('reportSchedules.when.daily', { time: pick.time });
    case 'weekly':
      return pick.weekdays.length === 5 && [1, 2, 3, 4, 5].every((d) => (pick.weekdays as readonly number[]).includes(d))
        ? t('reportSchedules.when.workdays', { time: pick.time })
        : t('reportSchedules.when.weekly', { days: weekdaysText(t, pick.weekdays), time: pick.time });
    case 'monthly':
      return pick.day === 'last' ? t('reportSchedules.when.monthlyLast', { time: pick.time }) : t('reportSchedules.when.monthly', { day: pick.day, time: pick.time });
  }
}

/** A schedule's expression in words; one the picker cannot show reads 自定义（cron）：…. */
export function cronText(t: TFunction, cron: string): string {
  const pick = cronToPick(cron);
  return pick ? pickText(t, pick) : t('reportSchedules.when.custom', { cron });
}
