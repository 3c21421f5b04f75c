import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from '../core/ports';
import { startTask } from '../workers/spawn';

/** What the start-up check found wrong, for the status the sign-in page and the shell show. */
export interface DatabaseProblem {
  backupsFolder: string;
}

/**
 * PRAGMA quick_check after every start: it reads every page and checks each b-tree (not that
 * the indexes match their tables, which integrity_check adds at three times the cost). On a
 * desk of a million requests it reads over a gigabyte for tens of seconds, so it runs in a
 * worker thread on its own connection while the app starts and works as usual. A failure is
 * logged with guidance and reported through `onProblem` (system.status), not thrown: the app
 * keeps running so that an administrator can restore a backup. `done` resolves when the check
 * has finished; `stop` ends it early (the core closing).
 */
export function checkDatabaseAtStart(sqlite: Database.Database, logger: Logger, onProblem: (problem: DatabaseProblem) => void): { done: Promise<void>; stop(): void } {
  if (sqlite.memory) return { done: Promise.resolve(), stop() {} };
  const started = performance.now();
  let stopped = false;
  const task = startTask(sqlite, { kind: 'quickCheck' }, () => {});
  const done = task.result
    .then((r) => (r.kind === 'quickCheck' ? r.result : 'unexpected task result'))
    .catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
    .then((result) => {
      if (stopped) return;
      if (result === 'ok') {
        logger.info('database check at start passed (PRAGMA quick_check)', { ms: Math.round(performance.now() - started) });
        return;
      }
      const backupsFolder = path.join(path.dirname(sqlite.name), 'backups');
      logger.error('the database failed its check at start (PRAGMA quick_check)', {
        database: sqlite.name,
        problems: result,
        guidance: `Restore the latest good backup: sign in as an administrator and open 备份与恢复 / Backup and restore. Backups are in ${backupsFolder} (or the folder set on that page).`,
      });
      onProblem({ backupsFolder });
    });
  return {
    done,
    stop() {
      stopped = true;
      task.cancel();
    },
  };
}
