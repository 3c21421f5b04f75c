import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../imports/readTable';
import { createCsvWriter, csvText, type CsvColumn } from './csv';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-csv-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const columns: CsvColumn[] = [
  { header: '编号', type: 'text' },
  { header: '主题', type: 'text' },
  { header: '数量', type: 'integer' },
  { header: '创建时间', type: 'datetime' },
  { header: '客户要求日期', type: 'date' },
];
const AT = Date.UTC(2026, 10, 24, 2, 30);
const rows: (string | number | null)[][] = [
  ['SR-1', '空调漏水，客户说"很急"', 3, AT, '2026-11-25'],
  ['SR-2', '第一行\r\n第二行', -2, null, null],
  ['SR-3', '=HYPERLINK("http://x")', 0, AT, null],
  ['SR-4', '+86 138 0013 8000', null, AT, null],
  ['SR-5', '@SUM(A1)', null, null, null],
  ['SR-6', '-1', null, null, null],
  ['SR-7', ' 前后空格 ', null, null, null],
  ['SR-8', '𠮷野家 · 龘', null, null, null],
];

describe('csvText', () => {
  it('quotes what RFC 4180 needs and defuses formulas', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('line\nbreak')).toBe('"line\nbreak"');
    expect(csvText('=1+2')).toBe("'=1+2");
    expect(csvText('-3')).toBe("'-3");
    expect(csvText('@x')).toBe("'@x");
    expect(csvText('+x,y')).toBe(`"'+x,y"`);
    expect(csvText('\tx')).toBe("'\tx");
  });
});

function write(encoding: 'utf-8' | 'gb18030'): Buffer {
  const file = path.join(dir, `out-${encoding}.csv`);
  const w = createCsvWriter(file, { columns, encoding, timeZone: 'Asia/Shanghai' });
  for (const r of rows) w.row(r);
  const result = w.finish();
  expect(result.rows).toBe(rows.length);
  const bytes = fs.readFileSync(file);
  expect(result.bytes).toBe(bytes.length);
  return bytes;
}

/** What a reader gets back: the text cells with formulas' apostrophes, dates in desk time. */
const expected = [
  ['编号', '主题', '数量', '创建时间', '客户要求日期'],
  ['SR-1', '空调漏水，客户说"很急"', '3', '2026-11-24 10:30', '2026-11-25'],
  ['SR-2', '第一行\r\n第二行', '-2', '', ''],
  ['SR-3', `'=HYPERLINK("http://x")`, '0', '2026-11-24 10:30', ''],
  ['SR-4', "'+86 138 0013 8000", '', '2026-11-24 10:30', ''],
  ['SR-5', "'@SUM(A1)", '', '', ''],
  ['SR-6', "'-1", '', '', ''],
  ['SR-7', ' 前后空格 ', '', '', ''],
  ['SR-8', '𠮷野家 · 龘', '', '', ''],
];

describe('createCsvWriter', () => {
  it('writes UTF-8 with a byte order mark, CRLF lines and RFC 4180 quoting', () => {
    const bytes = write('utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('编号,主题,数量,创建时间,客户要求日期\r\nSR-1,"空调漏水，客户说""很急""",3,2026-11-24 10:30,2026-11-25\r\n')).toBe(true);
    expect(parseCsv(text).rows.map((r) => r.cells)).toEqual(expected);
  });

  it('writes GB18030 on request, which decodes back to the same text', () => {
    const bytes = write('gb18030');
    expect(bytes[0]).not.toBe(0xef);
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(parseCsv(text).rows.map((r) => r.cells)).toEqual(expected);
    // GBK's two-byte 编号, not UTF-8's three.
    expect([...bytes.subarray(0, 4)]).toEqual([0xb1, 0xe0, 0xba, 0xc5]);
  });

  it('removes the file on abort', () => {
    const file = path.join(dir, 'aborted.csv');
    const w = createCsvWriter(file, { columns, encoding: 'utf-8', timeZone: 'UTC' });
    w.row(['a', 'b', 1, AT, null]);
    w.abort();
    expect(fs.existsSync(file)).toBe(false);
  });
});
