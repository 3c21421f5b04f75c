import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatElapsed,
  isDay,
  joinMinutes,
  parseClock,
  parseIntervals,
  parseThresholds,
  specialDaysOf,
  splitMinutes,
  toDrafts,
  yearsOf,
} from './format';

describe('SLA admin formatting', () => {
  it('reads and writes clock times as minutes from midnight', () => {
    expect(formatClock(540)).toBe('09:00');
    expect(formatClock(1440)).toBe('24:00');
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:30')).toBe(570);
    expect(parseClock('13：05')).toBe(785);
    expect(parseClock('1800')).toBe(1080);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
    expect(parseClock('')).toBeNull();
    expect(parseClock('nine')).toBeNull();
  });

  it('sorts intervals and reports what the contract would refuse', () => {
    expect(parseIntervals([{ start: '13:00', end: '18:00' }, { start: '09:00', end: '12:00' }])).toEqual({
      intervals: [
        { start: 540, end: 720 },
        { start: 780, end: 1080 },
      ],
    });
    expect(parseIntervals([{ start: '12:00', end: '09:00' }])).toEqual({ error: 'intervalOrder' });
    expect(parseIntervals([{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }])).toEqual({ error: 'intervalOverlap' });
    expect(parseIntervals([{ start: '9', end: '12:00' }])).toEqual({ error: 'invalid' });
    expect(toDrafts([{ start: 540, end: 720 }])).toEqual([{ start: '09:00', end: '12:00' }]);
  });

  it('accepts only real days', () => {
    expect(isDay('2025-10-01')).toBe(true);
    expect(isDay('2025-02-30')).toBe(false);
    expect(isDay('2025-1-1')).toBe(false);
  });

  it('reads warning thresholds as ascending percents', () => {
    expect(parseThresholds('75, 90')).toEqual({ thresholds: [75, 90] });
    expect(parseThresholds('75，90%')).toEqual({ thresholds: [75, 90] });
    expect(parseThresholds('')).toEqual({ thresholds: [] });
    expect(parseThresholds('90, 75')).toEqual({ error: 'thresholdOrder' });
    expect(parseThresholds('75, 75')).toEqual({ error: 'thresholdOrder' });
    expect(parseThresholds('0, 100')).toEqual({ error: 'invalid' });
    expect(parseThresholds('50, 60, 70, 80, 90')).toEqual({ error: 'tooMany' });
  });

  it('splits and joins target minutes', () => {
    expect(splitMinutes(150)).toEqual({ hours: 2, minutes: 30 });
    expect(joinMinutes(2, 30)).toBe(150);
    expect(joinMinutes('', 45)).toBe(45);
    expect(joinMinutes(1.5, 0)).toBeNull();
  });

  it('lists a calendar’s special days by date with their names', () => {
    const days = specialDaysOf({
      definition: { timeZone: 'Asia/Shanghai', allDay: false, week: {}, makeUpHours: [], holidays: ['2026-01-01', '2025-10-01'], workdays: ['2025-09-28'] },
      dayNames: { '2025-10-01': '国庆节' },
    });
    expect(days.map((d) => `${d.date} ${d.kind} ${d.name}`)).toEqual(['2025-09-28 workday ', '2025-10-01 holiday 国庆节', '2026-01-01 holiday ']);
    expect(yearsOf(days)).toEqual(['2026', '2025']);
  });

  it('shows how long a job ran', () => {
    const units = { ms: 'ms', s: 's', min: 'min' };
    expect(formatElapsed(850, units)).toBe('850 ms');
    expect(formatElapsed(1234, units)).toBe('1.2 s');
    expect(formatElapsed(125_000, units)).toBe('2 min 05 s');
  });
});
