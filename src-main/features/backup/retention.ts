import { isoDay } from '../../../src-shared/domain/time';

/** How many of the newest days, ISO weeks and months keep their newest backup. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** The ISO 8601 week (YYYY-Www) of a calendar day given as YYYY-MM-DD. */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = Date.UTC(y, m - 1, d);
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which backups to keep, by the time each was taken: for each of the `daily` newest days
 * that have a backup, the newest backup of that day; likewise for `weekly` ISO weeks and
 * `monthly` months (days, weeks and months as the desk's clocks show them, in `timeZone`).
 * One backup may count for its day, its week and its month at once. The newest backup is
 * always kept. Pure: the caller deletes what is not returned.
 */
export function backupsToKeep(takenAt: readonly number[], policy: RetentionPolicy, timeZone: string): Set<number> {
  const newestFirst = [...new Set(takenAt)].sort((a, b) => b - a);
  const keep = new Set<number>();
  if (newestFirst.length === 0) return keep;
  keep.add(newestFirst[0]!);
  const buckets: [number, (day: string) => string][] = [
    [policy.daily, (day) => day],
    [policy.weekly, isoWeek],
    [policy.monthly, (day) => day.slice(0, 7)],
  ];
  for (const [count, bucketOf] of buckets) {
    let seen: string | null = null;
    let kept = 0;
    for (const at of newestFirst) {
      if (kept >= count) break;
      const bucket = bucketOf(isoDay(at, timeZone));
      if (bucket === seen) continue;
      seen = bucket;
      kept += 1;
      keep.add(at);
    }
  }
  return keep;
}
