import { DEFAULT_LIFECYCLE, type LifecycleThresholds } from '../../../src-shared/domain/customers';
import { DEFAULT_TIME_ZONE, isoDay } from '../../../src-shared/domain/time';
import type { Kysely, Transaction } from 'kysely';
import { IDLE_LOCK_LIMITS, RETENTION_LIMITS } from '../../../src-shared/contract/settings';
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

/** Minutes without input before a window locks (settings, else the default). */
export async function idleLockMinutes(db: Q): Promise<number> {
  const n = Number((await getSettings(db)).idleLockMinutes);
  return Number.isInteger(n) && n >= IDLE_LOCK_LIMITS.min && n <= IDLE_LOCK_LIMITS.max ? n : IDLE_LOCK_LIMITS.default;
}

/** Years a closed request keeps its personal text (0: no limit; features/privacy/retention.ts). */
export async function personalDataYears(db: Q): Promise<number> {
  const n = Number((await getSettings(db)).personalDataYears);
  return Number.isInteger(n) && n >= RETENTION_LIMITS.min && n <= RETENTION_LIMITS.max ? n : 0;
}
