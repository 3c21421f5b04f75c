import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupKind } from '../../../src-shared/contract/backup';
import { decryptFile, deriveKey, encryptFile, isEncrypted, saltOf } from './crypto';
import { backupFileName, inspectDatabase, sha256File, writeSidecar, type Inspection, type Sidecar } from './files';

// The work of a backup, run in a worker thread on its own connection (the calling thread
// for an in-memory test database): SQLite's online backup API, then the check.

export interface BackupSpec {
  folder: string;
  kind: BackupKind;
  takenAt: number;
  /** A damaged database is still kept aside before a restore; any other backup of one fails. */
  requireIntact: boolean;
  /** Encrypt with this key (hex) derived with this salt (hex); absent: a plain SQLite file. */
  key?: { hex: string; saltHex: string } | null;
}

export interface BackupResult {
  file: string;
  sidecar: Sidecar;
}

export interface VerifySpec {
  file: string;
  /** For an encrypted backup: the desk's key (hex), or the passphrase the administrator typed. */
  key?: string | null;
  passphrase?: string;
  /** Where an encrypted backup is decrypted to (then checked, then staged from). */
  decryptTo: string;
}

export interface VerifyResult extends Inspection {
  /** Of the file as stored (encrypted or not). */
  sha256: string;
  bytes: number;
  /** Encrypted backups: the decrypted database (at decryptTo) and its SHA-256. */
  decrypted: string | null;
  plainSha256: string | null;
  /** Why an encrypted backup could not be read: no key for it, or the passphrase is wrong. */
  keyProblem: 'passphraseRequired' | 'wrongPassphrase' | null;
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
  // The copy carries the source's WAL mode: make it one self-contained file (no -wal or -shm
  // beside it, in the folder or wherever it is copied); the app turns WAL on when it opens one.
  try {
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch {
    // A damaged database kept aside before a restore: kept as copied.
  }
  const inspection = inspectDatabase(partial);
  if (spec.requireIntact && inspection.integrity !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new Error(`integrityFailed: ${inspection.integrity}`);
  }
  const plainSha256 = sha256File(partial);
  let stored = partial;
  let target = file;
  if (spec.key) {
    // Encrypted beside the plain copy, which is then removed: only ciphertext stays in the folder.
    stored = `${file}.enc.partial`;
    target = `${file}.enc`;
    try {
      encryptFile(partial, stored, Buffer.from(spec.key.hex, 'hex'), Buffer.from(spec.key.saltHex, 'hex'));
    } catch (error) {
      fs.rmSync(stored, { force: true });
      throw folderError(error);
    } finally {
      fs.rmSync(partial, { force: true });
    }
  }
  const sidecar: Sidecar = {
    app: 'ServiceLoop',
    kind: spec.kind,
    takenAt: spec.takenAt,
    bytes: fs.statSync(stored).size,
    sha256: spec.key ? sha256File(stored) : plainSha256,
    integrity: inspection.integrity,
    migrations: inspection.migrations,
    counts: inspection.counts,
    ...(spec.key ? { encrypted: true, plainSha256 } : {}),
  };
  try {
    writeSidecar(target, sidecar);
    fs.renameSync(stored, target);
  } catch (error) {
    fs.rmSync(stored, { force: true });
    throw folderError(error);
  }
  hooks.progress(pages * 2, pages * 2);
  return { file: path.basename(target), sidecar };
}

/**
 * Reads a backup file through: its SHA-256 and what integrity_check says; an encrypted one is
 * decrypted first (every chunk's tag checked) into spec.decryptTo, and that copy is checked.
 */
export function verifyBackup(spec: VerifySpec): VerifyResult {
  const bytes = fs.statSync(spec.file).size;
  const sha256 = sha256File(spec.file);
  if (!isEncrypted(spec.file)) return { ...inspectDatabase(spec.file), sha256, bytes, decrypted: null, plainSha256: null, keyProblem: null };
  const refused = (integrity: string, keyProblem: VerifyResult['keyProblem']): VerifyResult => ({ integrity, migrations: [], counts: {}, sha256, bytes, decrypted: null, plainSha256: null, keyProblem });
  if (!spec.passphrase && !spec.key) return refused('not checked: encrypted', 'passphraseRequired');
  const key = spec.passphrase ? deriveKey(spec.passphrase, saltOf(spec.file)) : Buffer.from(spec.key!, 'hex');
  try {
    decryptFile(spec.file, spec.decryptTo, key);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (reason === 'wrongKey') return refused('not checked: encrypted', spec.passphrase ? 'wrongPassphrase' : 'passphraseRequired');
    return refused(`decryption failed: ${reason}`, null);
  }
  return { ...inspectDatabase(spec.decryptTo), sha256, bytes, decrypted: spec.decryptTo, plainSha256: sha256File(spec.decryptTo), keyProblem: null };
}

function isFolderError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (FOLDER_ERRORS.has(code) || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR');
}

function folderError(error: unknown): Error {
  return new Error(`folderUnwritable: ${error instanceof Error ? error.message : String(error)}`);
}
