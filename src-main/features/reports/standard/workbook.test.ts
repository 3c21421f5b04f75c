import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkbookWriter } from './workbook';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-workbook-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the report workbook', () => {
  it('continues a table past the rows a sheet holds on a new sheet under the same header, totals at the very end', async () => {
    const file = path.join(dir, 'split.xlsx');
    const writer = createWorkbookWriter(file, 'Asia/Shanghai', { maxRowsPerSheet: 3 });
    writer.summary('概要', '标题', [{ label: '期间', value: '2026-11', type: 'text' }]);
    const rows = function* () {
      for (let i = 1; i <= 7; i++) yield [`第${i}行`, i];
    };
    expect(writer.table('明细', [{ header: '名称', type: 'text' }, { header: '数量', type: 'integer' }], rows(), ['合计', 28])).toBe(7);
    writer.table('空表', [{ header: '名称', type: 'text' }], [], null);
    writer.finish();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概要', '明细', '明细 (2)', '明细 (3)', '空表']);
    const values = (name: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    expect(values('明细')).toEqual([['名称', '数量'], ['第1行', 1], ['第2行', 2], ['第3行', 3]]);
    expect(values('明细 (2)')).toEqual([['名称', '数量'], ['第4行', 4], ['第5行', 5], ['第6行', 6]]);
    expect(values('明细 (3)')).toEqual([['名称', '数量'], ['第7行', 7], ['合计', 28]]);
    expect(values('空表')).toEqual([['名称']]);
  });

  it('removes the file when aborted', () => {
    const file = path.join(dir, 'aborted.xlsx');
    const writer = createWorkbookWriter(file, 'Asia/Shanghai');
    writer.table('表', [{ header: 'a', type: 'text' }], [['x']], null);
    writer.abort();
    expect(fs.existsSync(file)).toBe(false);
  });
});
