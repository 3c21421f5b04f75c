import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../src-shared/contract';
import { buildReportWords, type ReportFileFormat, type ReportWords } from '../../../src-shared/contract/reports';
import { resolvePeriod, type ReportId } from '../../../src-shared/domain/reports';
import { call } from '../../core/testing';
import { renderReportFile } from './render';
import { BASE, buildReportDesk, NOVEMBER, type ReportDesk } from './standard/fixture';

// A report as a file, through exports.report as the renderer calls it, on the fixture desk
// of standard/reports.test.ts (figures worked out there): XLSX re-read with exceljs and
// compared cell by cell, CSV read back in both encodings, PDF text through pdftotext.

const catalog = (locale: 'zh-CN' | 'en-US') => JSON.parse(fs.readFileSync(new URL(`../../../src-renderer/i18n/${locale}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
/** The renderer's own words for a report: the catalog looked up as i18next would. */
function wordsFor(id: ReportId, locale: 'zh-CN' | 'en-US' = 'zh-CN'): ReportWords {
  const cat = catalog(locale);
  return buildReportWords(id, locale, (key) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], cat);
    if (typeof value !== 'string') throw new Error(`missing word ${key}`);
    return value;
  });
}

let desk: ReportDesk;
let dir: string;

beforeAll(async () => {
  desk = await buildReportDesk();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-report-file-'));
});
afterAll(() => {
  desk.core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function exportReport(report: ReportId, format: ReportFileFormat, words = wordsFor(report)): Promise<{ job: ImportJob; bytes: Buffer }> {
  const { jobId } = await call(desk.core, 'exports.report', { report, filters: NOVEMBER, format, words }, 'boss');
  let job: ImportJob;
  for (;;) {
    job = await call(desk.core, 'exports.job', { jobId }, 'boss');
    if (job.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(job.state).toBe('done');
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const piece = await call(desk.core, 'exports.chunk', { jobId, offset }, 'boss');
    parts.push(Buffer.from(piece.dataBase64, 'base64'));
    offset += piece.bytes;
    if (piece.done) break;
  }
  return { job, bytes: Buffer.concat(parts) };
}

/** RFC 4180 records (CRLF, quotes doubled), as Excel reads them. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** A worksheet's values row by row (exceljs: dates as Date, empty cells as null). */
function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v === undefined ? null : v);
    }
    rows.push(values);
  });
  return rows;
}

describe('XLSX', () => {
  it('writes a summary sheet and a sheet per table, typed, in the user words, totals in bold', async () => {
    const { job, bytes } = await exportReport('sla', 'xlsx');
    expect(job.file?.name).toBe('服务时效（SLA）达成_2026-11-01_2026-11-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['服务时效（SLA）达成', '按服务协议', '按优先级', '按团队', '超时原因', '超时明细']);

    const summary = book.worksheets[0]!;
    expect(summary.getCell('A1').value).toBe('服务时效（SLA）达成');
    expect(sheetValues(summary).slice(2)).toEqual([
      ['统计期间', '2026-11-01 – 2026-11-30'],
      ['团队', '全部'],
      ['产品线', '全部'],
      ['服务协议', '全部'],
      ['优先级', '全部'],
      // 2026-11-27 10:00 in Shanghai, shown as the desk's wall clock.
      ['生成时间', new Date(Date.UTC(2026, 10, 27, 10, 0))],
      ['服务请求', 5],
      ['首次响应达成率', 0.6],
      ['解决达成率', 0.6],
      ['超时次数', 4],
    ]);

    const byPriority = book.getWorksheet('按优先级')!;
    expect(sheetValues(byPriority)).toEqual([
      ['优先级', '服务请求数', '响应按时', '响应超时', '响应达成率', '解决按时', '解决超时', '解决达成率'],
      ['紧急', 1, 1, 0, 1, 1, 0, 1],
      ['高', 1, 1, 0, 1, 1, 0, 1],
      ['普通', 2, 0, 2, 0, 0, 2, 0],
      ['低', 1, 1, 0, 1, 1, 0, 1],
      ['合计', 5, 3, 2, 0.6, 3, 2, 0.6],
    ]);
    // The header is frozen, shares show as percentages, the totals row is bold.
    expect(byPriority.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(byPriority.getCell('E2').numFmt).toBe('0.0%');
    expect(byPriority.getCell('A6').font?.bold).toBe(true);
    expect(byPriority.getCell('B6').font?.bold).toBe(true);

    const breaches = book.getWorksheet('超时明细')!;
    const t2 = desk.t.T2!.number;
    expect(sheetValues(breaches)[1]).toEqual([t2, '华东精密机械', '普通', '金牌服务', '首次响应', new Date(BASE + 65 * 60_000 + 8 * 3_600_000), new Date(BASE + 125 * 60_000 + 8 * 3_600_000), 1, 'li', '到期前未分配']);
    expect(breaches.getCell('F2').numFmt).toBe('yyyy-mm-dd hh:mm');
    // T5 was never answered: no done time (not a group name) in a date-time column.
    expect(sheetValues(breaches)[2]!.slice(5, 8)).toEqual([new Date(BASE + 4 * 3_600_000 + 8 * 3_600_000), null, 68]);
    expect(breaches.rowCount).toBe(5);
  });

  it('shows money in major units with two decimals, and names empty groups', async () => {
    const { bytes } = await exportReport('parts', 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const byPart = book.getWorksheet('按备件')!;
    expect(sheetValues(byPart)).toEqual([
      ['备件编号', '备件名称', '数量', '金额', '保修数量', '保修金额', '收费数量', '收费金额', '币种'],
      ['CAP-35', '启动电容', 3, 135, 3, 135, 0, 0, 'CNY'],
      ['FLT-01', '过滤网', 4, 40, 0, 0, 4, 40, 'CNY'],
      ['合计', null, 7, 175, 3, 135, 4, 40, 'CNY'],
    ]);
    expect(byPart.getCell('D2').numFmt).toBe('#,##0.00');

    const { bytes: requests } = await exportReport('requests', 'xlsx');
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(requests as unknown as ExcelJS.Buffer);
    expect(book2.getWorksheet('按问题类型')!.getCell('A3').value).toBe('（未填写）');
  });
});

describe('CSV', () => {
  it('writes every table under its title, UTF-8 with a byte order mark', async () => {
    const { job, bytes } = await exportReport('complaints', 'csv');
    expect(job.file?.name).toBe('投诉分析_2026-11-01_2026-11-30.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(bytes.toString('utf8').slice(1));
    const at = (title: string) => rows.findIndex((r) => r[0] === title);
    expect(rows[0]).toEqual(['投诉分析']);
    expect(rows.slice(at('按投诉对象'), at('按投诉对象') + 5)).toEqual([
      ['按投诉对象'],
      ['投诉对象', '投诉数', '占比', '已关闭', '平均关闭用时（小时）'],
      ['服务工程师', '1', '50%', '1', '28'],
      ['服务流程', '1', '50%', '0', ''],
      ['合计', '2', '100%', '1', '28'],
    ]);
    expect(rows[at('关闭用时') + 3]).toEqual(['1–3 天', '1', '50%']);
  });

  it('writes GB18030 on request', async () => {
    const { bytes } = await exportReport('followUps', 'csv-gb18030');
    expect(bytes[0]).not.toBe(0xef);
    const text = iconv.decode(bytes, 'gb18030');
    expect(text).toContain('等待时间太长');
    expect(text).toContain('2 分 不满意,1,25%,0,1');
  });
});

describe('PDF', () => {
  it('prints the title, filters, figures and tables with Chinese text intact', async () => {
    const { job, bytes } = await exportReport('engineers', 'pdf');
    expect(job.file?.name).toBe('服务工程师绩效_2026-11-01_2026-11-30.pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(dir, 'engineers.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const word of ['服务工程师绩效', '统计期间', '2026-11-01 – 2026-11-30', '首次解决率', '66.7%', '合计', '75.0%', '第 1 页，共', '生成时间 2026-11-27 10:00']) expect(text).toContain(word);
  });
});

describe('PDF of a list with empty cells', () => {
  it('prints the SLA breaches, an unanswered one without a done time', async () => {
    const { bytes } = await exportReport('sla', 'pdf');
    const file = path.join(dir, 'sla.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const word of ['超时明细', '到期前未分配', '上门未解决', desk.t.T5!.number, '各优先级的达成率（%）']) expect(text).toContain(word);
  });
});

describe('the audit trail and the file request', () => {
  it('records who exported which report with which filters and how many rows', async () => {
    await exportReport('requests', 'csv');
    const entry = desk.core.deps.sqlite.prepare("SELECT user_id, details FROM audit_log WHERE action = 'export.report' ORDER BY id DESC LIMIT 1").get() as { user_id: number; details: string };
    expect(entry.user_id).toBe(desk.ids.boss);
    // requests: byCategory 4 + byProduct 3 + byType 3 + occurrences 4 rows.
    expect(JSON.parse(entry.details)).toEqual({ report: 'requests', filters: NOVEMBER, format: 'csv', rows: 14, file: '服务请求分析（问题类型 × 产品）_2026-11-01_2026-11-30.csv' });
  });

  it('refuses words without the page placeholders, and agents', async () => {
    const words = { ...wordsFor('sla'), page: '第几页' };
    expect(await desk.core.dispatch('exports.report', { report: 'sla', filters: NOVEMBER, format: 'pdf', words }, 'boss')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await desk.core.dispatch('exports.report', { report: 'sla', filters: NOVEMBER, format: 'pdf', words: wordsFor('sla') }, 'agentA')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('renders a file without a renderer, as a scheduled run does (English words, a relative period)', async () => {
    const outPath = path.join(dir, 'scheduled.xlsx');
    const period = resolvePeriod('lastMonth', Date.UTC(2026, 11, 3, 1, 0), 'Asia/Shanghai');
    expect(period).toEqual(NOVEMBER);
    const progress: [number, number][] = [];
    const result = await renderReportFile(
      desk.core.deps.sqlite,
      { report: 'followUps', filters: period, format: 'xlsx', words: wordsFor('followUps', 'en-US'), timeZone: 'Asia/Shanghai', now: BASE, outPath },
      { progress: (done, total) => progress.push([done, total]), cancelled: () => false },
    );
    expect(result).toMatchObject({ fileName: 'Follow-up satisfaction_2026-11-01_2026-11-30.xlsx', rows: 7 });
    // Progress in table rows: 5 + 1 + 1, after the queries ran.
    expect(progress).toEqual([[0, 0], [0, 7], [5, 7], [6, 7], [7, 7]]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(outPath);
    expect(sheetValues(book.getWorksheet('Satisfaction distribution')!)[2]).toEqual(['2 Unsatisfied', 1, 0.25, 0, 1]);
  });

  it('stops when cancelled and leaves no file behind', async () => {
    const outPath = path.join(dir, 'cancelled.xlsx');
    await expect(renderReportFile(desk.core.deps.sqlite, { report: 'sla', filters: NOVEMBER, format: 'xlsx', words: wordsFor('sla'), timeZone: 'Asia/Shanghai', now: BASE, outPath }, { progress() {}, cancelled: () => true })).rejects.toThrow('cancelled');
    expect(fs.existsSync(outPath)).toBe(false);
  });
});
