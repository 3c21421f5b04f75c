import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { databasePath } from '../src-main/host/paths';
import { periodRange, resolvePeriod } from '../src-shared/domain/reports';
import { PRIORITY_RANK } from '../src-shared/domain/tickets';
import { screenshot, setUpDemoDeskAs, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// A service manager (服务经理) reads the standard reports, in Chinese, on a desk with demo
// data: 统计报表 → 服务请求分析 for last month → the key figure and the totals row equal the
// requests entered that month (counted here straight from the database) → narrowed to 紧急
// → exported as Excel (the workbook opens: a summary sheet, a sheet per table, the same
// totals) and as PDF (its text, read with pdftotext, holds the title, the filters and the
// totals) → the SLA report shows compliance by priority and its breach list.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '周主管' };
const MANAGER = { username: 'manager', password: 'Baobiao#2024', displayName: '陈经理', role: 'supervisor' as const };
const JOB_MS = 60_000;
/** A report runs in a worker thread (from source here: the worker compiles its TypeScript first). */
const RUN_MS = 30_000;

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let period: { from: string; to: string };

async function shot(name: string): Promise<void> {
  await screenshot(page, `reports-${name}`);
}

/** Requests entered in the period (optionally of one priority), straight from the host's database. */
function entered(priority?: number): number {
  const db = new Database(databasePath(host.dataDir), { readonly: true });
  try {
    const zone = (db.prepare("SELECT value FROM settings WHERE key = 'timeZone'").get() as { value: string } | undefined)?.value ?? 'Asia/Shanghai';
    const { start, end } = periodRange(period.from, period.to, zone);
    const sql = `SELECT count(*) AS n FROM tickets WHERE created_at >= ? AND created_at < ? AND merged_into IS NULL${priority === undefined ? '' : ' AND priority = ?'}`;
    return (db.prepare(sql).get(...[start, end, ...(priority === undefined ? [] : [priority])]) as { n: number }).n;
  } finally {
    db.close();
  }
}

const grouped = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

async function exportAs(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download', { timeout: JOB_MS });
  await page.getByTestId('report-export').click();
  await page.getByTestId(testId).click();
  const file = await download;
  const bytes = fs.readFileSync(await file.path());
  await page.getByTestId('report-export-saved').waitFor();
  await page.getByTestId('report-export-close').click();
  return { name: file.suggestedFilename(), bytes };
}

async function setDay(testId: string, day: string): Promise<void> {
  await page.getByTestId(testId).fill(day);
}

describe('standard reports: a service manager filters, reads totals, exports XLSX and PDF', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk({ acceptDownloads: true }));
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk with demo data and signs in as the service manager', async () => {
    await setUpDemoDeskAs(page, host, { companyName: '江南机电售后服务中心', admin: ADMIN }, MANAGER);
  });

  step('opens 统计报表 → 服务请求分析 for last month: the figure and the totals equal the month', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-page').waitFor();
    period = resolvePeriod('lastMonth', Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    await setDay('report-from', period.from);
    await setDay('report-to', period.to);
    await page.getByTestId('report-run').click();
    await expect.poll(() => page.getByTestId('report-result').getAttribute('data-from'), { timeout: RUN_MS }).toBe(period.from);
    const total = entered();
    expect(total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('report-figure-requests').textContent(), { timeout: RUN_MS }).toContain(grouped(total));
    const totals = page.getByTestId('report-totals-byCategory');
    await expect.poll(() => totals.textContent()).toContain('合计');
    expect(await totals.textContent()).toContain(grouped(total));
    expect(await totals.textContent()).toContain('100.0%');
    await page.getByTestId('report-chart-byCategory').locator('svg').first().waitFor();
    await shot('01-requests');
  });

  step('narrows to 紧急: the totals follow', async () => {
    await page.getByTestId('report-priority').click();
    await page.getByRole('option', { name: '紧急' }).click();
    await page.getByTestId('report-run').click();
    const urgent = entered(PRIORITY_RANK.urgent);
    await expect.poll(() => page.getByTestId('report-figure-requests').textContent(), { timeout: RUN_MS }).toContain(grouped(urgent));
    expect(await page.getByTestId('report-totals-byType').textContent()).toContain(grouped(urgent));
    await shot('02-urgent');
  });

  step('exports XLSX: the workbook opens with a summary sheet and the same totals', async () => {
    const { name, bytes } = await exportAs('report-export-xlsx');
    expect(name).toBe(`服务请求分析（问题类型 × 产品）_${period.from}_${period.to}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['服务请求分析（问题类型 × 产品）', '按问题类型', '按产品', '按请求类型', '产品 × 问题类型']);
    const summary = book.worksheets[0]!;
    const lines = new Map<unknown, unknown>();
    summary.eachRow((row) => lines.set(row.getCell(1).value, row.getCell(2).value));
    expect(lines.get('统计期间')).toBe(`${period.from} – ${period.to}`);
    expect(lines.get('优先级')).toBe('紧急');
    const urgent = entered(PRIORITY_RANK.urgent);
    expect(lines.get('服务请求')).toBe(urgent);
    const byCategory = book.getWorksheet('按问题类型')!;
    expect((byCategory.getRow(1).values as unknown[]).slice(1)).toEqual(['问题类型', '服务请求数', '占比', '已关闭', '平均解决时长（小时）']);
    const last = byCategory.getRow(byCategory.rowCount);
    expect([last.getCell(1).value, last.getCell(2).value, last.getCell(3).value]).toEqual(['合计', urgent, 1]);
    expect(byCategory.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  step('exports PDF: title, filters and totals in Chinese', async () => {
    const { name, bytes } = await exportAs('report-export-pdf');
    expect(name).toBe(`服务请求分析（问题类型 × 产品）_${period.from}_${period.to}.pdf`);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-e2e-report-'));
    try {
      const file = path.join(folder, 'report.pdf');
      fs.writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('服务请求分析（问题类型 × 产品）');
      expect(text).toContain(`${period.from} – ${period.to}`);
      expect(text).toContain('紧急');
      expect(text).toMatch(/合计\s+[\d,]+\s+100\.0%/);
      expect(text).toContain('第 1 页，共');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await shot('03-exported');
  });

  step('switches to the SLA report: compliance by priority and the breach list', async () => {
    await page.getByTestId('report-picker').click();
    await page.getByRole('option', { name: '服务时效（SLA）达成' }).click();
    await expect.poll(() => page.getByTestId('report-result').getAttribute('data-report'), { timeout: RUN_MS }).toBe('sla');
    await page.getByTestId('report-table-byPriority').waitFor();
    expect(await page.getByTestId('report-totals-byPriority').textContent()).toContain('合计');
    await page.getByTestId('report-table-breaches').waitFor();
    await shot('04-sla');
    expect(pageErrors).toEqual([]);
  });
});
