import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from '../../../migrations/index';
import type { BackupJob, BackupOverview, BackupRun, BackupSettings, RestoreResult } from '../../../src-shared/contract/backup';
import type { SessionUser } from '../../../src-shared/contract';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { AppError, fieldError } from '../../../src-shared/errors';
import type { CoreDeps } from '../../core/context';
import { startTask } from '../../workers/spawn';
import type { TaskResult } from '../../workers/tasks';
import { recordAudit } from '../audit/record';
import { notifyUsers } from '../notifications/service';
import { getSettings, putSetting } from '../settings/queries';
import { backupFileName, listBackupFiles, parseBackupName, readSidecar, removeBackup } from './files';
import { stageRestore, unstageRestore } from './restore';
import { deriveKey, newSalt } from './crypto';
import { backupsToKeep, DEFAULT_RETENTION } from './retention';

import { BACKUP_JOBS } from './jobNames';

const KEY = {
  folder: 'backup.folder',
  enabled: 'backup.enabled',
  timeOfDay: 'backup.timeOfDay',
  keepDaily: 'backup.keepDaily',
  keepWeekly: 'backup.keepWeekly',
  keepMonthly: 'backup.keepMonthly',
  /** Scheduled times before this instant are not caught up on (a new desk, a changed schedule). */
  since: 'backup.since',
  /** The encryption key (hex) derived from the passphrase, and its salt; the passphrase is not kept. */
  key: 'backup.key',
  salt: 'backup.keySalt',
} as const;

export const DEFAULT_TIME_OF_DAY = '02:00';
/** Reasons a backup fails that an administrator can act on; anything else is 'internal'. */
const KNOWN_FAILURES = ['folderUnwritable', 'integrityFailed'];
/** A run still open from an earlier start ended with that app. */
const INTERRUPTED = 'interrupted: the app stopped before the backup finished';
const PROGRESS_EVERY_MS = 200;
const RUNS_LISTED = 20;

type SettingsInput = Partial<Omit<BackupSettings, 'defaultFolder' | 'encrypted'>> & { passphrase?: string | null };
type StoredField = Exclude<keyof SettingsInput, 'passphrase'>;

