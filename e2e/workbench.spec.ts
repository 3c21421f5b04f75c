import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { addAccount, enterRequest, screenshot, setUpDesk, signIn, signOut, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// Automatic assignment and the engineer's day, in Chinese, on a desk without demo data:
// the service manager sets up a rule (any product line, any problem category, least load)
// with engineer 李工 → a new request is assigned to him on entry → he finds it on his
// workbench and prints its dispatch sheet → he marks himself away (暂离) → the next request
// stays pending assignment (待分配).
//
// There is no user-management UI yet, so the engineer account is written straight into
// the host's database (WAL lets a second connection write while the host runs).

const COMPANY = '苏州捷达暖通服务有限公司';
const ADMIN = { username: 'admin', password: 'Nuantong#2024', displayName: '陈经理' };
const ENGINEER = { username: 'li', password: 'Shangmen#2024', displayName: '李工' };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const RULE = `全部请求 ${RUN}`;
const CUSTOMER = `吴江恒达纺织有限公司${RUN}`;
const SUBJECT = `车间空调外机异响 ${RUN}`;
const CUSTOMER_2 = `太仓港联物流有限公司${RUN}`;
const SUBJECT_2 = `冷库温控器报警 ${RUN}`;

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await screenshot(page, `workbench-${name}`);
}

/** Enters a request for a new customer from the queue and opens it. */
async function createRequest(customer: string, subject: string): Promise<void> {
  await (await enterRequest(page, { customer, subject, description: '运行时有明显金属摩擦声，客户担心停机。' })).click();
  await page.getByTestId('ticket-detail').waitFor();
}

async function expectStatus(code: string, zh: string): Promise<void> {
  const badge = page.getByTestId('ticket-detail').locator(`[data-status="${code}"]`).first();
  await badge.waitFor();
  expect(await badge.textContent()).toBe(zh);
}

