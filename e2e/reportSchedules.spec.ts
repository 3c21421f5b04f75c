import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { screenshot, setUpDemoDeskAs, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// A service manager schedules the SLA report weekly with the picker (周一、周五 07:30, last
// 30 days, Excel) into a folder: a folder that does not exist is refused in words, the
// schedule is listed with its time in words and its next run, 立即运行 writes the workbook
// into the folder (its run listed as 成功 with the file's name, rows and size), the
// workbook opens; editing shows the saved time in the picker, and it pauses and resumes.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '周主管' };
const MANAGER = { username: 'liming', password: 'Baobiao#2024', displayName: '李明', role: 'supervisor' as const };

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let folder: string;

async function shot(name: string): Promise<void> {
  await screenshot(page, `reportSchedules-${name}`);
}

describe('scheduled reports: a weekly SLA report into a folder, run now', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
    folder = fs.mkdtempSync(path.join(os.tmpdir(), '服务报表-'));
  });

  afterAll(async () => {
    await stopDesk({ host, browser });
    fs.rmSync(folder, { recursive: true, force: true });
  });

  step('sets up the desk with demo data; the service manager signs in', async () => {
    await setUpDemoDeskAs(page, host, { companyName: '江南机电售后服务中心', admin: ADMIN }, MANAGER);
  });

  step('opens 定时报表 and fills a weekly schedule with the picker', async () => {
    await page.getByTestId('nav-report-schedules').click();
    await page.getByTestId('schedules-empty').waitFor();
    await page.getByTestId('schedule-add').click();
    await page.getByTestId('schedule-name').fill('每周服务时效');
    await page.getByTestId('schedule-report').click();
    await page.getByRole('option', { name: '服务时效（SLA）达成' }).click();
    await page.getByTestId('schedule-period').click();
    await page.getByRole('option', { name: '最近 30 天' }).click();
    // Weekly on Monday is the picker's start: add Friday, at 07:30.
    await page.getByTestId('schedule-mode').getByText('每周', { exact: true }).click();
    await page.getByTestId('schedule-weekdays').getByText('周五', { exact: true }).click();
    await page.getByTestId('schedule-time').fill('07:30');
    await expect.poll(() => page.getByTestId('schedule-when-text').textContent()).toMatch(/^每周一、周五 07:30 · 接下来：/);
    await shot('01-picker');
  });

  step('a folder that does not exist is refused with a reason', async () => {
    await page.getByTestId('schedule-folder').fill(path.join(folder, '不存在'));
    await page.getByTestId('schedule-save').click();
    await page.getByText('找不到此文件夹，请检查路径和网络共享是否可用').waitFor();
    await shot('02-folder-refused');
  });

  step('saves into the folder: listed with its time in words and its next run', async () => {
    await page.getByTestId('schedule-folder').fill(folder);
    await page.getByTestId('schedule-save').click();
    const row = page.getByTestId('schedule-row');
    await row.waitFor();
    expect(await row.getByTestId('schedule-when').textContent()).toBe('每周一、周五 07:30');
    expect(await row.getByTestId('schedule-next').textContent()).toMatch(/^\d{4}\/\d{2}\/\d{2} 07:30$/);
    expect(await row.textContent()).toContain('服务时效（SLA）达成 · 最近 30 天 · Excel 工作簿（.xlsx）');
    await shot('03-listed');
  });

  step('立即运行: the run succeeds and the workbook is in the folder', async () => {
    const row = page.getByTestId('schedule-row');
    await row.getByTestId('schedule-run-now').click();
    await expect.poll(() => row.getByTestId('run-outcome').getAttribute('data-outcome'), { timeout: 60_000 }).toBe('ok');
    await row.getByTestId('schedule-show-runs').click();
    const run = page.getByTestId('run-row').first();
    await run.waitFor();
    expect(await run.getAttribute('data-outcome')).toBe('ok');
    const fileName = (await run.getByTestId('run-file').textContent()) ?? '';
    expect(fileName).toMatch(/^每周服务时效-\d{8}-\d{4}\.xlsx$/);
    expect(await run.textContent()).toContain('手动（李明）');
    expect(fs.readdirSync(folder)).toEqual([fileName]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(folder, fileName));
    expect(book.worksheets.length).toBeGreaterThan(1);
    expect(JSON.stringify(book.worksheets[0]!.getSheetValues())).toContain('服务时效（SLA）达成');
    await shot('04-run-ok');
    await page.keyboard.press('Escape');
  });

  step('edit opens the picker on the saved time; pause and resume', async () => {
    const row = page.getByTestId('schedule-row');
    await row.getByTestId('schedule-more').click();
    await page.getByTestId('schedule-edit').click();
    await expect.poll(() => page.getByTestId('schedule-when-text').textContent()).toMatch(/^每周一、周五 07:30/);
    await page.getByRole('button', { name: '取消' }).click();
    await row.getByTestId('schedule-more').click();
    await page.getByTestId('schedule-pause').click();
    await expect.poll(() => row.getAttribute('data-paused')).toBe('true');
    expect(await row.getByTestId('schedule-next').textContent()).toBe('已暂停');
    await row.getByTestId('schedule-more').click();
    await page.getByTestId('schedule-pause').click();
    await expect.poll(() => row.getByTestId('schedule-next').textContent()).toMatch(/^\d{4}\/\d{2}\/\d{2} 07:30$/);
    expect(pageErrors).toEqual([]);
  });
});
