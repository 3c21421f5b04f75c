import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupKind } from '../../../src-shared/contract/backup';
import { backupFileName, inspectDatabase, sha256File, writeSidecar, type Inspection, type Sidecar } from './files';

// The work of a backup, run in a worker thread on its own connection (the calling thread
// for an in-memory test database): SQLite's online backup API, then the check.

export interface BackupSpec {
  folder: string;
  kind: BackupKind;
  takenAt: number;
  /** A damaged database is still kept aside before a restore; any other backup of one fails. */
  requireIntact: boolean;
}

export interface BackupResult {
  file: string;
  sidecar: Sidecar;
}

export interface VerifySpec {
  file: string;
}

export interface VerifyResult extends Inspection {
  sha256: string;
  bytes: number;
}

interface Hooks {
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

/** Problems with the folder (missing share, no permission, disk full): the admin can fix those. */
const FOLDER_ERRORS = new Set(['EACCES', 'EPERM', 'ENOENT', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EEXIST', 'EIO', 'EBUSY']);

/**
 * Copies the database page by page with SQLite's backup API (never a file copy of a live
 * database) into `<name>.partial`, checks the copy (integrity_check, counts, SHA-256), writes
 * the sidecar, and only then gives the copy its name, so a half-written backup is never listed.
 * The copy is one snapshot: a read transaction held across the steps keeps the source still,
 * so writes from the main thread neither wait for it nor make it start over.
 */
export async function runBackup(sqlite: Database.Database, spec: BackupSpec, hooks: Hooks): Promise<BackupResult> {
  const name = backupFileName(spec.kind, spec.takenAt);
  const file = path.join(spec.folder, name);
  const partial = `${file}.partial`;
  try {
    fs.mkdirSync(spec.folder, { recursive: true });
    fs.rmSync(partial, { force: true });
  } catch (error) {
    throw folderError(error);
  }
  const snapshot = !sqlite.memory && !sqlite.inTransaction;
  if (snapshot) {
    sqlite.exec('BEGIN');
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  }
  let pages = 0;
  try {
    await sqlite.backup(partial, {
      progress({ totalPages, remainingPages }) {
        if (hooks.cancelled()) throw new Error('cancelled');
        pages = totalPages;
        hooks.progress(totalPages - remainingPages, totalPages * 2);
        return 2000;
      },
    });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw isFolderError(error) ? folderError(error) : error;
  } finally {
    if (snapshot) sqlite.exec('COMMIT');
  }
  hooks.progress(pages, pages * 2);
  const inspection = inspectDatabase(partial);
  if (spec.requireIntact && inspection.integrity !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new Error(`integrityFailed: ${inspection.integrity}`);
  }
  const bytes = fs.statSync(partial).size;
  const sidecar: Sidecar = {
    app: 'ServiceLoop',
    kind: spec.kind,
    takenAt: spec.takenAt,
    bytes,
    sha256: sha256File(partial),
    integrity: inspection.integrity,
    migrations: inspection.migrations,
    counts: inspection.counts,
  };
  try {
    writeSidecar(file, sidecar);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw folderError(error);
  }
  hooks.progress(pages * 2, pages * 2);
  return { file: name, sidecar };
}

/** Reads a backup file through: its SHA-256 and what integrity_check says. */
export function verifyBackup(spec: VerifySpec): VerifyResult {
  const bytes = fs.statSync(spec.file).size;
  return { ...inspectDatabase(spec.file), sha256: sha256File(spec.file), bytes };
}

function isFolderError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (FOLDER_ERRORS.has(code) || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR');
}

function folderError(error: unknown): Error {
  return new Error(`folderUnwritable: ${error instanceof Error ? error.message : String(error)}`);
}
