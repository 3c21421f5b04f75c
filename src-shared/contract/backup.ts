import { z } from 'zod';
import { channel } from './channel';

/** What a backup file is: taken on the schedule, by hand, or kept aside by a restore or a schema upgrade. */
export const BACKUP_KINDS = ['scheduled', 'manual', 'beforeRestore', 'beforeMigration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** The tables a backup counts, so an administrator can tell backups apart before restoring one. */
export const BACKUP_COUNTED_TABLES = ['customers', 'contacts', 'tickets', 'users', 'purchase_orders', 'attachments'] as const;
export type BackupCountedTable = (typeof BACKUP_COUNTED_TABLES)[number];

export interface BackupSettings {
  /** Where backups go: a local folder or a network share (an absolute path). */
  folder: string;
  /** `<data folder>/backups`, used when folder is left empty. */
  defaultFolder: string;
  /** Scheduled backups on? */
  enabled: boolean;
  /** The time of day (HH:mm, the desk's time zone) of the daily backup. */
  timeOfDay: string;
  /** Retention: the newest backup of each of this many days, weeks and months is kept. */
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
  /** Backups are encrypted with a key from an administrator's passphrase (the passphrase itself is never stored). */
  encrypted: boolean;
}

export interface BackupInfo {
  /** The file's name in the backup folder (no path). */
  file: string;
  kind: BackupKind;
  takenAt: number;
  bytes: number;
  /** integrity_check said 'ok' when the backup was taken, and its checksum was recorded (the sidecar). */
  verified: boolean;
  /** The file still has the recorded size (the full checksum is checked again before a restore). */
  sizeOk: boolean;
  /** Encrypted (AES-256-GCM, key from the passphrase): restoring needs this desk's key or the passphrase. */
  encrypted: boolean;
  /** Row counts of the main tables; null for a file without a sidecar (a kept-aside or migration backup). */
  counts: Partial<Record<BackupCountedTable, number>> | null;
  /** Schema migrations the backup's database had applied. */
  migrations: string[];
}

/** A backup run (scheduled or by hand), succeeded or failed with its reason. */
export interface BackupRun {
  id: number;
  kind: 'scheduled' | 'manual';
  startedAt: number;
  finishedAt: number | null;
  outcome: 'ok' | 'failed' | null;
  /** Old backups retention removed after it. */
  removed: number;
  /** Why it failed: folderUnwritable, integrityFailed, or internal (details in the log). */
  error: string | null;
}

export interface BackupJob {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  /** Pages copied so far, of total (the copy, then the check). */
  done: number;
  total: number;
  backup: BackupInfo | null;
  error: string | null;
}

export interface BackupOverview {
  folder: string;
  backups: BackupInfo[];
  runs: BackupRun[];
  /** The backup running now, if any. */
  running: BackupJob | null;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The database as it was, kept in the backup folder. */
  keptAside: string;
  /** The app restarts on the restored database now; sessions end and users sign in again. */
  restarting: boolean;
}

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'timeOfDay' });
/** A backup file's own name: no folders, so a call can only name files in the backup folder. */
const backupFile = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.db(\.enc)?$/);
/** At least 12 characters: it guards every backup in a shared folder. */
export const BACKUP_PASSPHRASE_MIN = 12;

export const backup = {
  settings: channel<BackupSettings>()({ input: z.object({}).strict(), access: 'backup.manage' }),
  saveSettings: channel<BackupSettings>()({
    input: z
      .object({
        folder: z.string().trim().max(1000).optional(),
        enabled: z.boolean().optional(),
        timeOfDay: timeOfDay.optional(),
        keepDaily: z.number().int().min(1).max(366).optional(),
        keepWeekly: z.number().int().min(0).max(520).optional(),
        keepMonthly: z.number().int().min(0).max(1200).optional(),
        /** A new passphrase turns encryption on (or changes its key); null turns it off. */
        passphrase: z.string().min(BACKUP_PASSPHRASE_MIN).max(200).nullable().optional(),
      })
      .strict(),
    access: 'backup.manage',
  }),
  /** Backups in the folder (newest first), recent runs, and the one running now. */
  list: channel<BackupOverview>()({ input: z.object({}).strict(), access: 'backup.manage' }),
  /** Takes a backup now, in a worker thread; follow it with backup.job and job.progress. */
  run: channel<BackupJob>()({ input: z.object({}).strict(), access: 'backup.manage' }),
  job: channel<BackupJob>()({ input: z.object({ jobId: z.string().regex(/^[a-z0-9-]{1,64}$/) }).strict(), access: 'backup.manage' }),
  /**
   * Checks the backup (checksum, integrity_check), keeps the current database aside, and
   * restarts the app on the backup. A damaged backup is refused and nothing changes.
   */
  restore: channel<RestoreResult>()({
    input: z.object({ file: backupFile, passphrase: z.string().max(200).optional() }).strict(),
    access: 'backup.manage',
  }),
};
