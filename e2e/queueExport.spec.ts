import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { databasePath } from '../src-main/host/paths';
import { parseCsv } from '../src-main/features/imports/readTable';
import { PRIORITY_RANK } from '../src-shared/domain/tickets';
import { fillSetupForm, screenshot, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// A service manager exports the queue, in Chinese, on a desk with demo data: the 待分配
// view narrowed to 紧急 and 普通 → 导出 → Excel 工作簿 (progress, then the file downloads as
// 队列-待分配-<desk time>.xlsx) → the workbook opens with the same requests in the same
// order, in the words the queue shows → the same as CSV (UTF-8 with BOM) and as GB18030 →
// as a PDF for print, whose text (read back with poppler's pdftotext) holds the view's
// name, its filters, the requests in order and "第 1 页，共 N 页".

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '周主管' };
const JOB_MS = 60_000;
const HEADERS = ['编号', '主题', '客户', '类型', '优先级', '状态', '服务工程师', '受理渠道', '客户要求日期', '创建时间', '服务时效到期时间'];

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await screenshot(page, `queueExport-${name}`);
}

/** What the filtered view holds, read from the host's database: numbers, newest first. */
function expectedNumbers(): string[] {
  const db = new Database(databasePath(host.dataDir), { readonly: true });
  try {
    const rows = db
      .prepare("SELECT number FROM tickets WHERE status IN ('pending_assignment', 'reopened') AND priority IN (?, ?) ORDER BY id DESC")
      .all(PRIORITY_RANK.urgent, PRIORITY_RANK.normal) as { number: string }[];
    return rows.map((r) => r.number);
  } finally {
    db.close();
  }
}

/** Starts an export in `format` from the menu; resolves with the downloaded file's name and bytes. */
async function exportAs(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download', { timeout: JOB_MS });
  await page.getByTestId('queue-export').click();
  await page.getByTestId(testId).click();
  const file = await download;
  const bytes = fs.readFileSync(await file.path());
  await page.getByTestId('queue-export-saved').waitFor();
  return { name: file.suggestedFilename(), bytes };
}

describe('queue export: XLSX and CSV of a filtered view', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk({ acceptDownloads: true }));
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk with demo data', async () => {
    await page.goto(host.url);
    await page.getByTestId('setup-form').waitFor();
    await fillSetupForm(page, { companyName: '江南机电售后服务中心', admin: ADMIN });
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('ticket-row').first().waitFor({ timeout: 45_000 });
  });

  step('filters the queue: 待分配, priority 紧急 and 普通', async () => {
    await page.getByTestId('nav-view-unassigned').click();
    await expect.poll(() => page.getByTestId('queue-title').textContent()).toBe('待分配');
    // The pills box over the input takes the click; the input itself opens the list. The two
    // picks come quickly on a CPU slowed six times, as on a busy PC: the second must not undo
    // the first (it did while the queue rendered filter changes as a deferred transition).
    await page.getByRole('textbox', { name: '优先级' }).click({ force: true });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    try {
      await page.getByRole('option', { name: '紧急' }).click();
      await page.getByRole('option', { name: '普通' }).click();
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).hash).toBe('#/tickets?view=unassigned&priority=urgent%2Cnormal');
    await page.getByTestId('ticket-row').first().waitFor();
    expect(expectedNumbers().length).toBeGreaterThan(1);
    await shot('01-filtered');
  });

  step('exports XLSX: the job runs, then 队列-待分配-<time>.xlsx downloads with the filtered requests', async () => {
    const { name, bytes } = await exportAs('queue-export-xlsx');
    expect(name).toMatch(/^队列-待分配-\d{8}-\d{4}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('队列-待分配');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const numbers = sheet.getColumn(1).values.slice(2);
    expect(numbers).toEqual(expectedNumbers());
    // Every row in the queue's words: urgent or normal, awaiting assignment, a date-time cell.
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      expect(['紧急', '普通']).toContain(row.getCell(5).value);
      expect(['待分配', '重新打开']).toContain(row.getCell(6).value);
      expect(row.getCell(10).value).toBeInstanceOf(Date);
    });
    // The queue's first row is the file's first row.
    expect(await page.getByTestId('ticket-row').first().textContent()).toContain(String(numbers[0]));
    await shot('02-exported-xlsx');
  });

  step('exports CSV (UTF-8 with BOM) and CSV (GB18030) with the same rows', async () => {
    await page.getByTestId('queue-export-close').click();
    const utf8 = await exportAs('queue-export-csv');
    expect(utf8.name).toMatch(/^队列-待分配-\d{8}-\d{4}\.csv$/);
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(utf8.bytes.toString('utf8').slice(1)).rows.map((r) => r.cells);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expectedNumbers());
    expect(rows.slice(1).every((r) => r[4] === '紧急' || r[4] === '普通')).toBe(true);

    await page.getByTestId('queue-export-close').click();
    const gb = await exportAs('queue-export-csv-gb18030');
    expect(gb.bytes[0]).not.toBe(0xef);
    expect(parseCsv(new TextDecoder('gb18030').decode(gb.bytes)).rows.map((r) => r.cells)).toEqual(rows);
    await shot('03-exported-csv');
    expect(pageErrors).toEqual([]);
  });

  step('exports PDF: a landscape print of the same requests, with Chinese text, filters and page numbers', async () => {
    await page.getByTestId('queue-export-close').click();
    const pdf = await exportAs('queue-export-pdf');
    expect(pdf.name).toMatch(/^队列-待分配-\d{8}-\d{4}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-e2e-pdf-'));
    try {
      const file = path.join(folder, pdf.name);
      fs.writeFileSync(file, pdf.bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      expect(text).toContain('队列-待分配');
      expect(text).toContain('优先级：紧急、普通');
      expect(text).toMatch(/生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(text).toContain(`第 1 页，共 ${pages} 页`);
      expect(text).toMatch(/编号\s+主题\s+客户/);
      const numbers = expectedNumbers();
      expect([...text.matchAll(new RegExp(numbers.map((n) => n.replace(/[-]/g, '\\-')).join('|'), 'g'))].map((m) => m[0])).toEqual(numbers);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await shot('04-exported-pdf');
    expect(pageErrors).toEqual([]);
  });
});
