import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import type { DB } from './schema';
import { createWriteGate, type WriteGate } from './writeGate';

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
  const gate = createWriteGate();
  gates.set(sqlite, gate);
  const db = new Kysely<DB>({ dialect: gatedDialect(sqlite, gate) });
  return { sqlite, db };
}

const gates = new WeakMap<Database.Database, WriteGate>();

/** The write gate of a connection openConnection made: workers started from it share it. */
export function writeGateOf(sqlite: Database.Database): WriteGate | undefined {
  return gates.get(sqlite);
}

/**
 * Every write through Kysely passes the write gate (db/writeGate.ts) first, so an import
 * batch in a worker thread gives way and this thread waits without stopping its event loop:
 *   - transactions take the gate, then the write lock as they begin (BEGIN IMMEDIATE, not
 *     at their first write: one that read first and then found the lock held would fail at
 *     once with SQLITE_BUSY), and give the gate back as they end;
 *   - a single write outside a transaction takes the gate around itself. Reads never wait.
 * busy_timeout stays as the backstop for writers the gate does not know (another process).
 */
function gatedDialect(sqlite: Database.Database, gate: WriteGate): SqliteDialect {
  const statements = cachingStatements(sqlite);
  let inTransaction = false;
  let held = false;
  const take = async () => {
    await gate.acquire();
    held = true;
  };
  const giveBack = () => {
    // Kysely rolls back after a failed commit: the gate is given back once.
    if (held) gate.release();
    held = false;
    inTransaction = false;
  };
  return new (class extends SqliteDialect {
    override createDriver(): Driver {
      const driver = super.createDriver();
      const acquireConnection = driver.acquireConnection.bind(driver);
      driver.acquireConnection = async () => {
        const connection = await acquireConnection();
        return {
          executeQuery: async (query) => {
            if (inTransaction || statements.prepare(query.sql).readonly) return connection.executeQuery(query);
            await take();
            try {
              return await connection.executeQuery(query);
            } finally {
              giveBack();
            }
          },
          streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
        } satisfies DatabaseConnection;
      };
      driver.beginTransaction = async (connection: DatabaseConnection) => {
        await take();
        inTransaction = true;
        try {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        } catch (error) {
          giveBack();
          throw error;
        }
      };
      const end = (command: string) => async (connection: DatabaseConnection) => {
        try {
          await connection.executeQuery(CompiledQuery.raw(command));
        } finally {
          giveBack();
        }
      };
      driver.commitTransaction = end('commit');
      driver.rollbackTransaction = end('rollback');
      return driver;
    }
  })({ database: statements });
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
