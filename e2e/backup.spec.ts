import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { enterRequest, screenshot, setUpDesk, signIn, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// Backup and restore, in Chinese, as the administrator: 立即备份 with progress → the backup
// in the list, verified, with its counts → data changes (a new request, a new company name)
// → restore from the backup, confirmed in a dialog showing its date and counts → the web
// host restarts on the restored database, the page reloads, the administrator signs in
// again and finds the data as it was backed up; the database as it was is kept aside.

const COMPANY = '无锡恒温空调服务有限公司';
const RENAMED = '无锡恒温空调服务中心（改名后）';
const ADMIN = { username: 'admin', password: 'Hengwen#2024', displayName: '周主管' };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const BEFORE = `机房精密空调漏水 ${RUN}`;
const AFTER = `恢复前录入的请求 ${RUN}`;

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await screenshot(page, `backup-${name}`);
}

/** Enters a request for a new customer from the queue (keyboard intake). */
async function createRequest(customer: string, subject: string): Promise<void> {
  await enterRequest(page, { customer, subject, description: '客户反映设备运行异常，需要上门检查。' });
}

async function openBackupPage(): Promise<void> {
  await page.getByTestId('nav-backup').click();
  await page.getByTestId('backup-page').waitFor();
}

describe('backup and restore', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  }, 90_000);

  afterAll(async () => {
    await stopDesk({ host, browser });
  });

  step('the administrator sets up the desk and enters a request', async () => {
    await setUpDesk(page, { url: host.url, companyName: COMPANY, admin: ADMIN });
    await createRequest(`宜兴华能电子有限公司${RUN}`, BEFORE);
  });

  step('备份与恢复: no backups yet, the default folder in the data folder, daily at 02:00 keeping 7 / 4 / 12', async () => {
    await openBackupPage();
    await page.getByTestId('backup-empty').waitFor();
    expect(await page.getByTestId('backup-list-folder').textContent()).toContain(host.dataDir);
    expect(await page.getByTestId('backup-time').inputValue()).toBe('02:00');
    expect(await page.getByTestId('backup-keepDaily').inputValue()).toBe('7 天');
    expect(await page.getByTestId('backup-keepWeekly').inputValue()).toBe('4 周');
    expect(await page.getByTestId('backup-keepMonthly').inputValue()).toBe('12 个月');
    expect(await page.getByTestId('backup-enabled').isChecked()).toBe(true);
  });

  step('a relative folder is refused under the field, in Chinese', async () => {
    await page.getByTestId('backup-folder').fill('备份');
    await page.getByTestId('backup-settings-submit').click();
    await page.getByText('请填写完整路径').waitFor();
    await page.getByTestId('backup-folder').fill('');
    await page.getByTestId('backup-settings-submit').click();
    await page.getByText('备份设置已保存').waitFor();
  });

  step('立即备份: the backup appears in the list, verified, with what it holds', async () => {
    await page.getByTestId('backup-run').click();
    await page.getByText('备份已完成并通过校验').waitFor();
    const row = page.getByTestId('backup-row').filter({ has: page.getByTestId('backup-verified') });
    await row.waitFor();
    expect(await page.getByTestId('backup-row').count()).toBe(1);
    expect(await row.getAttribute('data-kind')).toBe('manual');
    const counts = await row.getByTestId('backup-counts').textContent();
    expect(counts).toContain('客户 1');
    expect(counts).toContain('服务请求 1');
    expect(counts).toContain('用户 1');
    expect(await row.textContent()).toContain('手动');
    await page.getByTestId('backup-run-row').filter({ hasText: '成功' }).waitFor();
    await shot('list');
  });

  step('the data changes after the backup: another request, a new company name', async () => {
    await createRequest(`江阴远洋物流有限公司${RUN}`, AFTER);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-company-name').fill(RENAMED);
    await page.getByTestId('settings-submit').click();
    await page.getByTestId('company-name').filter({ hasText: RENAMED }).waitFor();
  });

  step('restore: the dialog shows the backup’s date and counts; confirming restarts the app on it', async () => {
    await openBackupPage();
    await page.getByTestId('backup-row').filter({ has: page.getByTestId('backup-verified') }).getByTestId('backup-restore').click();
    const modal = page.getByTestId('restore-modal');
    await modal.getByTestId('restore-date').waitFor();
    expect(await modal.getByTestId('restore-date').textContent()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await modal.getByTestId('restore-counts').textContent()).toContain('服务请求 1');
    await shot('confirm');
    await modal.getByTestId('restore-submit').click();
    await page.getByTestId('backup-restarting').waitFor();
    // The page reloads once the restarted app answers; sessions ended with the old core.
    await page.getByTestId('sign-in-form').waitFor({ timeout: 30_000 });
  });

  step('signed in again: the data as it was backed up, and the database before the restore kept aside', async () => {
    await signIn(page, ADMIN);
    await page.getByTestId('company-name').filter({ hasText: COMPANY }).waitFor();
    // The reload kept the address: back on 备份与恢复, so to the queue.
    await page.getByTestId('backup-page').waitFor();
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('ticket-row').filter({ hasText: BEFORE }).waitFor();
    expect(await page.getByTestId('ticket-row').filter({ hasText: AFTER }).count()).toBe(0);
    await openBackupPage();
    const aside = page.getByTestId('backup-row').filter({ hasText: '恢复前另存' });
    await aside.waitFor();
    expect(await aside.getByTestId('backup-counts').textContent()).toContain('服务请求 2');
    expect(await page.getByTestId('backup-row').count()).toBe(2);
    await shot('after-restore');
  });

  step('加密备份: a short or mismatched passphrase refused; then backups are encrypted and marked so', async () => {
    await page.getByTestId('backup-encrypt').click();
    await page.getByTestId('backup-passphrase').fill('太短的口令');
    await page.getByTestId('backup-settings-submit').click();
    await page.getByText('口令至少 12 个字符').waitFor();
    await page.getByTestId('backup-passphrase').fill('机房钥匙在值班台第二个抽屉');
    await page.getByTestId('backup-passphrase-confirm').fill('机房钥匙在值班台第三个抽屉');
    await page.getByTestId('backup-settings-submit').click();
    await page.getByText('两次输入的口令不一致').waitFor();
    await page.getByTestId('backup-passphrase-confirm').fill('机房钥匙在值班台第二个抽屉');
    await page.getByTestId('backup-settings-submit').click();
    await page.getByText('备份设置已保存').waitFor();
    await page.getByTestId('backup-run').click();
    await page.getByTestId('backup-row').filter({ has: page.getByTestId('backup-encrypted') }).waitFor();
    const encrypted = page.getByTestId('backup-row').filter({ has: page.getByTestId('backup-encrypted') });
    expect(await encrypted.getAttribute('data-file')).toMatch(/\.db\.enc$/);
    expect(await encrypted.getByTestId('backup-counts').textContent()).toContain('服务请求 1');
    await shot('encrypted');
    expect(pageErrors).toEqual([]);
  });
});
