import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { screenshot, setUpDemoDeskAs, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// A service manager opens 运营看板 on a desk with demo data, sees the figures with the
// previous period, narrows them to the last 90 days and one engineer, then opens the
// requests whose response target was breached: the queue lists exactly as many as the
// dashboard counted, under a banner naming the figure; exports them as XLSX and PDF, and both
// files open with those requests; clearing it returns the plain queue.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '周主管' };
const MANAGER = { username: 'manager', password: 'Kanban#2024', displayName: '陈经理', role: 'supervisor' as const };

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let breached = 0;

async function shot(name: string): Promise<void> {
  await screenshot(page, `dashboard-${name}`);
}

/** The figures for the filters in the URL have arrived. */
async function settled(): Promise<void> {
  // The page has rendered the address's filters, and their figures have arrived.
  const query = () => page.url().split('?')[1] ?? '';
  await expect.poll(async () => (await page.getByTestId('dashboard-page').getAttribute('data-query')) === query(), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => page.getByTestId('dashboard-page').getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
}

/** Starts a queue export in `format` from the menu; resolves with the downloaded file's name and bytes. */
async function exportAs(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('queue-export').click();
  await page.getByTestId(testId).click();
  const file = await download;
  const bytes = fs.readFileSync(await file.path());
  await page.getByTestId('queue-export-saved').waitFor();
  await page.getByTestId('queue-export-close').click();
  return { name: file.suggestedFilename(), bytes };
}

/** A KPI drill link's count, from its text ("响应超时 12"). */
async function drillCount(testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(/(\d+)\s*$/.exec(text)?.[1] ?? Number.NaN);
}

describe('dashboard: figures, filters and a drill-down into breached requests', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up a desk with demo data and a service manager', async () => {
    await setUpDemoDeskAs(page, host, { companyName: '江南机电售后服务中心', admin: ADMIN }, MANAGER);
  });

  step('opens 运营看板 from the navigation: ten figures, each against the previous period', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('kpi-new').waitFor();
    await settled();
    for (const key of ['new', 'closed', 'firstResponse', 'timeToResolve', 'fcr', 'responseSla', 'resolutionSla', 'reopenRate', 'csat', 'complaintRate']) {
      await page.getByTestId(`kpi-${key}`).waitFor();
    }
    expect(await page.getByTestId('kpi-new').textContent()).toContain('新建请求');
    expect(await page.getByTestId('kpi-new').textContent()).toContain('上期');
    await page.getByTestId('chart-new-closed').waitFor();
    await page.getByTestId('backlog-table').waitFor();
    await shot('opened');
  });

  step('narrows it to the last 90 days and one engineer', async () => {
    const before = await drillCount('drill-new-created');
    await page.getByTestId('dashboard-preset').click();
    await page.getByRole('option', { name: '最近 90 天' }).click();
    await expect.poll(() => page.url()).toContain('preset=last90');
    await settled();
    expect(await drillCount('drill-new-created')).toBeGreaterThanOrEqual(before);
    await page.getByTestId('dashboard-engineer').click();
    await page.getByRole('listbox').last().getByRole('option').first().click();
    await expect.poll(() => page.url()).toContain('engineer=');
    expect(page.url()).toContain('preset=last90');
    await settled();
    breached = await drillCount('drill-responseSla-responseBreached');
    expect(Number.isInteger(breached)).toBe(true);
    await shot('filtered');
  });

  step('drills into the requests whose response target was breached: the queue lists the same number', async () => {
    await page.getByTestId('drill-responseSla-responseBreached').click();
    await page.getByTestId('drill-banner').waitFor();
    expect(await page.getByTestId('drill-banner').getAttribute('data-measure')).toBe('responseBreached');
    expect(await page.getByTestId('drill-banner').textContent()).toContain('响应超时');
    expect(await page.getByTestId('drill-figure').getAttribute('data-count')).toBe(String(breached));
    await expect.poll(() => page.getByTestId('drill-shown').getAttribute('data-more')).toBe('false');
    await expect.poll(async () => Number(await page.getByTestId('drill-shown').getAttribute('data-count'))).toBe(breached);
    if (breached > 0 && breached <= 10) await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(breached);
    expect(page.url()).toContain('drill=responseBreached');
    await shot('drilled');
  });

  step('exports the breached requests as XLSX and PDF: both files open and hold the same requests', async () => {
    const xlsx = await exportAs('queue-export-xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const numbers = book.worksheets[0]!.getColumn(1).values.slice(2).map(String);
    expect(numbers).toHaveLength(breached);
    expect(numbers.every((n) => /^SR-\d{8}-\d{4}$/.test(n))).toBe(true);

    const pdf = await exportAs('queue-export-pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-e2e-dashboard-'));
    try {
      const file = path.join(folder, 'drill.pdf');
      fs.writeFileSync(file, pdf.bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      expect(text).toContain(`第 1 页，共 ${pages} 页`);
      expect(text).toMatch(/生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      // The same requests, in the same order, as the workbook.
      expect([...text.matchAll(/SR-\d{8}-\d{4}/g)].map((m) => m[0])).toEqual(numbers);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await shot('exported');
  });

  step('clears the dashboard condition: the plain queue again', async () => {
    await page.getByTestId('drill-clear').click();
    await expect.poll(() => page.getByTestId('drill-banner').count()).toBe(0);
    expect(page.url()).not.toContain('drill=');
    expect(pageErrors).toEqual([]);
  });
});
