import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_STATUTORY_HOLIDAYS_CSV } from './cnHolidays';
import { addBusinessTime, businessTimeBetween, parseHolidayCsv, parseHolidayIcs, workingIntervalsOn, type BusinessCalendar, type WorkingInterval } from './businessCalendar';

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

  it('refuses a calendar without working time instead of looping', () => {
    const never: BusinessCalendar = { ...desk, week: {}, makeUpWorkdays: new Set() };
    expect(() => addBusinessTime(sh('2026-10-01T00:00:00'), HOUR, never)).toThrow(/no working time/);
  });

  it('measures spans longer than ten years (a request breached long ago and still open)', () => {
    const always: BusinessCalendar = { ...desk, allDay: true };
    const from = sh('2014-01-01T00:00:00');
    const to = sh('2026-01-01T00:00:00');
    expect(businessTimeBetween(from, to, always)).toBe(to - from);
    expect(addBusinessTime(from, to - from, always)).toBe(to);
  });
});

// Properties over the shipped 2025–2026 schedule: any instant of the two years, any
// duration up to four working weeks, in the desk's zone and in zones with daylight saving.
const shipped = parseHolidayCsv(CN_STATUTORY_HOLIDAYS_CSV);
const calendarIn = (timeZone: string): BusinessCalendar => ({ ...desk, timeZone, holidays: shipped.holidays, makeUpWorkdays: shipped.makeUpWorkdays });
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 20) });
const duration = fc.integer({ min: 0, max: 160 * HOUR });
const zone = fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata');

describe('business time properties', () => {
  it('adding then measuring round-trips, in any zone', () => {
    fc.assert(
      fc.property(zone, instant, duration, (tz, start, d) => {
        const calendar = calendarIn(tz);
        expect(businessTimeBetween(start, addBusinessTime(start, d, calendar), calendar)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('is additive: time from a to c is time from a to b plus b to c', () => {
    fc.assert(
      fc.property(zone, fc.array(instant, { minLength: 3, maxLength: 3 }), (tz, points) => {
        const [a, b, c] = [...points].sort((x, y) => x - y) as [number, number, number];
        const calendar = calendarIn(tz);
        expect(businessTimeBetween(a, c, calendar)).toBe(businessTimeBetween(a, b, calendar) + businessTimeBetween(b, c, calendar));
      }),
      { numRuns: 300 },
    );
  });

  it('a pause subtracts exactly: a clock held from p to q meets its target at start + target + pause', () => {
    fc.assert(
      fc.property(instant, duration, fc.integer({ min: 0, max: 100 * HOUR }), fc.integer({ min: 0, max: 100 * HOUR }), (start, target, before, pauseLength) => {
        const calendar = calendarIn('Asia/Shanghai');
        const pausedAt = start + before;
        const resumedAt = pausedAt + pauseLength;
        const paused = businessTimeBetween(pausedAt, resumedAt, calendar);
        const due = addBusinessTime(start, target + paused, calendar);
        // Only a target still running at the pause is moved by it.
        fc.pre(due > resumedAt && businessTimeBetween(start, pausedAt, calendar) < target);
        expect(businessTimeBetween(start, pausedAt, calendar) + businessTimeBetween(resumedAt, due, calendar)).toBe(target);
      }),
      { numRuns: 300 },
    );
  });

  it('counts each day of 2025–2026 as its holidays and make-up working days say', () => {
    const calendar = calendarIn('Asia/Shanghai');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 729 }), (n) => {
        const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const expected = workingIntervalsOn(day, calendar).reduce((sum, i) => sum + (i.end - i.start) * 60_000, 0);
        expect(businessTimeBetween(sh(`${day}T00:00:00`), sh(`${day}T00:00:00`) + 24 * HOUR, calendar)).toBe(expected);
        if (shipped.holidays.has(day)) expect(expected).toBe(0);
        if (shipped.makeUpWorkdays.has(day)) expect(expected).toBe(7.5 * HOUR);
      }),
      { numRuns: 400 },
    );
  });

  it('crosses the year end through the New Year holiday to the make-up Sunday', () => {
    const calendar = calendarIn('Asia/Shanghai');
    // Wed 31 Dec 2025 17:00 + 2 h: one hour that day, 1–3 January off, Sunday 4 January worked.
    expect(addBusinessTime(sh('2025-12-31T17:00:00'), 2 * HOUR, calendar)).toBe(sh('2026-01-04T10:00:00'));
  });
});

describe('holiday import', () => {
  it('reads an iCalendar feed: ranges of holidays and 补班 make-up days', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20271001',
      'DTEND;VALUE=DATE:20271004',
      'SUMMARY:国庆节',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270925',
      'SUMMARY:国庆节 补班',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20271345',
      'SUMMARY:bad',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = parseHolidayIcs(ics);
    expect([...result.holidays]).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
    expect([...result.makeUpWorkdays]).toEqual(['2027-09-25']);
    // Reported at the line where the bad event begins.
    expect(result.errors).toEqual([{ line: 11, reason: 'badDate' }]);
    expect(parseHolidayIcs('not a calendar').errors).toEqual([{ line: 1, reason: 'noEvents' }]);
  });

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
