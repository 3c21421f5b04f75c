import { DEFAULT_TIME_ZONE, isoDay } from '../../../src-shared/domain/time';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** Desk-wide settings as key → string. Keys in use: companyName, defaultLocale, timeZone. */
export async function getSettings(db: Q): Promise<Record<string, string>> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function putSetting(db: Q, key: string, value: string) {
  return db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Today (YYYY-MM-DD) in the desk's time zone: agreements and warranties are in force by day. */
export async function deskToday(db: Q, now: number): Promise<string> {
  return isoDay(now, (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE);
}
