import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from '../core/ports';

/** What the start-up check found wrong, for the status the sign-in page and the shell show. */
export interface DatabaseProblem {
  backupsFolder: string;
}

/**
 * PRAGMA quick_check at start: it reads every page and checks each b-tree (not that the
 * indexes match their tables, which integrity_check adds at several times the cost), so a
 * damaged file is noticed before anyone works on it. A failure is logged with guidance and
 * reported, not thrown: the app still starts, so an administrator can restore a backup.
 */
export function checkDatabaseAtStart(sqlite: Database.Database, logger: Logger): DatabaseProblem | null {
  if (sqlite.memory) return null;
  let result: string;
  try {
    result = (sqlite.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  }
  if (result === 'ok') return null;
  const backupsFolder = path.join(path.dirname(sqlite.name), 'backups');
  logger.error('the database failed its check at start (PRAGMA quick_check)', {
    database: sqlite.name,
    problems: result,
    guidance: `Restore the latest good backup: sign in as an administrator and open 备份与恢复 / Backup and restore. Backups are in ${backupsFolder} (or the folder set on that page).`,
  });
  return { backupsFolder };
}
