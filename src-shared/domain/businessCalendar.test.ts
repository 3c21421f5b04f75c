import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, parseHolidayCsv, type BusinessCalendar, type WorkingInterval } from './businessCalendar';

const HOUR = 3_600_000;
const DAY_HOURS: WorkingInterval[] = [
  { start: 9 * 60, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 18 * 60 },
];
// The State Council's 2026 National Day and Mid-Autumn schedule (excerpt of the shipped CSV).
const CN_2026 = parseHolidayCsv(`date,kind,name
2026-09-20,workday,国庆节 National Day
2026-09-25,holiday,中秋节 Mid-Autumn
2026-10-01,holiday,国庆节 National Day
2026-10-02,holiday,国庆节 National Day
2026-10-03,holiday,国庆节 National Day
2026-10-04,holiday,国庆节 National Day
2026-10-05,holiday,国庆节 National Day
2026-10-06,holiday,国庆节 National Day
2026-10-07,holiday,国庆节 National Day
2026-10-10,workday,国庆节 National Day
`);

const desk: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  week: { 1: DAY_HOURS, 2: DAY_HOURS, 3: DAY_HOURS, 4: DAY_HOURS, 5: DAY_HOURS },
  holidays: CN_2026.holidays,
  makeUpWorkdays: CN_2026.makeUpWorkdays,
  makeUpHours: DAY_HOURS,
};

/** An instant given as Shanghai wall-clock time. */
const sh = (iso: string) => Date.parse(`${iso}+08:00`);

describe('business time', () => {
  it('skips the lunch break, the evening and the weekend', () => {
    expect(addBusinessTime(sh('2026-11-30T11:00:00'), 2 * HOUR, desk)).toBe(sh('2026-11-30T14:30:00'));
    // Friday 16:00 + 4 h: two hours on Friday, two on Monday morning.
    expect(addBusinessTime(sh('2026-11-27T16:00:00'), 4 * HOUR, desk)).toBe(sh('2026-11-30T11:00:00'));
    // A request logged on Saturday starts counting on Monday at 9:00.
    expect(addBusinessTime(sh('2026-11-28T10:00:00'), HOUR, desk)).toBe(sh('2026-11-30T10:00:00'));
  });

  it('skips statutory holidays and works the make-up Saturday', () => {
    // Wednesday 30 September 17:00 + 2 h: one hour that day, then the Golden Week holiday,
    // and Thursday 8 October is the next working day.
    expect(addBusinessTime(sh('2026-09-30T17:00:00'), 2 * HOUR, desk)).toBe(sh('2026-10-08T10:00:00'));
    // Friday 9 October 17:00 + 2 h: Saturday 10 October is a working day (调休上班).
    expect(addBusinessTime(sh('2026-10-09T17:00:00'), 2 * HOUR, desk)).toBe(sh('2026-10-10T10:00:00'));
    // Friday 25 September is the Mid-Autumn holiday; Sunday 20 September was worked.
    expect(businessTimeBetween(sh('2026-09-20T00:00:00'), sh('2026-09-21T00:00:00'), desk)).toBe(7.5 * HOUR);
    expect(businessTimeBetween(sh('2026-09-25T00:00:00'), sh('2026-09-26T00:00:00'), desk)).toBe(0);
  });

  it('counts every minute on a 24×7 calendar', () => {
    const always: BusinessCalendar = { ...desk, allDay: true };
    expect(addBusinessTime(sh('2026-10-01T23:00:00'), 3 * HOUR, always)).toBe(sh('2026-10-02T02:00:00'));
    expect(businessTimeBetween(sh('2026-10-01T00:00:00'), sh('2026-10-03T00:00:00'), always)).toBe(48 * HOUR);
  });

  it('measures back exactly what it added, from any start', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 200; i++) {
      const start = sh('2026-09-15T00:00:00') + Math.floor(next() * 40 * 24) * HOUR + Math.floor(next() * 60) * 60_000;
      const duration = Math.floor(next() * 60 * HOUR);
      const due = addBusinessTime(start, duration, desk);
      expect(businessTimeBetween(start, due, desk)).toBe(duration);
    }
  });

  it('refuses a calendar without working time instead of looping', () => {
    const never: BusinessCalendar = { ...desk, week: {}, makeUpWorkdays: new Set() };
    expect(() => addBusinessTime(sh('2026-10-01T00:00:00'), HOUR, never)).toThrow(/no working time/);
  });
});

describe('holiday import', () => {
  it('reads holidays and make-up days and rejects bad rows with their line numbers', () => {
    const result = parseHolidayCsv('\uFEFFdate,kind,name\n2027-01-01,holiday,元旦\n2027-02-30,holiday,bad\n2027-01-01,workday,dup\n2027-01-02,rest,odd\nno-comma\n\n2027-02-06,workday,春节');
    expect([...result.holidays]).toEqual(['2027-01-01']);
    expect([...result.makeUpWorkdays]).toEqual(['2027-02-06']);
    expect(result.errors).toEqual([
      { line: 3, reason: 'badDate' },
      { line: 4, reason: 'duplicate' },
      { line: 5, reason: 'badKind' },
      { line: 6, reason: 'columns' },
    ]);
  });
});
