import type Database from 'better-sqlite3';
import type { ImportEntity } from '../../../src-shared/domain/importFields';

/** Key log rows per INSERT statement when a batch's log is written (4 parameters each, well under SQLite's limit). */
const FLUSH_ROWS = 100;

/**
 * Source key → new id, for this run and every earlier one (import_keys). A key met twice in
 * one file is a duplicate row; a key an earlier run imported is left unchanged, so a re-run
 * creates nothing new. In a dry run nothing is written and new records get stand-in ids
 * (negative), so later rows that refer to them still resolve.
 */
export class KeyStore {
  /** Keys met in this run, by entity. */
  private readonly run = new Map<ImportEntity, Set<string>>();
  /** Every key known, by entity: read whole at the entity's first lookup (one scan beats a query per row). */
  private readonly known = new Map<ImportEntity, Map<string, number>>();
  private nextStandIn = -1;
  private readonly readAll: Database.Statement<[string], { source_key: string; target_id: number }>;
  private readonly insert: Database.Statement<[string, string, number, number]>;
  private readonly insertMany: Database.Statement<(string | number)[]>;
  /** The key log's rows of the batch under way: written at its end, in key order (flush). */
  private readonly pending: [ImportEntity, string, number][] = [];

  constructor(
    sqlite: Database.Database,
    private readonly runId: number,
    readonly dryRun: boolean,
  ) {
    this.readAll = sqlite.prepare('SELECT source_key, target_id FROM import_keys WHERE entity = ?');
    this.insert = sqlite.prepare('INSERT INTO import_keys (entity, source_key, target_id, run_id) VALUES (?, ?, ?, ?)');
    this.insertMany = sqlite.prepare(`INSERT INTO import_keys (entity, source_key, target_id, run_id) VALUES ${Array(FLUSH_ROWS).fill('(?, ?, ?, ?)').join(', ')}`);
  }

  /**
   * Writes the batch's key log; call inside its transaction, at its end. Sorted, the keys go
   * into the log's index page after page rather than one random page each, and a statement
   * takes many rows.
   */
  flush(): void {
    const rows = this.pending.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
    let i = 0;
    for (; i + FLUSH_ROWS <= rows.length; i += FLUSH_ROWS) {
      const params: (string | number)[] = [];
      for (let j = i; j < i + FLUSH_ROWS; j++) params.push(rows[j]![0], rows[j]![1], rows[j]![2], this.runId);
      this.insertMany.run(...params);
    }
    for (; i < rows.length; i++) this.insert.run(rows[i]![0], rows[i]![1], rows[i]![2], this.runId);
    rows.length = 0;
  }

  private keysOf(entity: ImportEntity): Map<string, number> {
    let keys = this.known.get(entity);
    if (!keys) {
      keys = new Map();
      for (const r of this.readAll.iterate(entity)) keys.set(r.source_key, r.target_id);
      this.known.set(entity, keys);
    }
    return keys;
  }

  seenThisRun(entity: ImportEntity, key: string): boolean {
    return this.run.get(entity)?.has(key) ?? false;
  }

  lookup(entity: ImportEntity, key: string): number | undefined {
    return this.keysOf(entity).get(key);
  }

  /** Remembers `key` → `id` (for the log and for re-runs, unless this is a dry run or `persist` is false). */
  record(entity: ImportEntity, key: string, id: number, persist = true): void {
    let seen = this.run.get(entity);
    if (!seen) this.run.set(entity, (seen = new Set()));
    seen.add(key);
    this.keysOf(entity).set(key, id);
    if (persist && !this.dryRun) this.pending.push([entity, key, id]);
  }

  /** Runs `insert` for real, or hands out a stand-in id in a dry run. */
  create(insert: () => number): number {
    return this.dryRun ? this.nextStandIn-- : insert();
  }
}
