import type Database from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

// Desk days for the rollups: each day's first instant in the desk's time zone, 1990–2100.
// The migration wrote them for the zone of its day; when an administrator changes the
// desk's zone, they are written again and the rollups rebuilt (ensureDeskDays).

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  // en-US with h23: "11/26/2026, 10:05:00".
  const m = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/.exec(format.format(ms))!;
  const asUtc = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]) % 24, Number(m[5]), Number(m[6]));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Epoch ms of 00:00 of `day` (days since 1970-01-01) on the desk's calendar. */
export function dayStart(day: number, format: Intl.DateTimeFormat): number {
  const wall = day * 86_400_000;
  const guess = wall - offsetAt(format, wall);
  return wall - offsetAt(format, guess);
}

/**
 * Every desk day's first instant, 1990–2100. Asking Intl about each of 40,000 days takes
 * most of a second (and every core start migrates a fresh test database), so each month is
 * measured at its ends and filled in whole days unless its length in milliseconds shows a
 * change of offset (daylight saving), when its days are measured one by one.
 */
export function deskDayRows(timeZone: string): { starts_at: number; day: number }[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const rows: { starts_at: number; day: number }[] = [];
  let offset = 0;
  // 00:00 of a day, trying the offset last seen first (one Intl call when it still holds).
  const startOf = (day: number) => {
    const wall = day * 86_400_000;
    if (offsetAt(format, wall - offset) !== offset) offset = wall - dayStart(day, format);
    return wall - offset;
  };
  // A month whose length in milliseconds is whole days had no offset change (none changes
  // and changes back within a month): filled in; else each day is measured.
  let start = startOf(Date.UTC(FIRST_YEAR, 0, 1) / 86_400_000);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let month = 0; month < 12; month++) {
      const from = Date.UTC(year, month, 1) / 86_400_000;
      const to = Date.UTC(year, month + 1, 1) / 86_400_000;
      const end = startOf(to);
      const even = end - start === (to - from) * 86_400_000;
      for (let x = from; x < to; x++) rows.push({ day: x, starts_at: even ? start + (x - from) * 86_400_000 : startOf(x) });
      start = end;
    }
  }
  return rows;
}

/** The zone the rollups' days were cut in. */
export async function rollupTimeZone(db: Kysely<DB> | Transaction<DB>): Promise<string | null> {
  const row = await db.selectFrom('dashboard_state').select('time_zone').where('id', '=', 1).executeTakeFirst();
  return row?.time_zone ?? null;
}

/** Writes the desk days for `timeZone` (inside the caller's transaction; the rebuild task's). */
export function writeDeskDays(sqlite: Database.Database, timeZone: string): void {
  sqlite.prepare('DELETE FROM dashboard_days').run();
  const rows = deskDayRows(timeZone);
  // One statement over a JSON array: 40,000 rows in a few milliseconds.
  sqlite.prepare('INSERT INTO dashboard_days (day, starts_at) SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?) j').run(JSON.stringify(rows.map((r) => [r.day, r.starts_at])));
  sqlite.prepare('INSERT INTO dashboard_state (id, time_zone) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone').run(timeZone);
}
