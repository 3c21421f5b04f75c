import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { fillSetupForm, screenshot, signOut, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// One journey of a new desk, in Chinese: first-run setup with demo data → sign out → sign
// in (a wrong password first) → a service request entered with the keyboard only → found
// in the queue and by a two-character Chinese search → opened → sign out.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '王经理' };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const CUSTOMER = `苏州湖畔物业管理有限公司${RUN}`;
const SUBJECT = `三楼会议室空调漏水 ${RUN}`;

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let createdNumber = '';

async function shot(name: string): Promise<void> {
  await screenshot(page, name);
}

describe('journey: first run to a keyboard-entered service request', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  });

  afterAll(() => stopDesk({ host, browser }));

  step('runs first-run setup in Chinese with demo data', async () => {
    await page.goto(host.url);
    await page.getByTestId('setup-form').waitFor();
    // The token is kept for the tab and taken out of the visible address.
    expect(page.url()).not.toContain('token=');
    await expect(page.getByRole('heading', { name: '欢迎使用 ServiceLoop' }).isVisible()).resolves.toBe(true);

    await fillSetupForm(page, { companyName: '华东制冷设备服务有限公司', admin: ADMIN });
    expect(await page.locator('input[name=demoData]').isChecked()).toBe(true);
    await shot('01-setup');
    await page.getByTestId('setup-submit').click();

    await page.getByTestId('ticket-row').first().waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('company-name').textContent()).resolves.toBe('华东制冷设备服务有限公司');
    await expect(page.getByTestId('nav-tickets').textContent()).resolves.toContain('服务请求');
    expect(page.url()).toContain('#/tickets');
    await shot('02-queue-after-setup');
  });

  step('signs out, rejects a wrong password, signs in', async () => {
    await signOut(page);

    await page.locator('input[name=username]').fill(ADMIN.username);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('用户名或密码错误，请重新输入。');
    await shot('03-sign-in-wrong-password');

    await page.locator('input[name=password]').fill(ADMIN.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('ticket-row').first().waitFor();
  });

  step('opens the command palette with Ctrl+K', async () => {
    await page.locator('body').focus();
    await page.keyboard.press('Control+K');
    const palette = page.getByText('切换深色模式');
    await palette.waitFor();
    expect(await page.getByText('新建服务请求', { exact: true }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });
  });

  step('creates a service request with the keyboard alone', async () => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('n');
    const form = page.getByTestId('new-ticket-form');
    await form.waitFor();
    // The customer field has the focus as the form opens.
    await page.locator('[data-testid="customer-input"]:focus').waitFor();

    await page.keyboard.type(CUSTOMER);
    await page.getByTestId('customer-create').waitFor();
    expect(await page.getByTestId('customer-create').textContent()).toBe(`新建客户：${CUSTOMER}`);
    await page.keyboard.press('Enter');
    await page.getByText(`将新建客户“${CUSTOMER}”`).waitFor();

    // Saving without a subject: main's VALIDATION lands on the subject field, translated.
    await page.keyboard.press('Control+Enter');
    await page.getByText('此项为必填项').waitFor();

    // Tab through the form (customer phone, contact, product, type, priority, channel) to the subject.
    let tabs = 0;
    while ((await page.locator('input[name="subject"]:focus').count()) === 0) {
      await page.keyboard.press('Tab');
      if (++tabs > 20) throw new Error('The subject field was not reached with Tab');
    }
    await page.keyboard.type(SUBJECT);
    await page.keyboard.press('Tab');
    await page.keyboard.type('客户反映会议室空调内机滴水，需要上门检修。');
    await shot('04-new-request-form');
    await page.keyboard.press('Control+Enter');

    await form.waitFor({ state: 'hidden' });
    const created = page.getByTestId('created-number');
    await created.waitFor();
    const text = (await created.textContent()) ?? '';
    const match = /SR-\d{8}-\d{4}/.exec(text);
    expect(match, text).not.toBeNull();
    createdNumber = match![0];
    await shot('05-created');
  });

  step('shows the new request at the top of the queue, highlighted', async () => {
    const row = page.getByTestId('ticket-row').filter({ hasText: SUBJECT });
    await row.waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(await row.textContent()).toContain(createdNumber);
    expect(await row.textContent()).toContain('待分配');
    expect(await page.getByTestId('ticket-row').first().textContent()).toContain(SUBJECT);

    // J and K move the selection.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('j');
    expect(await page.getByTestId('ticket-row').nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    expect(await row.getAttribute('aria-selected')).toBe('true');
  });

  step('finds it with the two-character search term 漏水', async () => {
    const search = page.getByTestId('global-search');
    await search.click();
    await search.fill('漏水');
    await page.keyboard.press('Enter');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('text=漏水');
    const row = page.getByTestId('ticket-row').filter({ hasText: SUBJECT });
    await row.waitFor();
    // Every row shown matches the term somewhere; ours is the newest.
    expect(await page.getByTestId('ticket-row').first().textContent()).toContain(SUBJECT);
    await shot('06-search-loushui');
  });

  step('opens it and shows its details and history', async () => {
    await page.getByTestId('ticket-row').filter({ hasText: SUBJECT }).click();
    await page.getByTestId('ticket-detail').waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toBe(createdNumber);
    expect(await page.getByTestId('ticket-subject').textContent()).toBe(SUBJECT);
    const detail = (await page.getByTestId('ticket-detail').textContent()) ?? '';
    expect(detail).toContain(CUSTOMER);
    expect(detail).toContain('报修');
    expect(detail).toContain('电话');
    expect(detail).toContain('普通');
    expect(detail).toContain('王经理');
    const event = page.getByTestId('ticket-event').first();
    expect(await event.getAttribute('data-kind')).toBe('created');
    expect(await event.textContent()).toContain('创建服务请求');
    expect(await event.textContent()).toContain('待分配');
    expect(page.url()).toMatch(/#\/tickets\/\d+$/);
    await shot('07-detail');
  });

  step('warns that a customer typed again may already exist, and takes the existing one', async () => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('n');
    const form = page.getByTestId('new-ticket-form');
    await form.waitFor();
    await page.locator('[data-testid="customer-input"]:focus').waitFor();
    // The same company typed with a space and in lower case: the type-ahead does not match it.
    const again = CUSTOMER.replace('物业管理', '物业 管理').toLowerCase();
    await page.keyboard.type(again);
    await page.getByTestId('customer-create').waitFor();
    await page.keyboard.press('Enter');
    const warning = page.getByTestId('possible-duplicates');
    await warning.waitFor();
    const duplicate = warning.getByTestId('possible-duplicate');
    expect(await duplicate.count()).toBe(1);
    expect(await duplicate.textContent()).toContain(CUSTOMER);
    expect(await duplicate.locator('[data-reason="name"]').textContent()).toBe('同名');
    await shot('07b-possible-duplicate');
    await duplicate.getByTestId('possible-duplicate-use').click();
    await page.getByTestId('customer-service-panel').waitFor();
    await warning.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('customer-input').inputValue()).toBe(CUSTOMER);
    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'hidden' });
  });

  step('switches the whole interface to English and back', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('nav-tickets').textContent()).toBe('Service requests');
    const detail = (await page.getByTestId('ticket-detail').textContent()) ?? '';
    expect(detail).toContain('Repair');
    expect(detail).toContain('Pending assignment');
    expect(detail).not.toMatch(/待分配|报修/);
    await shot('07a-detail-en');
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await expect.poll(() => page.getByTestId('nav-tickets').textContent()).toBe('服务请求');
  });

  step('changes the company name in desk settings and the header follows', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-form').waitFor();
    expect(page.url()).toContain('#/settings');
    await expect(page.getByText('已关闭的服务请求在此天数内可以重新打开').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('settings-time-zone').getAttribute('readonly')).not.toBeNull();

    const name = page.getByTestId('settings-company-name');
    await name.fill('');
    await page.getByTestId('settings-submit').click();
    await page.getByTestId('settings-form').getByText('此项为必填项').waitFor();

    await name.fill('华东制冷设备服务有限公司（苏州）');
    await page.getByTestId('settings-reopen-days').fill('30');
    await page.getByTestId('settings-submit').click();
    await expect.poll(() => page.getByTestId('company-name').textContent()).toBe('华东制冷设备服务有限公司（苏州）');
    await shot('07b-settings');
  });

  step('signs out', async () => {
    await signOut(page);
    await shot('08-signed-out');
    // No script errors, CSP violations or failed loads anywhere on the way.
    expect(pageErrors).toEqual([]);
  });
});
