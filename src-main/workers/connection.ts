import { openConnection, type Connection } from '../db/connection';

/**
 * A worker's own connection to the desk's database: the usual pragmas, and a page cache big
 * enough that a long import keeps the indexes it updates in memory (SQLite's default of
 * 2 MB re-reads them from disk on a database of a million requests).
 */
export function openWorkerConnection(dbPath: string): Connection {
  const connection = openConnection(dbPath);
  connection.sqlite.pragma('cache_size = -262144');
  return connection;
}
