import { describe, expect, it } from 'vitest';
import { backupsToKeep, DEFAULT_RETENTION, isoWeek } from './retention';

/** An instant at a wall-clock time in Shanghai (UTC+8, no daylight saving). */
const shanghai = (day: string, time = '02:00') => Date.parse(`${day}T${time}:00+08:00`);
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const kept = (taken: number[], policy = DEFAULT_RETENTION, timeZone = 'Asia/Shanghai') =>
  [...backupsToKeep(taken, policy, timeZone)].sort((a, b) => a - b).map((t) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));

describe('isoWeek', () => {
  it.each([
    ['2026-11-24', '2026-W48'],
    ['2026-11-23', '2026-W48'], // Monday
    ['2026-11-22', '2026-W47'], // Sunday
    ['2026-12-31', '2026-W53'], // 2026 has 53 weeks (it began on a Thursday)
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (day, week) => expect(isoWeek(day)).toBe(week));
});

describe('backupsToKeep (daily × 7, weekly × 4, monthly × 12)', () => {
  it('keeps nothing of nothing, and always the newest', () => {
    expect(kept([])).toEqual([]);
    expect(kept([shanghai('2026-11-24')], { daily: 1, weekly: 0, monthly: 0 })).toEqual(['2026-11-24 02:00']);
  });

  it('keeps the newest backup of a day with several', () => {
    expect(kept([shanghai('2026-11-24', '02:00'), shanghai('2026-11-24', '09:15'), shanghai('2026-11-24', '18:40')])).toEqual(['2026-11-24 18:40']);
  });

  it('keeps 7 days, then the newest of 4 ISO weeks and of 12 months, from daily backups since September', () => {
    // 2026-11-24 is a Tuesday: week 48 began on Monday the 23rd.
    const taken = days('2026-09-01', '2026-11-24').map((d) => shanghai(d));
    expect(kept(taken)).toEqual([
      '2026-09-30 02:00', // September's newest
      '2026-10-31 02:00', // October's newest
      '2026-11-08 02:00', // week 45's newest (its Sunday)
      '2026-11-15 02:00', // week 46's
      // the last 7 days; the 22nd is also week 47's newest, the 24th week 48's and November's
      '2026-11-18 02:00',
      '2026-11-19 02:00',
      '2026-11-20 02:00',
      '2026-11-21 02:00',
      '2026-11-22 02:00',
      '2026-11-23 02:00',
      '2026-11-24 02:00',
    ]);
  });

  it('counts days that have backups, not calendar days: a desk closed for weeks keeps its last 7 backups', () => {
    const taken = [...days('2026-06-01', '2026-06-10'), '2026-11-24'].map((d) => shanghai(d));
    expect(kept(taken, { daily: 7, weekly: 0, monthly: 0 })).toEqual(
      ['2026-06-05', '2026-06-06', '2026-06-07', '2026-06-08', '2026-06-09', '2026-06-10', '2026-11-24'].map((d) => `${d} 02:00`),
    );
  });

  it('keeps 12 months of monthly backups and no more', () => {
    const taken = days('2025-01-01', '2026-11-24')
      .filter((d) => d.endsWith('-01'))
      .map((d) => shanghai(d));
    const result = kept(taken, { daily: 1, weekly: 0, monthly: 12 });
    expect(result).toHaveLength(12);
    expect(result[0]).toBe('2025-12-01 02:00');
    expect(result.at(-1)).toBe('2026-11-01 02:00');
  });

  it('reads days in the desk’s time zone: 23:00 and 01:30 the next night are two days in Shanghai, one in UTC', () => {
    const late = shanghai('2026-11-24', '23:00'); // 15:00 UTC on the 24th
    const night = shanghai('2026-11-25', '01:30'); // 17:30 UTC on the 24th
    const earlier = shanghai('2026-11-23', '12:00');
    const policy = { daily: 2, weekly: 0, monthly: 0 };
    expect(kept([earlier, late, night], policy, 'Asia/Shanghai')).toEqual(['2026-11-24 23:00', '2026-11-25 01:30']);
    expect(kept([earlier, late, night], policy, 'UTC')).toEqual(['2026-11-23 12:00', '2026-11-25 01:30']);
  });

  it('reads weeks and months in the desk’s time zone too: New Year’s night', () => {
    const beforeMidnight = Date.parse('2026-12-31T23:30:00+08:00');
    const afterMidnight = Date.parse('2027-01-01T00:30:00+08:00');
    expect(kept([beforeMidnight, afterMidnight], { daily: 1, weekly: 0, monthly: 2 })).toEqual(['2026-12-31 23:30', '2027-01-01 00:30']);
    // Same ISO week (2026-W53): only the newest of it.
    expect(kept([beforeMidnight, afterMidnight], { daily: 1, weekly: 2, monthly: 0 })).toEqual(['2027-01-01 00:30']);
  });
});
