import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTable } from '../imports/readTable';
import { columnName, createXlsxWriter, daySerial, xmlText, type XlsxColumn } from './xlsx';
import { zoneOffsets } from '../../../src-shared/domain/time';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-xlsx-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const columns: XlsxColumn[] = [
  { header: '编号', type: 'text' },
  { header: '主题', type: 'text' },
  { header: '数量', type: 'integer' },
  { header: '金额', type: 'number' },
  { header: '创建时间', type: 'datetime' },
  { header: '客户要求日期', type: 'date' },
];

/** 2026-11-24 10:30 in Shanghai (UTC+8). */
const AT = Date.UTC(2026, 10, 24, 2, 30);

async function readBack(file: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe('xmlText', () => {
  it('escapes markup, keeps Chinese and characters beyond the BMP, writes control characters as _xHHHH_', () => {
    expect(xmlText('空调漏水 <急> & "冷"')).toBe('空调漏水 &lt;急&gt; &amp; &quot;冷&quot;');
    expect(xmlText('𠮷野家')).toBe('𠮷野家');
    expect(xmlText('a\u0001b\u000bc\u001f')).toBe('a_x0001_b_x000B_c_x001F_');
    expect(xmlText('tab\tand\nline')).toBe('tab\tand\nline');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(xmlText('broken \ud800 text')).toBe('broken \ufffd text');
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('turns days and instants into Excel serials in the time zone', () => {
    expect(daySerial('1970-01-01')).toBe(25569);
    expect(daySerial('2026-11-24')).toBe(46350);
    expect(zoneOffsets('Asia/Shanghai')(AT)).toBe(8 * 3_600_000);
    // New York: EDT in July, EST in December.
    const ny = zoneOffsets('America/New_York');
    expect(ny(Date.UTC(2026, 6, 1))).toBe(-4 * 3_600_000);
    expect(ny(Date.UTC(2026, 11, 1))).toBe(-5 * 3_600_000);
  });
});

describe('createXlsxWriter', () => {
  it('writes typed cells that a reader library reads back cell by cell, with the header frozen, widths and a filter', async () => {
    const file = path.join(dir, 'queue.xlsx');
    const w = createXlsxWriter(file, { columns, sheetName: '服务请求', timeZone: 'Asia/Shanghai' });
    w.row(['SR-20261124-0001', '空调漏水，客户急 <A&B>', 3, 1234.5, AT, '2026-11-25']);
    w.row(['SR-20261124-0002', ' leading space', 0, -0.25, null, null]);
    w.row(['SR-20261124-0003', 'ctrl\u0007char', null, null, AT + 60_000, '2026-12-31']);
    const result = w.finish();
    expect(result).toMatchObject({ rows: 3, sheets: 1 });
    expect(result.bytes).toBe(fs.statSync(file).size);

    const book = await readBack(file);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('服务请求');
    expect(sheet.getRow(1).values).toEqual([undefined, '编号', '主题', '数量', '金额', '创建时间', '客户要求日期']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const r2 = sheet.getRow(2);
    expect(r2.getCell(1).value).toBe('SR-20261124-0001');
    expect(r2.getCell(2).value).toBe('空调漏水，客户急 <A&B>');
    expect(r2.getCell(3).value).toBe(3);
    expect(r2.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(r2.getCell(4).value).toBe(1234.5);
    // exceljs shows a date-formatted serial as a Date holding the local wall time as UTC.
    expect(r2.getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 24, 10, 30)));
    expect(r2.getCell(5).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(r2.getCell(6).value).toEqual(new Date(Date.UTC(2026, 10, 25)));
    expect(r2.getCell(6).numFmt).toBe('yyyy-mm-dd');
    const r3 = sheet.getRow(3);
    expect(r3.getCell(2).value).toBe(' leading space');
    expect(r3.getCell(4).value).toBe(-0.25);
    expect(r3.getCell(5).value).toBeNull();
    expect(sheet.getRow(4).getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 24, 10, 31)));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.getColumn(2).width).toBe(23);
    expect(sheet.getColumn(5).width).toBe(17);
    expect(sheet.autoFilter).toBe('A1:F4');

    // The raw XML: a control character as Excel's escape, inline strings, the frozen pane.
    const parts = unzipSync(fs.readFileSync(file));
    const xml = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain('ctrl_x0007_char');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<t xml:space="preserve"> leading space</t>');

    // The desk's own XLSX reader (the import wizard's) reads it too.
    const table = readTable('queue.xlsx', fs.readFileSync(file));
    expect(table.headers).toEqual(['编号', '主题', '数量', '金额', '创建时间', '客户要求日期']);
    expect(table.rows[0]!.cells.slice(0, 4)).toEqual(['SR-20261124-0001', '空调漏水，客户急 <A&B>', '3', '1234.5']);
  });

  it('continues on a new sheet under the same header past the sheet limit', async () => {
    const file = path.join(dir, 'split.xlsx');
    const w = createXlsxWriter(file, { columns, sheetName: 'Queue', timeZone: 'UTC', maxRowsPerSheet: 4 });
    for (let i = 1; i <= 10; i++) w.row([`SR-${i}`, `第${i}条`, i, i / 2, AT, '2026-01-01']);
    expect(w.finish()).toMatchObject({ rows: 10, sheets: 3 });
    const book = await readBack(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Queue', 'Queue (2)', 'Queue (3)']);
    expect(book.worksheets.map((s) => s.rowCount)).toEqual([5, 5, 3]);
    const numbers = book.worksheets.flatMap((s) => {
      expect(s.getRow(1).getCell(1).value).toBe('编号');
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const out: unknown[] = [];
      s.eachRow((row, n) => n > 1 && out.push(row.getCell(1).value));
      return out;
    });
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `SR-${i + 1}`));
    expect(book.worksheets[2]!.autoFilter).toBe('A1:F3');
  });

  it('writes a header-only sheet when there are no rows, and removes the file on abort', async () => {
    const file = path.join(dir, 'empty.xlsx');
    const w = createXlsxWriter(file, { columns, sheetName: 'x', timeZone: 'UTC' });
    expect(w.finish()).toMatchObject({ rows: 0, sheets: 1 });
    const book = await readBack(file);
    expect(book.worksheets[0]!.rowCount).toBe(1);

    const aborted = path.join(dir, 'aborted.xlsx');
    const a = createXlsxWriter(aborted, { columns, sheetName: 'x', timeZone: 'UTC' });
    for (let i = 0; i < 500; i++) a.row(['a', 'b', 1, 2, AT, null]);
    a.abort();
    expect(fs.existsSync(aborted)).toBe(false);
  });
});
