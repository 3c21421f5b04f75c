import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_COUNTED_TABLES, type BackupCountedTable, type BackupInfo, type BackupKind } from '../../../src-shared/contract/backup';

// Backup files and what is written beside them. Used by the worker thread (taking and
// checking a backup) and by main (listing, retention, restore): plain Node, no core.

/** What is known about a backup, written as `<file>.json` beside it once it was checked. */
export interface Sidecar {
  app: 'ServiceLoop';
  kind: BackupKind;
  takenAt: number;
  bytes: number;
  sha256: string;
  /** PRAGMA integrity_check's answer when it was taken ('ok' for every regular backup). */
  integrity: string;
  /** Schema migrations applied in the backed-up database (its schema version). */
  migrations: string[];
  counts: Partial<Record<BackupCountedTable, number>>;
  /** Encrypted: sha256 and bytes are the encrypted file's, plainSha256 the database's. */
  encrypted?: boolean;
  plainSha256?: string;
}

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;

/** 20261126T021500123Z: sortable, one per millisecond, the same on every machine. */
export function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:.]/g, '');
}

function parseStamp(text: string): number | null {
  const m = STAMP.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
}

/** serviceloop-<stamp>-scheduled.db, serviceloop-<stamp>-manual.db, before-restore-<stamp>.db. */
export function backupFileName(kind: BackupKind, at: number): string {
  if (kind === 'beforeRestore') return `before-restore-${stamp(at)}.db`;
  if (kind === 'beforeMigration') return `before-migration-${stamp(at)}.db`;
  return `serviceloop-${stamp(at)}-${kind}.db`;
}

/** The kind and time a backup file's name tells (the migrator names its files with an ISO time, `:` and `.` as `-`). */
export function parseBackupName(file: string): { kind: BackupKind; takenAt: number } | null {
  let m = /^serviceloop-(\w+)-(scheduled|manual)\.db(?:\.enc)?$/.exec(file);
  if (m) {
    const at = parseStamp(m[1]!);
    return at === null ? null : { kind: m[2] as BackupKind, takenAt: at };
  }
  m = /^before-(restore|migration)-(.+?)\.db(?:\.enc)?$/.exec(file);
  if (!m) return null;
  const kind: BackupKind = m[1] === 'restore' ? 'beforeRestore' : 'beforeMigration';
  const at = parseStamp(m[2]!) ?? migratorStamp(m[2]!);
  return at === null ? null : { kind, takenAt: at };
}

function migratorStamp(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(text);
  if (!m) return null;
  const at = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at) ? null : at;
}

export function sidecarPath(file: string): string {
  return `${file}.json`;
}

export function readSidecar(file: string): Sidecar | null {
  try {
    const value = JSON.parse(fs.readFileSync(sidecarPath(file), 'utf8')) as Partial<Sidecar>;
    if (value.app !== 'ServiceLoop' || typeof value.sha256 !== 'string' || typeof value.bytes !== 'number') return null;
    return value as Sidecar;
  } catch {
    return null;
  }
}

export function writeSidecar(file: string, sidecar: Sidecar): void {
  const tmp = `${sidecarPath(file)}.partial`;
  fs.writeFileSync(tmp, `${JSON.stringify(sidecar, null, 2)}\n`);
  fs.renameSync(tmp, sidecarPath(file));
}

/** SHA-256 of a file, read in 1 MB pieces (a backup may be gigabytes). */
export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export interface Inspection {
  /** 'ok', or the first problems integrity_check found (or why the file would not open). */
  integrity: string;
  migrations: string[];
  counts: Partial<Record<BackupCountedTable, number>>;
}

/** Opens a database file read-only, runs PRAGMA integrity_check and counts the main tables. */
export function inspectDatabase(file: string): Inspection {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { integrity: error instanceof Error ? error.message : String(error), migrations: [], counts: {} };
  }
  try {
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') return { integrity, migrations: [], counts: {} };
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const migrations = tables.has('schema_migrations')
      ? (db.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name)
      : [];
    const counts: Partial<Record<BackupCountedTable, number>> = {};
    for (const table of BACKUP_COUNTED_TABLES) {
      if (tables.has(table)) counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    }
    return { integrity, migrations, counts };
  } catch (error) {
    return { integrity: error instanceof Error ? error.message : String(error), migrations: [], counts: {} };
  } finally {
    db.close();
  }
}

/** Every backup in the folder, newest first: files this app named, with what their sidecars say. */
export function listBackupFiles(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      continue;
    }
    const sidecar = readSidecar(file);
    backups.push({
      file: name,
      kind: sidecar?.kind ?? parsed.kind,
      takenAt: sidecar?.takenAt ?? parsed.takenAt,
      bytes,
      verified: sidecar?.integrity === 'ok',
      sizeOk: sidecar ? sidecar.bytes === bytes : true,
      encrypted: sidecar?.encrypted ?? name.endsWith('.enc'),
      counts: sidecar?.counts ?? null,
      migrations: sidecar?.migrations ?? [],
    });
  }
  return backups.sort((a, b) => b.takenAt - a.takenAt || b.file.localeCompare(a.file));
}

/** Removes a backup and its sidecar. */
export function removeBackup(folder: string, name: string): void {
  const file = path.join(folder, name);
  fs.rmSync(file, { force: true });
  fs.rmSync(sidecarPath(file), { force: true });
}
