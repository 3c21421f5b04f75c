import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AuditFilter } from '../../../src-shared/contract';
import { AUDIT_EXPORT_COLUMNS, type AuditExportColumn, type AuditExportWords } from '../../../src-shared/contract/audit';
import type { QueueExportFormat } from '../../../src-shared/contract/queueExport';
import type { DB } from '../../db/schema';
import { createCsvWriter } from '../reports/csv';
import { createXlsxWriter, type XlsxColumnType } from '../reports/xlsx';
import { auditQuery } from './service';

// The audit trail a search finds, as XLSX or CSV, written in a worker thread: the trail
// grows with every call, so it can be long. Started and audited by exportJob.ts.

export interface AuditExportSpec {
  outPath: string;
  fileName: string;
  format: QueueExportFormat;
  filter: AuditFilter;
  headers: Record<AuditExportColumn, string>;
  words: AuditExportWords;
  timeZone: string;
  now: number;
}

export interface AuditExportResult {
  fileName: string;
  bytes: number;
  rows: number;
}

const TYPES: Record<AuditExportColumn, XlsxColumnType> = { at: 'datetime', user: 'text', action: 'text', entity: 'text', entityId: 'integer', details: 'text' };

interface Row {
  id: number;
  at: number;
  user_id: number | null;
  display_name: string | null;
  action: string;
  entity: string;
  entity_id: number | null;
  details: string | null;
}

/** Who did it, as the trail page says it: the account, the desk itself, or someone unknown trying to sign in. */
function person(r: Row, words: AuditExportWords): string {
  if (r.display_name !== null) return r.display_name;
  if (r.user_id !== null) return `#${r.user_id}`;
  return r.action === 'auth.signInFailed' ? words.unknownPerson : words.system;
}

export function runAuditExport(sqlite: Database.Database, spec: AuditExportSpec, hooks: { progress(done: number, total: number): void; cancelled(): boolean }): AuditExportResult {
  const compiler = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const query = auditQuery(compiler, spec.filter).compile();
  const columns = AUDIT_EXPORT_COLUMNS.map((c) => ({ header: spec.headers[c], type: TYPES[c] }));
  fs.mkdirSync(path.dirname(spec.outPath), { recursive: true });
  const writer =
    spec.format === 'xlsx'
      ? createXlsxWriter(spec.outPath, { columns, sheetName: spec.fileName.replace(/\.[a-z]+$/, '').slice(0, 31), timeZone: spec.timeZone, level: 1 }, spec.now)
      : createCsvWriter(spec.outPath, { columns, timeZone: spec.timeZone, encoding: spec.format === 'csv' ? 'utf-8' : 'gb18030' });
  // One read transaction: the count and the rows see the same moment.
  sqlite.prepare('BEGIN').run();
  try {
    const params = query.parameters as unknown[];
    const total = (sqlite.prepare(`SELECT count(*) AS n FROM (${query.sql})`).get(...params) as { n: number }).n;
    hooks.progress(0, total);
    let done = 0;
    for (const r of sqlite.prepare(query.sql).iterate(...params) as IterableIterator<Row>) {
      writer.row([r.at, person(r, spec.words), spec.words.actions[r.action] ?? r.action, spec.words.entities[r.entity] ?? r.entity, r.entity_id, r.details ?? '']);
      if (++done % 5000 === 0) {
        hooks.progress(done, total);
        if (hooks.cancelled()) throw new Error('cancelled');
      }
    }
    const result = writer.finish();
    hooks.progress(done, total);
    return { fileName: spec.fileName, bytes: result.bytes, rows: result.rows };
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    sqlite.prepare('COMMIT').run();
  }
}