function count(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** The backup service of one core: settings, the one backup that may run at a time, the list, restore. */
export function createBackupService(deps: CoreDeps) {
  const { db, clock, logger, events } = deps;
  const defaultFolder = path.join(deps.dataDir, 'backups');
  const jobs = new Map<string, { view: BackupJob; finished: Promise<BackupJob> }>();
  let running: BackupJob | null = null;
  let restoring = false;
  // Backups die with the app: a run still open from an earlier start ended there.
  deps.sqlite
    .prepare(`UPDATE job_runs SET outcome = 'failed', finished_at = ?, error = ? WHERE job IN (?, ?) AND outcome IS NULL`)
    .run(clock.now(), INTERRUPTED, BACKUP_JOBS.scheduled, BACKUP_JOBS.manual);

  async function settings(): Promise<BackupSettings> {
    const s = await getSettings(db);
    return {
      folder: s[KEY.folder] || defaultFolder,
      defaultFolder,
      enabled: s[KEY.enabled] !== 'false',
      timeOfDay: s[KEY.timeOfDay] ?? DEFAULT_TIME_OF_DAY,
      keepDaily: Math.max(1, count(s[KEY.keepDaily], DEFAULT_RETENTION.daily)),
      keepWeekly: count(s[KEY.keepWeekly], DEFAULT_RETENTION.weekly),
      keepMonthly: count(s[KEY.keepMonthly], DEFAULT_RETENTION.monthly),
      encrypted: Boolean(s[KEY.key]),
    };
  }

  /** The key backups are encrypted with, if a passphrase is set. */
  async function keyMaterial(): Promise<{ hex: string; saltHex: string } | null> {
    const s = await getSettings(db);
    const hex = s[KEY.key];
    const saltHex = s[KEY.salt];
    return hex && saltHex ? { hex, saltHex } : null;
  }

  async function saveSettings(input: SettingsInput, user: SessionUser): Promise<BackupSettings> {
    if (input.folder !== undefined && input.folder !== '') {
      if (!path.isAbsolute(input.folder) && !/^\\\\[^\\]+\\[^\\]+/.test(input.folder)) throw fieldError('folder', 'folderNotAbsolute');
      try {
        fs.mkdirSync(input.folder, { recursive: true });
        const probe = path.join(input.folder, `.serviceloop-probe-${randomUUID()}`);
        fs.writeFileSync(probe, 'ok');
        fs.rmSync(probe);
      } catch {
        throw fieldError('folder', 'folderUnwritable');
      }
    }
    const before = await settings();
    const now = clock.now();
    // Derived here, once (about 0.1 s); only the key and its salt are stored.
    const salt = input.passphrase ? newSalt() : null;
    const key = input.passphrase && salt ? deriveKey(input.passphrase, salt) : null;
    await db.transaction().execute(async (trx) => {
      const changed: Record<string, unknown> = {};
      if (key && salt) {
        await putSetting(trx, KEY.key, key.toString('hex'));
        await putSetting(trx, KEY.salt, salt.toString('hex'));
        changed.encryption = before.encrypted ? 'newPassphrase' : 'on';
      } else if (input.passphrase === null) {
        await trx.deleteFrom('settings').where('key', 'in', [KEY.key, KEY.salt]).execute();
        changed.encryption = 'off';
      }
      for (const [field, value] of Object.entries(input) as [StoredField | 'passphrase', unknown][]) {
        if (value === undefined || field === 'passphrase') continue;
        const text = typeof value === 'string' ? value.trim() : String(value);
        await putSetting(trx, KEY[field], text);
        changed[field] = value;
      }
      // A new schedule starts from now: no catch-up run for times before it.
      if (input.enabled !== undefined || input.timeOfDay !== undefined) await putSetting(trx, KEY.since, String(now));
      await recordAudit(trx, now, { userId: user.id, action: 'backup.settings', entity: 'backup', entityId: null, details: { before, changed } });
    });
    return settings();
  }

  /** When scheduled runs count from (set on first asking: a new desk does not back up at once). */
  async function scheduleSince(): Promise<number> {
    const value = (await getSettings(db))[KEY.since];
    if (value !== undefined && Number.isFinite(Number(value))) return Number(value);
    const now = clock.now();
    await putSetting(db, KEY.since, String(now));
    return now;
  }

  async function runs(): Promise<BackupRun[]> {
    const rows = await db
      .selectFrom('job_runs')
      .selectAll()
      .where('job', 'in', [BACKUP_JOBS.scheduled, BACKUP_JOBS.manual])
      .orderBy('id', 'desc')
      .limit(RUNS_LISTED)
      .execute();
    return rows.map((r) => {
      const summary = r.summary ? (JSON.parse(r.summary) as Record<string, number>) : {};
      return {
        id: r.id,
        kind: r.job === BACKUP_JOBS.scheduled ? 'scheduled' : 'manual',
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        outcome: r.outcome === 'ok' || r.outcome === 'failed' ? r.outcome : null,
        removed: summary.removed ?? 0,
        error: r.error ? (r.error.split(':')[0] ?? 'internal') : null,
      };
    });
  }

  async function overview(): Promise<BackupOverview> {
    const { folder } = await settings();
    return { folder, backups: listBackupFiles(folder), runs: await runs(), running };
  }

  function announce(view: BackupJob): void {
    events.emit('job.progress', { jobId: view.jobId, done: view.done, total: view.total, state: view.state });
  }

  /** Removes regular backups retention does not keep; returns how many went. */
  async function applyRetention(s: BackupSettings): Promise<number> {
    const timeZone = (await getSettings(db)).timeZone ?? DEFAULT_TIME_ZONE;
    const regular = listBackupFiles(s.folder).filter((b) => b.kind === 'scheduled' || b.kind === 'manual');
    const keep = backupsToKeep(
      regular.map((b) => b.takenAt),
      { daily: s.keepDaily, weekly: s.keepWeekly, monthly: s.keepMonthly },
      timeZone,
    );
    let removed = 0;
    for (const b of regular) {
      if (keep.has(b.takenAt)) continue;
      removeBackup(s.folder, b.file);
      removed += 1;
    }
    return removed;
  }

  async function failed(kind: 'scheduled' | 'manual', userId: number | null, runId: number, view: BackupJob, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const code = KNOWN_FAILURES.find((c) => message.startsWith(c)) ?? 'internal';
    logger.error('backup failed', { kind, error: error instanceof Error ? (error.stack ?? message) : message });
    view.state = 'failed';
    view.error = code;
    const now = clock.now();
    const admins = (await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0).execute()).map((u) => u.id);
    const notified = await db.transaction().execute(async (trx) => {
      await trx.updateTable('job_runs').set({ finished_at: now, outcome: 'failed', error: `${code}: ${message}`.slice(0, 2000) }).where('id', '=', runId).execute();
      await recordAudit(trx, now, { userId, action: 'backup.run', entity: 'backup', entityId: runId, details: { kind, outcome: 'failed', reason: code } });
      return notifyUsers(trx, admins, 'backup_failed', null, {}, now);
    });
    if (notified.length > 0) events.emit('notifications.created', { userIds: notified });
  }

  /** Takes a backup in a worker thread; one at a time. Resolves with the job as it starts. */
  async function start(kind: 'scheduled' | 'manual', userId: number | null): Promise<BackupJob> {
    if (running || restoring) throw new AppError('CONFLICT', 'A backup or restore is already running', { reason: 'backupRunning' });
    const view: BackupJob = { jobId: randomUUID(), state: 'running', done: 0, total: 0, backup: null, error: null };
    running = view;
    let runId = 0;
    let finished: Promise<BackupJob>;
    try {
      const s = await settings();
      const now = clock.now();
      runId = (await db.insertInto('job_runs').values({ job: BACKUP_JOBS[kind], started_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      let lastAnnounced = 0;
      const key = await keyMaterial();
      const task = startTask(deps.sqlite, { kind: 'backup', spec: { folder: s.folder, kind, takenAt: now, requireIntact: true, key } }, (done, total) => {
        view.done = done;
        view.total = total;
        if (Date.now() - lastAnnounced >= PROGRESS_EVERY_MS) {
          lastAnnounced = Date.now();
          announce(view);
        }
      });
      finished = task.result
        .then(async (result: TaskResult) => {
          if (result.kind !== 'backup') throw new Error(`unexpected task result ${result.kind}`);
          // Old backups go only after a new one is safe; a folder that refuses a removal fails nothing.
          const removed = await applyRetention(s).catch((error: unknown) => {
            logger.warn('old backups could not all be removed', { error: String(error) });
            return 0;
          });
          const { sidecar, file } = result.result;
          await db.transaction().execute(async (trx) => {
            await trx
              .updateTable('job_runs')
              .set({ finished_at: clock.now(), outcome: 'ok', summary: JSON.stringify({ bytes: sidecar.bytes, removed, ...sidecar.counts }) })
              .where('id', '=', runId)
              .execute();
            await recordAudit(trx, clock.now(), { userId, action: 'backup.run', entity: 'backup', entityId: runId, details: { kind, file, bytes: sidecar.bytes, sha256: sidecar.sha256, removed } });
          });
          view.backup = listBackupFiles(s.folder).find((b) => b.file === file) ?? null;
          view.state = 'done';
          view.done = view.total;
        })
        .catch((error: unknown) => failed(kind, userId, runId, view, error))
        .catch((error: unknown) => logger.error('backup failure could not be recorded', { error: String(error) }))
        .then(() => {
          running = null;
          announce(view);
          return view;
        });
    } catch (error) {
      running = null;
      throw error;
    }
    jobs.set(view.jobId, { view, finished });
    for (const id of [...jobs.keys()].slice(0, -20)) jobs.delete(id);
    return view;
  }

  function job(jobId: string): BackupJob {
    const found = jobs.get(jobId);
    if (!found) throw new AppError('NOT_FOUND', `Backup job ${jobId} not found`);
    return found.view;
  }

  /** Resolves once the job has finished, however it ended. */
  function settled(jobId: string): Promise<BackupJob> {
    const found = jobs.get(jobId);
    if (!found) throw new AppError('NOT_FOUND', `Backup job ${jobId} not found`);
    return found.finished;
  }

  function refuse(reason: string, message: string, details: Record<string, unknown> = {}): AppError {
    return new AppError('CONFLICT', message, { reason, ...details });
  }

  /**
   * Checks the backup (its checksum against the sidecar, integrity_check, a schema this app
   * knows), keeps the database as it is aside (an online backup into the backup folder),
   * stages the backup for the next start and asks the shell to restart on it. A backup that
   * fails a check is refused and nothing changes.
   */
  async function restore(fileName: string, user: SessionUser, passphrase?: string): Promise<RestoreResult> {
    if (running || restoring) throw refuse('backupRunning', 'A backup or restore is already running');
    restoring = true;
    try {
      const s = await settings();
      const file = path.join(s.folder, fileName);
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `No backup ${fileName}`);
      if (deps.sqlite.memory) throw new Error('An in-memory database cannot be restored');
      // An import writes from its worker's own connection, into the file a restore replaces.
      const importing = await db.selectFrom('import_runs').select('id').where('outcome', 'is', null).executeTakeFirst();
      if (importing) throw refuse('importRunning', 'An import is running: restore when it has finished');
      const key = await keyMaterial();
      const decryptTo = `${deps.sqlite.name}.restore.decrypted`;
      const verified = await startTask(deps.sqlite, { kind: 'verifyBackup', spec: { file, key: key?.hex ?? null, passphrase, decryptTo } }, () => {}).result;
      if (verified.kind !== 'verifyBackup') throw new Error(`unexpected task result ${verified.kind}`);
      const check = verified.result;
      const discard = () => fs.rmSync(decryptTo, { force: true });
      if (check.keyProblem) throw refuse(check.keyProblem, `The backup ${fileName} is encrypted with another key`, { file: fileName });
      const sidecar = readSidecar(file);
      const problem =
        sidecar && (sidecar.sha256 !== check.sha256 || sidecar.bytes !== check.bytes)
          ? 'the checksum does not match the one recorded when it was taken'
          : check.integrity !== 'ok'
            ? `integrity_check: ${check.integrity}`
            : sidecar?.plainSha256 && check.plainSha256 !== sidecar.plainSha256
              ? 'the decrypted database does not match the one recorded when it was taken'
              : null;
      if (problem) {
        discard();
        await recordAudit(db, clock.now(), { userId: user.id, action: 'backup.restore', entity: 'backup', entityId: null, details: { file: fileName, outcome: 'refused', problem } });
        throw refuse('backupDamaged', `The backup ${fileName} is damaged: ${problem}`, { file: fileName });
      }
      const known = new Set(MIGRATIONS.map((m) => m.name));
      const unknown = check.migrations.filter((m) => !known.has(m));
      if (unknown.length > 0) {
        discard();
        throw refuse('backupNewerThanApp', `The backup ${fileName} was written by a newer ServiceLoop`, { migrations: unknown });
      }

      const now = clock.now();
      let keptAside: string | null = null;
      try {
        const aside = await startTask(deps.sqlite, { kind: 'backup', spec: { folder: s.folder, kind: 'beforeRestore', takenAt: now, requireIntact: false, key } }, () => {}).result;
        if (aside.kind === 'backup') keptAside = aside.result.file;
      } catch (error) {
        // A database too damaged to copy online is kept by a file copy once it is closed.
        logger.error('the database could not be kept aside online; a file copy follows at restart', { error: String(error) });
      }
      const fallback = path.join(s.folder, backupFileName('beforeRestore', now));
      try {
        const takenAt = sidecar?.takenAt ?? parseBackupName(fileName)?.takenAt ?? 0;
        stageRestore(deps.sqlite.name, check.decrypted ?? file, Boolean(check.decrypted), { from: fileName, takenAt, keptAside: keptAside && path.join(s.folder, keptAside), keepAsideFallback: fallback, userId: user.id, username: user.username, requestedAt: now });
      } catch (error) {
        discard();
        unstageRestore(deps.sqlite.name);
        throw error;
      }
      const relaunch = deps.platform.relaunch;
      // After the answer has gone out: the shell closes this core and starts one on the restored file.
      if (relaunch) setTimeout(() => relaunch(), 200);
      // Still 'restoring' until the restart: no backup starts from the database being left.
      return { restoredFrom: fileName, keptAside: keptAside ?? path.basename(fallback), restarting: Boolean(relaunch) };
    } catch (error) {
      restoring = false;
      throw error;
    }
  }

  return { settings, saveSettings, scheduleSince, overview, start, job, settled, restore, runs, isBusy: () => running !== null || restoring };
}

export type BackupService = ReturnType<typeof createBackupService>;
