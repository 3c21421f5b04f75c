import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Migration } from '../../migrations/index';
import { AppError } from '../../src-shared/errors';

export interface MigrationReport {
  applied: string[];
  backupPath: string | null;
}

/**
 * Applies pending migrations in order, all inside one transaction, after an online backup
 * of the file. A database that knows migrations this app does not is refused, so an older
 * app never writes into a newer schema. On failure nothing is changed and the error names
 * the backup.
 */
export async function migrate(
  db: Kysely<any>,
  sqlite: Database.Database,
  migrations: readonly Migration[],
  now: number,
): Promise<MigrationReport> {
  sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const done = new Set(
    (sqlite.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name),
  );
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...done].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError('CONFLICT', `This database was written by a newer ServiceLoop (migrations ${unknown.join(', ')}). Install the newer version to open it.`, {
      reason: 'databaseNewerThanApp',
      migrations: unknown,
    });
  }
  const pending = migrations.filter((m) => !done.has(m.name));
  if (pending.length === 0) return { applied: [], backupPath: null };

  const backupPath = done.size > 0 ? await backupBeforeMigration(sqlite, now) : null;
  try {
    await db.transaction().execute(async (trx) => {
      for (const m of pending) {
        await m.up(trx);
        await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${m.name}, ${now})`.execute(trx);
      }
    });
  } catch (cause) {
    const where = backupPath ? ` A backup taken before the attempt is at ${backupPath}.` : '';
    throw new AppError('INTERNAL', `Database upgrade failed; the database was left as it was.${where}`, {
      reason: 'migrationFailed',
      backupPath,
      cause: cause instanceof Error ? cause.message : String(cause),
    });
  }
  return { applied: pending.map((m) => m.name), backupPath };
}

/** SQLite's online backup API, never a file copy of a live database. */
async function backupBeforeMigration(sqlite: Database.Database, now: number): Promise<string | null> {
  if (sqlite.memory) return null;
  const dir = path.join(path.dirname(sqlite.name), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `before-migration-${stamp}.db`);
  await sqlite.backup(file);
  return file;
}
