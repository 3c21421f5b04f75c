import { describe, expect, it } from 'vitest';
import { cronToPick, nextCronRun, nextCronRuns, parseCron, pickToCron, type CronPick } from './cronPicker';

const SH = 'Asia/Shanghai';
/** A Shanghai wall-clock time as an instant (UTC+8, no daylight saving). */
const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

function next(expression: string, after: number, timeZone = SH): number | null {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(`invalid: ${expression}`);
  return nextCronRun(parsed.fields, after, timeZone);
}

describe('the picker and the expression', () => {
  it.each<[CronPick, string]>([
    [{ kind: 'daily', time: '08:00' }, '0 8 * * *'],
    [{ kind: 'daily', time: '00:05' }, '5 0 * * *'],
    [{ kind: 'daily', time: '23:59' }, '59 23 * * *'],
    [{ kind: 'weekly', weekdays: [1], time: '07:30' }, '30 7 * * 1'],
    [{ kind: 'weekly', weekdays: [0], time: '18:00' }, '0 18 * * 0'],
    [{ kind: 'weekly', weekdays: [1, 2, 3, 4, 5], time: '09:15' }, '15 9 * * 1,2,3,4,5'],
    [{ kind: 'weekly', weekdays: [0, 6], time: '12:00' }, '0 12 * * 0,6'],
    [{ kind: 'monthly', day: 1, time: '06:00' }, '0 6 1 * *'],
    [{ kind: 'monthly', day: 31, time: '06:00' }, '0 6 31 * *'],
    [{ kind: 'monthly', day: 'last', time: '22:45' }, '45 22 L * *'],
  ])('%j ⇄ %s', (pick, expression) => {
    expect(pickToCron(pick)).toBe(expression);
    expect(cronToPick(expression)).toEqual(pick);
    expect(parseCron(expression).ok).toBe(true);
  });

  it('writes weekdays in order and once, whatever order they were ticked in', () => {
    const pick: CronPick = { kind: 'weekly', weekdays: [5, 1, 5, 3], time: '08:00' };
    expect(pickToCron(pick)).toBe('0 8 * * 1,3,5');
    expect(cronToPick(pickToCron(pick))).toEqual({ kind: 'weekly', weekdays: [1, 3, 5], time: '08:00' });
  });

  it.each(['*/15 * * * *', '0 8 * * 1-5', '0 8,17 * * *', '0 8 1 1 *', '0 8 1 * 1', '0 8 * * 5,1', '0 8 * * mon', '0 8 15,L * *', '0 8 * * 7'])(
    '%s is valid but advanced: the picker cannot show it',
    (expression) => {
      expect(parseCron(expression).ok).toBe(true);
      expect(cronToPick(expression)).toBeNull();
    },
  );

  it.each([
    ['', 'fieldCount'],
    ['0 8 * *', 'fieldCount'],
    ['0 0 8 * * *', 'fieldCount'],
    ['60 8 * * *', 'field:minute'],
    ['0 24 * * *', 'field:hour'],
    ['0 8 0 * *', 'field:dayOfMonth'],
    ['0 8 32 * *', 'field:dayOfMonth'],
    ['0 8 * 13 *', 'field:month'],
    ['0 8 * * 8', 'field:dayOfWeek'],
    ['0 8 * * 5-1', 'field:dayOfWeek'],
    ['*/0 8 * * *', 'field:minute'],
    ['a 8 * * *', 'field:minute'],
    ['0 8 30 2 *', 'neverRuns'],
    ['0 8 31 4,6,9,11 *', 'neverRuns'],
  ])('refuses %j (%s)', (expression, problem) => {
    const parsed = parseCron(expression);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.code === 'field' ? `field:${parsed.problem.field}` : parsed.problem.code).toBe(problem);
  });
});

describe('the next run, on the desk clocks', () => {
  // Tuesday 24 November 2026, 10:00 in Shanghai.
  const now = sh(2026, 11, 24, 10, 0);

  it.each([
    ['0 8 * * *', sh(2026, 11, 25, 8, 0)],
    ['30 10 * * *', sh(2026, 11, 24, 10, 30)],
    ['0 10 * * *', sh(2026, 11, 25, 10, 0)], // exactly now is not "next"
    ['0 8 * * 1', sh(2026, 11, 30, 8, 0)], // Monday
    ['0 18 * * 2', sh(2026, 11, 24, 18, 0)], // Tuesday, later today
    ['0 8 * * 0,6', sh(2026, 11, 28, 8, 0)], // Saturday
    ['0 6 1 * *', sh(2026, 12, 1, 6, 0)],
    ['0 6 L * *', sh(2026, 11, 30, 6, 0)],
    ['0 6 31 * *', sh(2026, 12, 31, 6, 0)],
    ['0 6 29 2 *', sh(2028, 2, 29, 6, 0)], // the next leap day
    ['*/15 * * * *', sh(2026, 11, 24, 10, 15)],
    ['0 9 13 * 5', sh(2026, 11, 27, 9, 0)], // either day field: Friday comes before the 13th
  ])('%s after Tue 24 Nov 10:00 → %s', (expression, expected) => {
    expect(next(expression, now)).toBe(expected);
  });

  it('is read in the desk time zone, not the machine’s', () => {
    // It is 02:00 in London (GMT) then: 08:00 there comes the same day, 16:00 in Shanghai.
    expect(next('0 8 * * *', now, 'Europe/London')).toBe(Date.UTC(2026, 10, 24, 8, 0));
    // 08:00 in New York (EST, UTC−5).
    expect(next('0 8 * * *', now, 'America/New_York')).toBe(Date.UTC(2026, 10, 24, 13, 0));
  });

  it('the last day of each month, February included', () => {
    const runs = nextCronRuns('0 23 L * *', sh(2027, 1, 1), SH, 4);
    expect(runs).toEqual([sh(2027, 1, 31, 23), sh(2027, 2, 28, 23), sh(2027, 3, 31, 23), sh(2027, 4, 30, 23)]);
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // New York moves to EDT on Sunday 14 March 2027: 08:00 is then UTC−4.
    const runs = nextCronRuns('0 8 * * *', Date.UTC(2027, 2, 13, 0, 0), 'America/New_York', 2);
    expect(runs).toEqual([Date.UTC(2027, 2, 13, 13, 0), Date.UTC(2027, 2, 14, 12, 0)]);
  });

  it('a month without the 31st is skipped, as cron does', () => {
    expect(nextCronRuns('0 6 31 * *', sh(2027, 1, 31, 12), SH, 2)).toEqual([sh(2027, 3, 31, 6), sh(2027, 5, 31, 6)]);
  });
});
