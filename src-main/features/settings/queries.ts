import { DEFAULT_LIFECYCLE, type LifecycleThresholds } from '../../../src-shared/domain/customers';
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

/** When a quiet customer counts as dormant, then lost (settings, else the defaults). */
export async function lifecycleThresholds(db: Q): Promise<LifecycleThresholds> {
  const s = await getSettings(db);
  const days = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    dormantAfterDays: days(s.dormantAfterDays, DEFAULT_LIFECYCLE.dormantAfterDays),
    lostAfterDays: days(s.lostAfterDays, DEFAULT_LIFECYCLE.lostAfterDays),
  };
}
