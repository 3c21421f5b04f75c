import type Database from 'better-sqlite3';
import type { ImportEntity } from '../../../src-shared/domain/importFields';

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

  constructor(
    sqlite: Database.Database,
    private readonly runId: number,
    readonly dryRun: boolean,
  ) {
    this.readAll = sqlite.prepare('SELECT source_key, target_id FROM import_keys WHERE entity = ?');
    this.insert = sqlite.prepare('INSERT INTO import_keys (entity, source_key, target_id, run_id) VALUES (?, ?, ?, ?)');
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
    if (persist && !this.dryRun) this.insert.run(entity, key, id, this.runId);
  }

  /** Runs `insert` for real, or hands out a stand-in id in a dry run. */
  create(insert: () => number): number {
    return this.dryRun ? this.nextStandIn-- : insert();
  }
}
