import type Database from 'better-sqlite3';
import type { ImportEntity } from '../../../src-shared/domain/importFields';

/**
 * Source key → new id, for this run and every earlier one (import_keys). A key met twice in
 * one file is a duplicate row; a key an earlier run imported is left unchanged, so a re-run
 * creates nothing new. In a dry run nothing is written and new records get stand-in ids
 * (negative), so later rows that refer to them still resolve.
 */
export class KeyStore {
  private readonly run = new Map<string, number>();
  private nextStandIn = -1;
  private readonly find: Database.Statement<[string, string], { target_id: number }>;
  private readonly insert: Database.Statement<[string, string, number, number]>;

  constructor(
    sqlite: Database.Database,
    private readonly runId: number,
    readonly dryRun: boolean,
  ) {
    this.find = sqlite.prepare('SELECT target_id FROM import_keys WHERE entity = ? AND source_key = ?');
    this.insert = sqlite.prepare('INSERT INTO import_keys (entity, source_key, target_id, run_id) VALUES (?, ?, ?, ?)');
  }

  seenThisRun(entity: ImportEntity, key: string): boolean {
    return this.run.has(`${entity}\u0000${key}`);
  }

  lookup(entity: ImportEntity, key: string): number | undefined {
    return this.run.get(`${entity}\u0000${key}`) ?? this.find.get(entity, key)?.target_id;
  }

  /** Remembers `key` → `id` (for the log and for re-runs, unless this is a dry run). */
  record(entity: ImportEntity, key: string, id: number, persist = true): void {
    this.run.set(`${entity}\u0000${key}`, id);
    if (persist && !this.dryRun) this.insert.run(entity, key, id, this.runId);
  }

  /** Runs `insert` for real, or hands out a stand-in id in a dry run. */
  create(insert: () => number): number {
    return this.dryRun ? this.nextStandIn-- : insert();
  }
}