describe('workbench: automatic assignment, the engineer workbench and the dispatch sheet', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk in Chinese without demo data, then adds engineer 李工', async () => {
    await setUpDesk(page, { url: host.url, companyName: COMPANY, admin: ADMIN });
    await addAccount(host.dataDir, { ...ENGINEER, role: 'engineer' });
    // Forget the engineer list the queue already fetched.
    await page.reload();
    await page.getByTestId('queue-empty').waitFor();
    // The administrator manages rules but owns no requests: no workbench.
    expect(await page.getByTestId('nav-workbench').count()).toBe(0);
  });

  step('the administrator creates a rule: any product line, any problem category, least load, 李工', async () => {
    await page.getByTestId('nav-assignment').click();
    await page.getByTestId('assignment-page').waitFor();
    expect(await page.getByTestId('nav-assignment').textContent()).toBe('自动分配规则');
    expect(await page.getByTestId('assignment-explanation').textContent()).toContain('第一条匹配且有在岗服务工程师的规则');
    await page.getByTestId('rules-empty').waitFor();

    await page.getByTestId('rule-add').click();
    const form = page.getByTestId('rule-form');
    await form.waitFor();
    await page.getByTestId('rule-name-input').fill(RULE);
    // New rules match everything and balance the load until told otherwise.
    expect(await page.getByTestId('rule-product-line-select').locator('option:checked').textContent()).toBe('全部');
    expect(await page.getByTestId('rule-category-select').locator('option:checked').textContent()).toBe('全部');
    expect(await form.getByLabel('最少负载').isChecked()).toBe(true);
    // Saving without an engineer is refused in the form.
    await page.getByTestId('rule-submit').click();
    await form.getByText('请至少选择一位服务工程师').waitFor();
    await form.getByRole('checkbox', { name: ENGINEER.displayName }).check();
    await shot('01-rule-form');
    await page.getByTestId('rule-submit').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    const row = page.getByTestId('rule-row').filter({ hasText: RULE });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 7)).toEqual(['10', RULE, '全部', '全部', '最少负载', ENGINEER.displayName, '启用']);
    expect(await row.getByTestId('rule-engineer-chip').getAttribute('data-available')).toBe('true');
    await shot('02-rules');
  });

  step('a new request is assigned to 李工 on entry', async () => {
    await createRequest(CUSTOMER, SUBJECT);
    await expectStatus('assigned', '已分配');
    expect(await page.getByTestId('assignee').textContent()).toBe(ENGINEER.displayName);
    await shot('03-auto-assigned');
  });

  step('李工 finds it on his workbench', async () => {
    await signOut(page);
    await signIn(page, ENGINEER);
    // Engineers see their workbench but not the rules.
    expect(await page.getByTestId('nav-assignment').count()).toBe(0);
    await page.getByTestId('nav-workbench').click();
    await page.getByTestId('workbench-page').waitFor();
    expect(await page.getByTestId('nav-workbench').textContent()).toBe('我的工作台');
    const row = page.getByTestId('workbench-row').filter({ hasText: SUBJECT });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(CUSTOMER);
    expect(text).toContain('已分配');
    expect(await page.getByTestId('workbench-row').count()).toBe(1);
    expect(await page.getByTestId('workbench-hours').textContent()).toBe('0:00');
    expect(await page.getByTestId('workbench-visits').textContent()).toBe('0');
    await shot('04-workbench');
  });

  step('opens its dispatch sheet, ready to print', async () => {
    await page.getByTestId('workbench-row').filter({ hasText: SUBJECT }).getByTestId('workbench-dispatch-sheet').click();
    const sheet = page.getByTestId('dispatch-sheet');
    await sheet.waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/tickets\/\d+\/dispatch-sheet$/);
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('现场服务派工单');
    expect(text).toContain(COMPANY);
    expect(text).toContain(CUSTOMER);
    expect(text).toContain(SUBJECT);
    expect(text).toContain('服务工程师签字');
    expect(text).toContain('客户签字');
    expect(await page.getByTestId('sheet-engineer').textContent()).toBe(ENGINEER.displayName);
    await shot('05-dispatch-sheet');

    // The button prints the page (stubbed: a real print dialog would block the browser).
    await page.evaluate('window.print = () => { window.__printed = (window.__printed || 0) + 1; }');
    expect(await page.getByTestId('sheet-print').textContent()).toBe('打印 / 保存为 PDF');
    await page.getByTestId('sheet-print').click();
    expect(await page.evaluate('window.__printed')).toBe(1);

    // On paper only the sheet remains: no header, navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.mantine-AppShell-header').isVisible()).toBe(false);
      expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
      expect(await page.getByTestId('sheet-print').isVisible()).toBe(false);
      expect(await sheet.isVisible()).toBe(true);
      await shot('06-dispatch-sheet-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.getByTestId('sheet-print').isVisible()).toBe(true);
  });

  step('李工 marks himself away (暂离)', async () => {
    await page.getByTestId('user-menu').click();
    const toggle = page.getByRole('switch', { name: '在岗 / 暂离' });
    await toggle.waitFor({ state: 'attached' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => toggle.getAttribute('data-available')).toBe('false');
    expect(await toggle.isChecked()).toBe(false);
    await page.getByRole('menu').getByText('暂离', { exact: true }).waitFor();
    await shot('07-away');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'hidden' });
  });

  step('back as the administrator, the next request stays 待分配', async () => {
    await signOut(page);
    await signIn(page, ADMIN);
    await createRequest(CUSTOMER_2, SUBJECT_2);
    await expectStatus('pending_assignment', '待分配');
    expect(await page.getByTestId('assignee').textContent()).toBe('未分配');
    await shot('08-pending');

    // The rules page shows 李工 away; the service manager may mark him back.
    await page.getByTestId('nav-assignment').click();
    const chip = page.getByTestId('rule-row').filter({ hasText: RULE }).getByTestId('rule-engineer-chip');
    await expect.poll(() => chip.getAttribute('data-available')).toBe('false');
    await page.getByTestId('engineer-availability').getByRole('switch', { name: `${ENGINEER.displayName}：在岗 / 暂离` }).waitFor({ state: 'attached' });
    await shot('09-rules-away');
    expect(pageErrors).toEqual([]);
  });
});
