import fs from 'node:fs';
import type { UploadedTable } from '../../../src-shared/contract/imports';
import { readPackage } from './engine';
import { readTable } from './readTable';

export type InspectResult = Omit<UploadedTable, 'uploadId'>;

const SAMPLE_ROWS = 10;

/** What the mapping screen needs from a file: its headers, first rows, size and encoding. */
export function inspectFile(filePath: string, fileName: string): InspectResult {
  const bytes = fs.readFileSync(filePath);
  const pkg = readPackage(fileName, bytes);
  if (pkg) {
    return {
      fileName,
      format: 'package',
      encoding: 'utf-8',
      headers: [],
      sample: [],
      rows: [...pkg.tables.values()].reduce((n, t) => n + t.rows.length, 0),
      entities: [...pkg.tables.entries()].map(([entity, t]) => ({ entity, rows: t.rows.length })),
    };
  }
  const table = readTable(fileName, bytes);
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    headers: table.headers,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    rows: table.rows.length,
    entities: [],
  };
}
