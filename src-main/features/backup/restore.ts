import fs from 'node:fs';
import path from 'node:path';
import type { CoreDeps } from '../../core/context';
import type { Logger } from '../../core/ports';
import { recordAudit } from '../audit/record';
import { BACKUP_JOBS } from './jobNames';

// A restore is staged by the running app and applied by the next start, before the database
// is opened: nothing holds the file then, so it can be replaced whole (its stale -wal and
// -shm removed with it). The shells restart at once after staging; a crash in between
// applies it at the next start, which is what the administrator asked for.

export interface StagedRestore {
  /** The backup file restored (its name in the backup folder). */
  from: string;
  /** When it was taken: the run that took it is in it, still unfinished. */
  takenAt: number;
  /** Where the database as it was was kept; null if the online copy failed, then kept here by a file copy of the closed database. */
  keptAside: string | null;
  /** Used when keptAside is null. */
  keepAsideFallback: string;
  userId: number;
  username: string;
  requestedAt: number;
}

export function stagedFile(dbPath: string): string {
  return `${dbPath}.restore`;
}

function markerFile(dbPath: string): string {
  return `${dbPath}.restore.json`;
}

/**
 * Puts the (verified) backup next to the database — a copy, or the decrypted file itself when
 * `move` — and notes the restore for the next start.
 */
export function stageRestore(dbPath: string, backupFile: string, move: boolean, staged: StagedRestore): void {
  if (move) {
    fs.renameSync(backupFile, stagedFile(dbPath));
  } else {
    const tmp = `${stagedFile(dbPath)}.partial`;
    fs.copyFileSync(backupFile, tmp);
    fs.renameSync(tmp, stagedFile(dbPath));
  }
  fs.writeFileSync(markerFile(dbPath), JSON.stringify(staged));
}

/** Forgets a staged restore that could not be finished (the running app goes on as it was). */
export function unstageRestore(dbPath: string): void {
  fs.rmSync(stagedFile(dbPath), { force: true });
  fs.rmSync(markerFile(dbPath), { force: true });
}

/**
 * At start, before the database is opened: puts a staged backup in place of the database.
 * Returns what was restored (for the audit log of the restored database), or null.
 */
export function applyStagedRestore(dbPath: string, logger: Logger): StagedRestore | null {
  const marker = markerFile(dbPath);
  if (!fs.existsSync(marker)) return null;
  let staged: StagedRestore;
  try {
    staged = JSON.parse(fs.readFileSync(marker, 'utf8')) as StagedRestore;
  } catch (error) {
    logger.error('a staged restore could not be read; the database was left as it was', { error: String(error) });
    unstageRestore(dbPath);
    return null;
  }
  const file = stagedFile(dbPath);
  if (fs.existsSync(file)) {
    if (staged.keptAside === null && fs.existsSync(dbPath)) {
      // The online copy failed (a badly damaged database): keep the closed file as it is.
      fs.mkdirSync(path.dirname(staged.keepAsideFallback), { recursive: true });
      fs.copyFileSync(dbPath, staged.keepAsideFallback);
      if (fs.existsSync(`${dbPath}-wal`)) fs.copyFileSync(`${dbPath}-wal`, `${staged.keepAsideFallback}-wal`);
      staged = { ...staged, keptAside: staged.keepAsideFallback };
    }
    // The old database's journal must not be replayed into the restored one.
    fs.rmSync(`${dbPath}-wal`, { force: true });
    fs.rmSync(`${dbPath}-shm`, { force: true });
    fs.renameSync(file, dbPath);
    logger.info('database restored from a backup', { ...staged });
  }
  fs.rmSync(marker, { force: true });
  return staged;
}

/** The restore, in the restored database's audit log (by the administrator who asked, if that account is in it). */
export async function recordRestore(deps: CoreDeps, staged: StagedRestore): Promise<void> {
  // The backup was taken while its own run was under way: that run succeeded.
  await deps.db
    .updateTable('job_runs')
    .set({ outcome: 'ok', finished_at: staged.takenAt })
    .where('job', 'in', [BACKUP_JOBS.scheduled, BACKUP_JOBS.manual])
    .where('outcome', 'is', null)
    .where('started_at', '=', staged.takenAt)
    .execute();
  const user = await deps.db.selectFrom('users').select('id').where('id', '=', staged.userId).where('username', '=', staged.username).executeTakeFirst();
  await recordAudit(deps.db, deps.clock.now(), {
    userId: user?.id ?? null,
    action: 'backup.restore',
    entity: 'backup',
    entityId: null,
    details: { outcome: 'restored', from: staged.from, keptAside: staged.keptAside, username: staged.username, requestedAt: staged.requestedAt },
  });
}
