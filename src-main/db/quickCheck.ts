import type Database from 'better-sqlite3';

/** PRAGMA quick_check's answer: 'ok', or its first problems (or why it could not run). */
export function quickCheck(sqlite: Database.Database): string {
  try {
    return (sqlite.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
