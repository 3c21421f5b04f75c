import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
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
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: cachingStatements(sqlite) }) });
  return { sqlite, db };
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE), not at their first
 * write: an import in a worker thread writes through a connection of its own, and a
 * transaction that read first and then wanted to write while the worker held the lock would
 * fail at once with SQLITE_BUSY; waiting at BEGIN lets busy_timeout do its job.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * Kysely prepares every query anew; preparing costs more than running a queue page. The
 * same SQL text (parameters are bound, never inlined) reuses its statement. Safe because
 * better-sqlite3 runs each statement to completion synchronously before the next call.
 */
function cachingStatements(sqlite: Database.Database, size = 256) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text); // re-insert: the Map's order is the recency order
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

export function applyPragmas(sqlite: Database.Database): void {
  if (sqlite.name !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // A statement that fires triggers (the dashboard's rollups, migration 0013) keeps a
  // statement journal; in a temporary file that costs ~60 µs per inserted request, in memory
  // ~1 µs. Temporary tables and sorts live in memory too.
  sqlite.pragma('temp_store = MEMORY');
}
