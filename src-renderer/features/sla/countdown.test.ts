import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBusinessCalendar, type CalendarDefinition } from '../../../src-shared/domain/sla';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { countdownAt, countdownText, pausedText, targetText, timeLeft } from './countdown';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: 'zh-CN',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

const HOUR = 3_600_000;
const nineToSix = [{ start: 9 * 60, end: 18 * 60 }];
const weekdays: CalendarDefinition = {
  timeZone: 'Asia/Shanghai',
  allDay: false,
  week: { 1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix },
  makeUpHours: nineToSix,
  holidays: [],
  workdays: [],
};
const calendar = toBusinessCalendar(weekdays);
/** A wall-clock time in Shanghai (UTC+8, no DST). */
const shanghai = (y: number, m: number, d: number, h: number) => Date.UTC(y, m - 1, d, h - 8);

describe('SLA countdowns', () => {
  const monday10 = shanghai(2025, 5, 12, 10);

  it('count business time in the calendar: the evening and the weekend do not count', () => {
    expect(timeLeft(monday10, shanghai(2025, 5, 13, 10), calendar)).toBe(9 * HOUR);
    expect(timeLeft(shanghai(2025, 5, 17, 12), shanghai(2025, 5, 19, 11), calendar)).toBe(2 * HOUR);
    // Overdue: negative, again in business time (Monday 17:00 → Tuesday 10:00 is 2 h).
    expect(timeLeft(shanghai(2025, 5, 13, 10), shanghai(2025, 5, 12, 17), calendar)).toBe(-2 * HOUR);
  });

  it('fall back to wall-clock time without a usable calendar', () => {
    expect(timeLeft(monday10, monday10 + 5 * HOUR, undefined)).toBe(5 * HOUR);
    const never = toBusinessCalendar({ ...weekdays, week: {}, makeUpHours: [] });
    expect(timeLeft(monday10, monday10 + 5 * HOUR, never)).toBe(5 * HOUR);
  });

  it('turn amber once a warning threshold of the target is used, red when overdue', () => {
    const sla = { target: 'resolution' as const, targetMinutes: 16 * 60 };
    const at = (dueAt: number) => countdownAt({ ...sla, dueAt }, monday10, calendar, [75, 90]);
    expect(at(shanghai(2025, 5, 13, 10)).tone).toBe('ok'); // 9 h of 16 left
    expect(at(shanghai(2025, 5, 12, 13))).toEqual({ target: 'resolution', leftMs: 3 * HOUR, tone: 'warning' }); // 81 % used
    expect(at(shanghai(2025, 5, 12, 9)).tone).toBe('breached');
    expect(countdownAt({ ...sla, dueAt: shanghai(2025, 5, 12, 13) }, monday10, calendar, []).tone).toBe('ok');
  });

  it('say which target and how long, or how long overdue', () => {
    const zh = i18n.getFixedT('zh-CN');
    const en = i18n.getFixedT('en-US');
    const left = { target: 'response' as const, leftMs: 2 * HOUR + 5 * 60_000, tone: 'ok' as const };
    const late = { target: 'resolution' as const, leftMs: -HOUR, tone: 'breached' as const };
    expect(countdownText(zh, left)).toBe('响应 2小时 05分');
    expect(countdownText(zh, late)).toBe('解决 超时 1小时 00分');
    expect(countdownText(en, left)).toBe('Response 2h 05m');
    expect(countdownText(en, late)).toBe('Resolution −1h 00m');
    expect(countdownText(zh, { ...late, leftMs: 0 })).toBe('解决 超时 0分');
  });

  it('say whether a paused clock stopped with time left or already overdue', () => {
    const zh = i18n.getFixedT('zh-CN');
    const left = { target: 'resolution' as const, leftMs: HOUR, tone: 'ok' as const };
    const late = { ...left, leftMs: -HOUR, tone: 'breached' as const };
    expect(pausedText(zh, left)).toBe('已暂停，剩余 1小时 00分');
    expect(pausedText(zh, late)).toBe('已暂停，已超时 1小时 00分');
    expect(pausedText(i18n.getFixedT('en-US'), late)).toBe('Paused, overdue by 1h 00m');
  });

  it('state agreement targets in working hours and minutes', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(targetText(zh, 240)).toBe('4 小时');
    expect(targetText(zh, 30)).toBe('30 分钟');
    expect(targetText(zh, 90)).toBe('1 小时 30 分钟');
    expect(targetText(i18n.getFixedT('en-US'), 2880)).toBe('48 h');
  });
});
