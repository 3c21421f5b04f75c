import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { databasePath } from '../src-main/host/paths';
import { appendAudit } from '../src-main/features/audit/record';
import { parseCsv } from '../src-main/features/imports/readTable';
import { AUDIT_PAGE_SIZE } from '../src-shared/contract';
import { addAccount, fillSetupForm, screenshot, signIn, signOut, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// The administrators' audit trail, in Chinese, on a desk with demo data: the administrator
// renames the company in 系统设置 → an agent mistypes their password once, signs in and
// opens a customer's 360 page → the administrator signs in again and opens 审计日志: the
// newest entry is their own sign-in → 全部：账户与登录 shows only sign-in entries, each
// with the right person (the failure with 密码错误), and the agent's alone when the person
// filter names them → 查看客户360视图 names the agent and links the customer (there and
// back, the filter stays, and the administrator's own look is recorded) → the settings
// change shows 公司名称 and its full input → object type and number, and desk days, narrow
// the search → 校验完整性 says the chain is intact → 导出 →
// CSV downloads audit-<desk time>.csv (BOM, Chinese headers, the filtered entries) → a long
// trail pages with 加载更多 → someone edits an entry in the database file behind the
// desk's back, and 校验完整性 names that entry in red.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '刘经理' };
const AGENT = { username: 'xiaoming', password: 'Kefu#Shanghai-2024', displayName: '王小明', role: 'agent' as const };
const COMPANY = '江南机电售后服务中心';
const RENAMED = '江南机电售后服务中心（华东）';
const HEADERS = ['时间', '操作人', '操作', '对象类型', '对象编号', '详情'];
const JOB_MS = 60_000;
const DAY_MS = 86_400_000;
/** Days on the desk's calendar (Asia/Shanghai, as first-run setup records it here). */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let customerId = 0;

async function shot(name: string): Promise<void> {
  await screenshot(page, `audit-${name}`);
}

function readDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(databasePath(host.dataDir), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The actions of the rows the table shows, top to bottom. */
function rowActions(): Promise<string[]> {
  return page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action') ?? ''));
}

/** Picks an option of the action filter by its label. */
async function filterAction(option: string): Promise<void> {
  await page.getByTestId('audit-filter-action').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('audit trail: search, verify and export', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk({ acceptDownloads: true }));
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk with demo data', async () => {
    await page.goto(host.url);
    await page.getByTestId('setup-form').waitFor();
    await fillSetupForm(page, { companyName: COMPANY, admin: ADMIN });
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('ticket-row').first().waitFor({ timeout: 45_000 });
  });

  step('the administrator renames the company in 系统设置', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-company-name').fill(RENAMED);
    await page.getByTestId('settings-submit').click();
    await expect.poll(() => page.getByTestId('company-name').first().textContent()).toBe(RENAMED);
    // Only administrators see the audit trail.
    await page.getByTestId('nav-audit').waitFor();
    await signOut(page);
  });

  step('an agent mistypes the password once, signs in and opens a customer’s 360 page', async () => {
    await addAccount(host.dataDir, AGENT);
    await page.locator('input[name=username]').fill(AGENT.username);
    await page.locator('input[name=password]').fill('wrong-password-1');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').waitFor();
    await signIn(page, AGENT);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row-name').first().click();
    const profile = page.getByTestId('customer-page');
    await profile.waitFor();
    customerId = Number(await profile.getAttribute('data-customer-id'));
    expect(customerId).toBeGreaterThan(0);
    // Back to the queue: whoever signs in next lands there, not on the customer's page.
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('ticket-row').first().waitFor();
    await signOut(page);
  });

  step('the administrator opens 审计日志: the newest entry is their own sign-in', async () => {
    await signIn(page, ADMIN);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-page').waitFor();
    const first = page.getByTestId('audit-row').first();
    await expect.poll(() => first.getAttribute('data-action')).toBe('auth.signIn');
    expect(await first.getByTestId('audit-row-person').textContent()).toBe(ADMIN.displayName);
    expect(await first.getByTestId('audit-row-action').textContent()).toContain('登录');
    await shot('01-trail');
  });

  step('全部：账户与登录 shows only sign-in entries, each with the right person', async () => {
    await filterAction('全部：账户与登录 (auth.)');
    await expect.poll(async () => (await rowActions()).every((a) => a.startsWith('auth.'))).toBe(true);
    const expected = readDb((db) => db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'auth.%'").get() as { n: number }).n;
    await expect.poll(async () => (await rowActions()).length).toBe(expected);
    // Newest first: the admin's sign-in, the agent's sign-out, sign-in and failed attempt, the admin's sign-out.
    expect((await rowActions()).slice(0, 5)).toEqual(['auth.signIn', 'auth.signOut', 'auth.signIn', 'auth.signInFailed', 'auth.signOut']);
    const people = await page.getByTestId('audit-row-person').allTextContents();
    // A failed sign-in names the account tried; who typed the password is unknown.
    expect(people.slice(0, 5)).toEqual([ADMIN.displayName, AGENT.displayName, AGENT.displayName, '未知（未登录）', ADMIN.displayName]);
    const failed = page.locator('[data-testid=audit-row][data-action="auth.signInFailed"]').first();
    expect(await failed.getByTestId('audit-row-action').textContent()).toContain('登录失败');
    const details = await failed.getByTestId('audit-details').textContent();
    expect(details).toContain('密码错误');
    expect(details).toContain(AGENT.username);
    await shot('02-auth-family');
  });

  step('the person filter narrows it to the agent; the filters live in the address', async () => {
    await page.getByTestId('audit-filter-person').click();
    await page.getByRole('option', { name: `${AGENT.displayName} (${AGENT.username})`, exact: true }).click();
    await expect.poll(rowActions).toEqual(['auth.signOut', 'auth.signIn']);
    expect(new Set(await page.getByTestId('audit-row-person').allTextContents())).toEqual(new Set([AGENT.displayName]));
    expect(new URL(page.url()).hash).toMatch(/^#\/audit\?user=\d+&action=auth\.$/);
    await page.getByTestId('audit-filter-clear').click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/audit');
  });

  step('查看客户360视图 names the agent and links the customer', async () => {
    await filterAction('查看客户360视图 (customer.view)');
    await expect.poll(rowActions).toEqual(['customer.view']);
    const row = page.getByTestId('audit-row').first();
    expect(await row.getByTestId('audit-row-person').textContent()).toBe(AGENT.displayName);
    expect(await row.getByTestId('audit-row-entity').textContent()).toBe(`客户 #${customerId}`);
    expect(await row.getByTestId('audit-row-link').getAttribute('href')).toBe(`#/customers/${customerId}`);
    // To the customer and back: the filter is still there, and the administrator's own look is on the trail.
    await row.getByTestId('audit-row-link').click();
    await page.getByTestId('customer-page').waitFor();
    await page.goBack();
    await page.getByTestId('audit-page').waitFor();
    await expect.poll(rowActions).toEqual(['customer.view', 'customer.view']);
    expect(await page.getByTestId('audit-row-person').allTextContents()).toEqual([ADMIN.displayName, AGENT.displayName]);
  });

  step('the settings change shows what changed, with the full input a click away', async () => {
    await filterAction('修改系统设置 (settings.update)');
    await expect.poll(rowActions).toEqual(['settings.update']);
    const row = page.getByTestId('audit-row').first();
    expect(await row.getByTestId('audit-row-person').textContent()).toBe(ADMIN.displayName);
    expect(await row.getByTestId('audit-detail-line').allTextContents()).toContain(`公司名称：${RENAMED}`);
    await row.getByTestId('audit-details-toggle').click();
    const json = JSON.parse((await row.getByTestId('audit-details-json').textContent()) ?? '') as { input: { companyName: string } };
    expect(json.input.companyName).toBe(RENAMED);
    await shot('03-settings-entry');
  });

  step('object type and number, and desk days, narrow the search', async () => {
    await page.getByTestId('audit-filter-clear').click();
    await page.getByTestId('audit-filter-entity').click();
    await page.getByRole('option', { name: '客户', exact: true }).click();
    await page.getByTestId('audit-filter-entity-id').fill(String(customerId));
    await expect.poll(rowActions).toEqual(['customer.view', 'customer.view']);
    await page.getByTestId('audit-filter-clear').click();
    // Today on the desk's calendar holds everything; from tomorrow on, nothing yet.
    await page.getByTestId('audit-filter-from').fill(TODAY);
    await page.getByTestId('audit-filter-to').fill(TODAY);
    const start = Date.parse(`${TODAY}T00:00:00+08:00`);
    const today = readDb((db) => db.prepare('SELECT count(*) AS n FROM audit_log WHERE at >= ? AND at < ?').get(start, start + DAY_MS) as { n: number }).n;
    expect(today).toBeGreaterThan(0);
    await expect.poll(async () => (await rowActions()).length).toBe(Math.min(today, AUDIT_PAGE_SIZE));
    await page.getByTestId('audit-filter-from').fill(TOMORROW);
    await page.getByTestId('audit-filter-to').fill('');
    await page.getByTestId('audit-empty').waitFor();
    await page.getByTestId('audit-filter-clear').click();
  });

  step('校验完整性: every entry intact', async () => {
    await page.getByTestId('audit-verify').click();
    const intact = page.getByTestId('audit-verify-intact');
    await intact.waitFor();
    const total = readDb((db) => db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    // Every entry written before the check (which is itself recorded, after it ran).
    const checked = Number(await intact.getAttribute('data-checked'));
    expect(checked).toBeLessThan(total);
    expect(checked).toBeGreaterThanOrEqual(total - 3);
    expect(await intact.textContent()).toContain(`${checked} 条记录完整`);
    await shot('04-verified');
  });

  step('导出 → CSV: audit-<desk time>.csv with a BOM, Chinese headers and the filtered entries', async () => {
    await filterAction('全部：账户与登录 (auth.)');
    await expect.poll(async () => (await rowActions()).every((a) => a.startsWith('auth.'))).toBe(true);
    const download = page.waitForEvent('download', { timeout: JOB_MS });
    await page.getByTestId('audit-export').click();
    await page.getByTestId('audit-export-csv').click();
    const file = await download;
    const bytes = fs.readFileSync(await file.path());
    await page.getByTestId('audit-export-saved').waitFor();
    expect(file.suggestedFilename()).toMatch(/^audit-\d{8}-\d{4}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1)).rows.map((r) => r.cells);
    expect(rows[0]).toEqual(HEADERS);
    const entries = readDb((db) => db.prepare("SELECT id, action FROM audit_log WHERE action LIKE 'auth.%' ORDER BY id DESC").all() as { id: number; action: string }[]);
    // Actions and objects in the user's words, as the page shows them.
    const words: Record<string, string> = { 'auth.signIn': '登录', 'auth.signOut': '退出登录', 'auth.signInFailed': '登录失败' };
    expect(rows.slice(1).map((r) => r[2])).toEqual(entries.map((e) => words[e.action] ?? e.action));
    expect(rows[1]!.slice(1, 4)).toEqual([ADMIN.displayName, '登录', '账户']);
    const failed = rows.find((r) => r[2] === '登录失败')!;
    // Whoever typed the wrong password is unknown.
    expect(failed[1]).toBe('未知（未登录）');
    expect(JSON.parse(failed[5]!)).toEqual({ username: AGENT.username, reason: 'badPassword' });
    // The export is on the trail too.
    await page.getByTestId('audit-export-close').click();
    await filterAction('全部：数据导出 (export.)');
    await expect.poll(rowActions).toEqual(['export.audit']);
    expect(await page.getByTestId('audit-row-person').first().textContent()).toBe(ADMIN.displayName);
    await shot('05-exported');
  });

  step('a long trail comes a page at a time: 加载更多 brings the older entries', async () => {
    // A busy day of assignments, chained as the desk chains them.
    const MORE = AUDIT_PAGE_SIZE + 30;
    const db = new Database(databasePath(host.dataDir));
    try {
      const agentId = (db.prepare('SELECT id FROM users WHERE username = ?').get(AGENT.username) as { id: number }).id;
      const start = Date.now();
      db.transaction(() => {
        for (let i = 0; i < MORE; i++) {
          appendAudit(db, start + i, { userId: agentId, action: 'tickets.assign', entity: 'ticket', entityId: 1 + (i % 20), details: { input: { ticketId: 1 + (i % 20), assigneeId: agentId } } });
        }
      })();
    } finally {
      db.close();
    }
    await page.getByTestId('audit-refresh').click();
    await filterAction('全部：服务请求 (tickets.)');
    await expect.poll(async () => (await rowActions()).length).toBe(AUDIT_PAGE_SIZE);
    expect(await page.getByTestId('audit-count').textContent()).toContain(`已显示 ${AUDIT_PAGE_SIZE} 条`);
    await page.getByTestId('audit-load-more').click();
    await expect.poll(async () => (await rowActions()).length).toBe(MORE);
    expect(await page.getByTestId('audit-load-more').count()).toBe(0);
    expect(await page.getByTestId('audit-count').textContent()).toContain(`共 ${MORE} 条`);
    // Each links its request.
    const link = page.getByTestId('audit-row').first().getByTestId('audit-row-link');
    expect(await link.getAttribute('href')).toMatch(/^#\/tickets\/\d+$/);
    // Still one unbroken chain, now longer by them.
    const before = Number(await page.getByTestId('audit-verify-intact').getAttribute('data-checked'));
    await page.getByTestId('audit-verify').click();
    await expect.poll(async () => Number(await page.getByTestId('audit-verify-intact').getAttribute('data-checked'))).toBeGreaterThanOrEqual(before + MORE);
    await shot('06-load-more');
  });

  step('an entry edited in the database file behind the desk’s back: 校验完整性 names it in red', async () => {
    const db = new Database(databasePath(host.dataDir));
    let tampered = 0;
    try {
      tampered = (db.prepare("SELECT id FROM audit_log WHERE action = 'settings.update'").get() as { id: number }).id;
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare('UPDATE audit_log SET details = ? WHERE id = ?').run(JSON.stringify({ input: { companyName: COMPANY } }), tampered);
    } finally {
      db.close();
    }
    await page.getByTestId('audit-verify').click();
    const broken = page.getByTestId('audit-verify-broken');
    await broken.waitFor();
    expect(Number(await broken.getAttribute('data-broken-at'))).toBe(tampered);
    const text = (await broken.textContent()) ?? '';
    expect(text).toContain(`#${tampered}`);
    expect(text).toContain('从改动前的备份恢复');
    expect(await broken.getByTestId('audit-verify-open-backup').getAttribute('href')).toBe('#/backup');
    await shot('07-broken');
    expect(pageErrors).toEqual([]);
  });
});
