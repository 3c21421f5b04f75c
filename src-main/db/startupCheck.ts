import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from '../core/ports';
import { startTask, type RunningTask } from '../workers/spawn';
import { quickCheck } from './quickCheck';

/** What the start-up check found wrong, for the status the sign-in page and the shell show. */
export interface DatabaseProblem {
  backupsFolder: string;
}

export interface StartupCheckOptions {
  /** A database smaller than this is checked at once, on this thread (milliseconds of work). */
  inlineBelowBytes: number;
  /** A larger one is checked in a worker thread this long after the start, when the start's own work is done. */
  delayMs: number;
}

const DEFAULTS: StartupCheckOptions = { inlineBelowBytes: 64 * 1024 * 1024, delayMs: 2 * 60_000 };

/**
 * PRAGMA quick_check at every start: it reads every page and checks each b-tree (not that the
 * indexes match their tables, which integrity_check adds at three times the cost). A small
 * database is checked at once. On a desk of a million requests it reads over a gigabyte for
 * tens of seconds, so there it runs in a worker thread on its own connection, two minutes
 * after the start, while the app works as usual. A failure is logged with guidance and
 * reported through `onProblem` (system.status), not thrown: the app keeps running so that an
 * administrator can restore a backup. `done` resolves when the check has finished (or was
 * stopped); `stop` ends it early (the core closing).
 */
export function checkDatabaseAtStart(
  sqlite: Database.Database,
  logger: Logger,
  onProblem: (problem: DatabaseProblem) => void,
  options: StartupCheckOptions = DEFAULTS,
): { done: Promise<void>; stop(): void } {
  if (sqlite.memory) return { done: Promise.resolve(), stop() {} };
  const started = performance.now();
  let stopped = false;
  const report = (result: string) => {
    if (stopped) return;
    if (result === 'ok') {
      logger.info('database check passed (PRAGMA quick_check)', { ms: Math.round(performance.now() - started) });
      return;
    }
    const backupsFolder = path.join(path.dirname(sqlite.name), 'backups');
    logger.error('the database failed its check at start (PRAGMA quick_check)', {
      database: sqlite.name,
      problems: result,
      guidance: `Restore the latest good backup: sign in as an administrator and open 备份与恢复 / Backup and restore. Backups are in ${backupsFolder} (or the folder set on that page).`,
    });
    onProblem({ backupsFolder });
  };

  const bytes = (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
  if (bytes < options.inlineBelowBytes) {
    report(quickCheck(sqlite));
    return { done: Promise.resolve(), stop() {} };
  }

  let task: RunningTask | null = null;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const timer = setTimeout(() => {
    if (stopped) return;
    task = startTask(sqlite, { kind: 'quickCheck' }, () => {});
    void task.result
      .then((r) => (r.kind === 'quickCheck' ? r.result : 'unexpected task result'))
      .catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
      .then(report)
      .finally(finish);
  }, options.delayMs);
  timer.unref();
  return {
    done,
    stop() {
      stopped = true;
      clearTimeout(timer);
      task?.cancel();
      finish();
    },
  };
}
