import { sql, type RawBuilder } from 'kysely';

/**
 * SQLite's INDEXED BY: pins the index a keyset query must read. With statistics from
 * ANALYZE the planner sometimes prefers a skip-scan of a wider index and then sorts the
 * whole range, turning a 1 ms page into a second. Dialect-specific, hence here in db/:
 * a PostgreSQL adapter would return an empty fragment and rely on its planner.
 */
export function indexedBy(index: string | null): RawBuilder<unknown> {
  if (index === null) return sql``;
  if (!/^[a-z_]+$/.test(index)) throw new Error(`Bad index name ${index}`);
  return sql.raw(` INDEXED BY ${index}`);
}
