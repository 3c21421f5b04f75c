import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';

export interface Connection {
  /** The raw handle: for pragmas, backups, bulk loads and the search adapter. */
  sqlite: Database.Database;
  db: Kysely<DB>;
}

/**
 * Opens the one writer connection. `nativeBinding` points at a better-sqlite3 addon built
 * for another runtime (Electron's ABI in development; see scripts/start.mjs).
 * With the pragmas ARCHITECTURE.md requires.
 */
export function openConnection(dbPath: string, nativeBinding?: string): Connection {
  const sqlite = new Database(dbPath, nativeBinding ? { nativeBinding } : {});
  applyPragmas(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}

export function applyPragmas(sqlite: Database.Database): void {
  if (sqlite.name !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
}
