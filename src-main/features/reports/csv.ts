import fs from 'node:fs';
import iconv from 'iconv-lite';
import { zoneOffsets } from '../../../src-shared/domain/time';

// A streaming CSV writer for exports people open in Excel: RFC 4180 (comma, CRLF, fields
// quoted when they hold a comma, quote or line break, quotes doubled), UTF-8 with a byte
// order mark (without it Excel reads Chinese as GBK and garbles it), or GB18030 for older
// Excel and systems that want it. A text cell that starts like a formula (= + - @, tab or
// carriage return) gets a leading apostrophe, so opening the file runs nothing.

export type CsvEncoding = 'utf-8' | 'gb18030';
export type CsvColumnType = 'text' | 'number' | 'integer' | 'date' | 'datetime';

export interface CsvColumn {
  header: string;
  type: CsvColumnType;
}

/** As for XLSX: text, a number, epoch ms ('datetime', shown in the time zone) or 'YYYY-MM-DD' ('date'). */
export type CsvCell = string | number | null;

export interface CsvOptions {
  columns: CsvColumn[];
  encoding: CsvEncoding;
  timeZone: string;
}

export interface CsvWriter {
  row(cells: readonly CsvCell[]): void;
  finish(): { rows: number; bytes: number };
  abort(): void;
}

const FLUSH_CHARS = 256 * 1024;
const FORMULA_START = /^[=+\-@\t\r]/;
const MUST_QUOTE = /[",\r\n]/;

/** One text field: defused if it reads as a formula, quoted when RFC 4180 needs it. */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return MUST_QUOTE.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Epoch ms → 'YYYY-MM-DD HH:mm' in a time zone (with the offset look-up given). */
export function localDateTime(epochMs: number, offsetAt: (ms: number) => number): string {
  const d = new Date(epochMs + offsetAt(epochMs));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

export function createCsvWriter(filePath: string, options: CsvOptions): CsvWriter {
  const { columns } = options;
  const offsetAt = zoneOffsets(options.timeZone);
  const fd = fs.openSync(filePath, 'w');
  let bytes = 0;
  let rows = 0;
  let closed = false;
  const encode = options.encoding === 'gb18030' ? (text: string) => iconv.encode(text, 'gb18030') : (text: string) => Buffer.from(text, 'utf8');
  let buffer = (options.encoding === 'utf-8' ? '\uFEFF' : '') + columns.map((c) => csvText(c.header)).join(',') + '\r\n';

  function flush(): void {
    if (buffer.length === 0) return;
    const chunk = encode(buffer);
    fs.writeSync(fd, chunk);
    bytes += chunk.length;
    buffer = '';
  }

  function field(type: CsvColumnType, value: CsvCell): string {
    if (value === null) return '';
    switch (type) {
      case 'text':
        return csvText(typeof value === 'string' ? value : String(value));
      case 'number':
      case 'integer':
        return typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : csvText(value);
      case 'datetime':
        return typeof value === 'number' ? localDateTime(value, offsetAt) : csvText(value);
      case 'date':
        return typeof value === 'string' ? csvText(value) : String(value);
    }
  }

  return {
    row(cells) {
      let line = '';
      for (let i = 0; i < columns.length; i++) line += (i === 0 ? '' : ',') + field(columns[i]!.type, cells[i] ?? null);
      buffer += `${line}\r\n`;
      rows++;
      if (buffer.length >= FLUSH_CHARS) flush();
    },
    finish() {
      try {
        flush();
      } finally {
        closed = true;
        fs.closeSync(fd);
      }
      return { rows, bytes };
    },
    abort() {
      if (!closed) {
        closed = true;
        fs.closeSync(fd);
      }
      fs.rmSync(filePath, { force: true });
    },
  };
}
