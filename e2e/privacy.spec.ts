import { unzipSync } from 'fflate';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import zhCN from '../src-renderer/i18n/zh-CN.json';
import { enterRequest, openPage, screenshot, setUpDesk, signIn, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// Data scopes and personal data (数据范围、个人信息), in Chinese, on a desk without demo data: the
// administrator adds the teams 华东客服组 and 华南客服组 and, in 账户与权限, an agent for each: the
// data scope follows the team (本团队), a team scope without a team is refused under the team
// field, and the list shows the scope → each agent, in a browser of their own, changes the
// first password and enters a request → 赵磊 (华东) sees only his team's request, and 孙丽's,
// opened by its address, is not found; his customer's page offers no erasure → the
// administrator's 导出个人信息 on the customer's 360 page opens the data export with the
// customer chosen, and the zip holds the customer's phone → the administrator erases 赵磊's customer's personal data on its 360 page (what goes and what
// stays said first; a mistyped customer number is refused): a notification with the counts,
// the name becomes the customer number with a 个人信息已删除 badge dated today, and the header
// search by the old phone finds nothing while the request number still finds it → while the
// administrator is about to erase 孙丽's customer, another window merges it into the first:
// the erasure is refused in words with the way to the customer it went into → 系统设置:
// 个人信息保留年限 from 0 (kept) to 3 years, clamped to 30 when typed past it.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '刘经理' };
const TEAM_A = '华东客服组';
const TEAM_B = '华南客服组';
const AGENT_A = { username: 'zhaolei', displayName: '赵磊', team: TEAM_A, customer: '杭州西溪花园物业', phone: '0571-8888 6601', subject: '会所中央空调不制冷' };
const AGENT_B = { username: 'sunli', displayName: '孙丽', team: TEAM_B, customer: '广州天河城商业管理', phone: '020-3888 7702', subject: '商场扶梯异响' };
type Agent = typeof AGENT_A;
/** A phone's last eight digits, as one searches for it. */
const lastDigits = (phone: string) => phone.replace(/\D/g, '').slice(-8);
const FIRST_PASSWORD = '西湖边的第一天 2026';
const NEW_PASSWORD = 'tea by the lake at noon';
/** Today in Shanghai, the desk's and the browser's time zone, as the badge writes it. */
const TODAY = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
/** The erased customer: its number (its name now) and its page. */
const erased = { number: '', url: '' };
const agents = new Map<string, { page: Page; pageErrors: string[]; ticketId?: string; ticketNumber?: string }>();

/** The error Mantine shows under the input with this test id, if any. */
async function fieldError(p: Page, testId: string): Promise<string | null> {
  const describedBy = (await p.getByTestId(testId).getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? p.locator(`[id="${errorId}"]`).textContent() : null;
}

async function dialogsGone(p: Page): Promise<void> {
  // Creating an account hashes its password (argon2id): give main the time.
  await expect.poll(() => p.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0);
}

const row = (username: string) => page.locator(`[data-testid=account-row][data-username="${username}"]`);

/** The selected option's text of a native select. */
const selected = (p: Page, testId: string) => p.getByTestId(testId).locator('option:checked').textContent();

async function addTeam(name: string): Promise<void> {
  await page.getByTestId('team-add').click();
  await page.getByTestId('team-form-name').fill(name);
  await page.getByTestId('team-form-submit').click();
  await dialogsGone(page);
  await page.locator(`[data-testid=team-row][data-team="${name}"]`).waitFor();
}

/** Opens 新建账户 and fills everything but the scope and the password. */
async function startAccount(agent: Agent): Promise<void> {
  await page.getByTestId('account-add').click();
  await page.getByTestId('account-form').waitFor();
  await page.getByTestId('account-form-username').fill(agent.username);
  await page.getByTestId('account-form-name').fill(agent.displayName);
  await page.getByTestId('account-form-role').selectOption({ label: '客服专员' });
  await page.getByTestId('account-form-team').selectOption({ label: agent.team });
}

async function submitAccount(agent: Agent): Promise<void> {
  await page.getByTestId('account-form-password').fill(FIRST_PASSWORD);
  await page.getByTestId('account-form-submit').click();
  await dialogsGone(page);
  await row(agent.username).waitFor();
}

/** In a browser of their own: first sign-in, the forced password change, the queue. */
async function firstSignIn(agent: Agent): Promise<Page> {
  const opened = await openPage(browser);
  agents.set(agent.username, opened);
  const p = opened.page;
  await p.goto(host.url);
  await p.getByTestId('sign-in-form').waitFor();
  await p.locator('input[name=username]').fill(agent.username);
  await p.locator('input[name=password]').fill(FIRST_PASSWORD);
  await p.getByTestId('sign-in-submit').click();
  await p.getByTestId('forced-password-change').waitFor();
  await p.getByTestId('change-password-current').fill(FIRST_PASSWORD);
  await p.getByTestId('change-password-new').fill(NEW_PASSWORD);
  await p.getByTestId('change-password-confirm').fill(NEW_PASSWORD);
  await p.getByTestId('change-password-submit').click();
  await p.getByTestId('user-menu').filter({ hasText: agent.displayName }).waitFor();
  await p.getByTestId('queue-empty').waitFor();
  return p;
}

/** Enters a request for a new customer with a phone from the queue (N), and notes its id and number. */
async function enterAgentRequest(agent: Agent): Promise<void> {
  const entry = agents.get(agent.username);
  if (!entry) throw new Error(`${agent.username} has not signed in`);
  const p = entry.page;
  const ticket = await enterRequest(p, {
    customer: agent.customer,
    phone: agent.phone,
    subject: agent.subject,
    description: `${agent.customer}来电，电话 ${agent.phone}，请安排上门检查。`,
  });
  entry.ticketId = (await ticket.getAttribute('data-ticket-id')) ?? undefined;
  await ticket.click();
  await p.getByTestId('ticket-detail').waitFor();
  entry.ticketNumber = (await p.getByTestId('ticket-number').textContent()) ?? undefined;
  expect(entry.ticketId).toMatch(/^\d+$/);
}

/** Searches from the header and waits for the queue it opens. */
async function headerSearch(p: Page, text: string): Promise<void> {
  await p.getByTestId('global-search').fill(text);
  await p.getByTestId('global-search').press('Enter');
  await expect.poll(() => decodeURIComponent(p.url())).toContain(`text=${text}`);
}

describe('data scopes and personal data: team-scoped agents, erasure on request, retention', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk({ acceptDownloads: true }));
  });

  afterAll(() => stopDesk({ host, browser }));

  step('the administrator adds the teams 华东客服组 and 华南客服组', async () => {
    await setUpDesk(page, { url: host.url, companyName: '华东制冷设备服务有限公司', admin: ADMIN });
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-page').waitFor();
    // The administrator sees everything.
    expect(await row(ADMIN.username).getByTestId('account-row-scope').textContent()).toBe('全部');
    await page.getByTestId('users-tab-teams').click();
    await addTeam(TEAM_A);
    await addTeam(TEAM_B);
  });

  step('an agent in a team gets the 本团队 scope; a team scope without a team is refused under the team field', async () => {
    await page.getByTestId('users-tab-accounts').click();
    await startAccount(AGENT_A);
    // The scope follows the team as main would choose it, with its meaning under it.
    expect(await selected(page, 'account-form-scope')).toBe('本团队');
    const form = page.getByTestId('account-form');
    expect(await form.textContent()).toContain(zhCN.users.scopeHint.team);
    await page.getByTestId('account-form-team').selectOption({ label: '不属于任何团队' });
    expect(await selected(page, 'account-form-scope')).toBe('全部');
    expect(await form.textContent()).toContain(zhCN.users.scopeHint.all);
    await page.getByTestId('account-form-scope').selectOption({ label: '本团队' });
    await page.getByTestId('account-form-password').fill(FIRST_PASSWORD);
    await page.getByTestId('account-form-submit').click();
    expect(await fieldError(page, 'account-form-team')).toBe(zhCN.validation.teamScopeNeedsTeam);
    await screenshot(page, 'privacy-scope-needs-team');
    await page.getByTestId('account-form-team').selectOption({ label: TEAM_A });
    await submitAccount(AGENT_A);

    await startAccount(AGENT_B);
    await page.getByTestId('account-form-scope').selectOption({ label: '本团队' });
    await submitAccount(AGENT_B);
    for (const agent of [AGENT_A, AGENT_B]) {
      expect(await row(agent.username).getByTestId('account-row-team').textContent()).toBe(agent.team);
      expect(await row(agent.username).getByTestId('account-row-scope').textContent()).toBe('本团队');
    }
    await screenshot(page, 'privacy-accounts-scopes');
  });

  step('each agent changes the first password in a browser of their own and enters a request', async () => {
    await firstSignIn(AGENT_A);
    await enterAgentRequest(AGENT_A);
    await firstSignIn(AGENT_B);
    await enterAgentRequest(AGENT_B);
  });

  step('赵磊 sees only his team’s request; 孙丽’s, opened by its address, is not found', async () => {
    const a = agents.get(AGENT_A.username);
    const b = agents.get(AGENT_B.username);
    if (!a || !b?.ticketId) throw new Error('the agents have not entered their requests');
    await a.page.getByTestId('nav-tickets').click();
    await a.page.getByTestId('ticket-row').filter({ hasText: AGENT_A.subject }).waitFor();
    expect(await a.page.getByTestId('ticket-row').count()).toBe(1);
    // The header search does not reach the other team's request either.
    await headerSearch(a.page, lastDigits(AGENT_B.phone));
    await a.page.getByTestId('queue-empty').waitFor();

    await a.page.evaluate(`window.location.hash = ${JSON.stringify(`#/tickets/${b.ticketId}`)}`);
    await a.page.getByRole('alert').filter({ hasText: zhCN.errors.NOT_FOUND }).waitFor();
    expect(await a.page.getByTestId('ticket-detail').count()).toBe(0);
    await screenshot(a.page, 'privacy-other-team-not-found');

    // His own customer's page: an agent may not erase personal data.
    await a.page.evaluate(`window.location.hash = ${JSON.stringify(`#/tickets/${a.ticketId}`)}`);
    await a.page.getByTestId('customer-link').click();
    await a.page.getByTestId('customer-page').waitFor();
    expect(await a.page.getByTestId('customer-name').textContent()).toBe(AGENT_A.customer);
    expect(await a.page.getByTestId('customer-erase').count()).toBe(0);
    // 孙丽 sees hers only as well.
    await b.page.getByTestId('nav-tickets').click();
    await b.page.getByTestId('ticket-row').filter({ hasText: AGENT_B.subject }).waitFor();
    expect(await b.page.getByTestId('ticket-row').count()).toBe(1);
    for (const agent of [a, b]) expect(agent.pageErrors).toEqual([]);
  });

  step('the administrator sees both requests and finds 赵磊’s by the customer’s phone', async () => {
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('ticket-row').filter({ hasText: AGENT_B.subject }).waitFor();
    expect(await page.getByTestId('ticket-row').count()).toBe(2);
    await headerSearch(page, lastDigits(AGENT_A.phone));
    // The rows of the last view stay until the search's own arrive.
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(1);
    await page.getByTestId('ticket-row').filter({ hasText: AGENT_A.subject }).waitFor();
  });

  step('导出个人信息 on the 360 page opens the data export with the customer chosen; the zip holds the phone', async () => {
    await page.getByTestId('ticket-row').filter({ hasText: AGENT_A.subject }).click();
    await page.getByTestId('ticket-detail').waitFor();
    await page.getByTestId('customer-link').click();
    await page.getByTestId('customer-page').waitFor();
    const customerPage = page.url();
    await page.getByTestId('customer-export-personal').click();
    await page.getByTestId('data-page').waitFor();
    expect(await page.getByTestId('export-panel').locator('[data-testid="customer-input"]').inputValue()).toBe(AGENT_A.customer);
    const download = page.waitForEvent('download', { timeout: 40_000 });
    await page.getByTestId('export-customer').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.zip$/);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(await file.path())));
    const text = Object.values(entries).map((data) => new TextDecoder().decode(data)).join('\n');
    expect(text).toContain(AGENT_A.customer);
    expect(text).toContain(lastDigits(AGENT_A.phone));
    await page.getByTestId('export-saved').waitFor();
    await page.goBack();
    await page.getByTestId('customer-page').waitFor();
    expect(page.url()).toBe(customerPage);
  });

  step('删除个人信息 on the 360 page says what goes and what stays, wants the customer number typed, and erases', async () => {
    expect(await page.getByTestId('customer-name').textContent()).toBe(AGENT_A.customer);
    expect(await page.getByTestId('customer-erased').count()).toBe(0);
    const number = (await page.getByTestId('customer-number').textContent()) ?? '';
    expect(number).not.toBe('');
    Object.assign(erased, { number, url: page.url() });

    await page.getByTestId('customer-erase').click();
    const form = page.getByTestId('erase-form');
    await form.waitFor();
    expect(await page.getByTestId('erase-cleared').textContent()).toContain(zhCN.privacy.clearedCustomer);
    expect(await page.getByTestId('erase-cleared').textContent()).toContain(zhCN.privacy.clearedRequests);
    expect(await page.getByTestId('erase-kept').textContent()).toBe(zhCN.privacy.kept);
    expect(await form.textContent()).toContain(`请输入客户编号 ${number} 以确认`);
    await screenshot(page, 'privacy-erase-dialog');
    // Neither a reason nor the number: both said; a wrong number is refused in words.
    await page.getByTestId('erase-submit').click();
    expect(await fieldError(page, 'erase-confirm-number')).toBe(zhCN.validation.required);
    expect(await fieldError(page, 'erase-reason')).toBe(zhCN.validation.required);
    await page.getByTestId('erase-confirm-number').fill(AGENT_A.customer);
    await page.getByTestId('erase-reason').fill('客户来函要求删除个人信息');
    await page.getByTestId('erase-submit').click();
    expect(await fieldError(page, 'erase-confirm-number')).toBe(zhCN.privacy.confirmMismatch);
    await page.getByTestId('erase-confirm-number').fill(number);
    await page.getByTestId('erase-submit').click();
    await page.getByText(`已删除客户 ${number} 的个人信息：1 个服务请求、0 个联系人`).waitFor();
    await dialogsGone(page);

    await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(number);
    expect(await page.getByTestId('customer-erased').textContent()).toBe(`个人信息已删除 · ${TODAY}`);
    expect(await page.getByTestId('customer-phone').textContent()).toBe('—');
    // The statistics keep the request.
    expect(await page.getByTestId('customer-kpi-openRequests').getByTestId('kpi-value').textContent()).toBe('1');
    await screenshot(page, 'privacy-erased');
  });

  step('the header search by the old phone no longer finds the request; its number still does', async () => {
    await headerSearch(page, lastDigits(AGENT_A.phone));
    await page.getByTestId('queue-empty').waitFor();
    const entry = agents.get(AGENT_A.username);
    if (!entry?.ticketNumber) throw new Error('no request number noted');
    await headerSearch(page, entry.ticketNumber);
    const found = page.getByTestId('ticket-row').filter({ hasText: AGENT_A.subject });
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(1);
    await found.waitFor();
    expect(await found.textContent()).toContain(entry.ticketNumber);
    expect(await found.textContent()).not.toContain(AGENT_A.customer);
  });

  step('a customer merged while its erasure is being confirmed: refused in words, with the way to the one it went into', async () => {
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('ticket-row').filter({ hasText: AGENT_B.subject }).click();
    await page.getByTestId('ticket-detail').waitFor();
    await page.getByTestId('customer-link').click();
    await page.getByTestId('customer-page').waitFor();
    expect(await page.getByTestId('customer-name').textContent()).toBe(AGENT_B.customer);
    const number = (await page.getByTestId('customer-number').textContent()) ?? '';
    await page.getByTestId('customer-erase').click();
    await page.getByTestId('erase-confirm-number').fill(number);
    await page.getByTestId('erase-reason').fill('客户来电要求删除');

    // Meanwhile, in another window, the administrator enters a new customer and merges this one
    // into it (an erased customer takes in no other record: it would get its phone and address).
    const other = await openPage(browser);
    await other.page.goto(host.url);
    await other.page.getByTestId('sign-in-form').waitFor();
    await signIn(other.page, ADMIN);
    await other.page.evaluate(`window.location.hash = '#/customers'`);
    await other.page.getByTestId('customer-add').click();
    await other.page.getByTestId('customer-form').waitFor();
    await other.page.getByTestId('customer-form-name').fill('华南机电集团');
    await other.page.getByTestId('customer-form-save').click();
    await other.page.getByTestId('customer-form').waitFor({ state: 'hidden' });
    // A new customer opens on its own page.
    await other.page.getByTestId('customer-page').waitFor();
    await expect.poll(async () => other.page.getByTestId('customer-name').textContent()).toBe('华南机电集团');
    const survivor = { hash: new URL(other.page.url()).hash, number: (await other.page.getByTestId('customer-number').textContent()) ?? '' };
    await other.page.evaluate(`window.location.hash = ${JSON.stringify(new URL(page.url()).hash)}`);
    await other.page.getByTestId('customer-page').waitFor();
    await other.page.getByTestId('customer-merge').click();
    await other.page.getByTestId('merge-target-input').fill(survivor.number);
    await other.page.getByTestId('merge-target-option').filter({ hasText: survivor.number }).click();
    await other.page.getByTestId('merge-next').click();
    await other.page.getByTestId('merge-confirm').click();
    await other.page.getByTestId('merge-confirm-dialog').waitFor({ state: 'hidden' });
    expect(other.pageErrors).toEqual([]);
    await other.page.context().close();

    // This window learns of the merge; the dialog stays open with what was typed.
    await page.getByTestId('customer-merged').waitFor();
    expect(await page.getByTestId('erase-confirm-number').inputValue()).toBe(number);
    await page.getByTestId('erase-submit').click();
    await page.getByTestId('erase-error').waitFor();
    expect(await page.getByTestId('erase-error').textContent()).toContain(zhCN.errors.conflictReason.merged);
    await screenshot(page, 'privacy-erase-merged');
    await page.getByTestId('erase-survivor-link').click();
    await dialogsGone(page);
    await expect.poll(() => new URL(page.url()).hash).toBe(survivor.hash);
    expect(await page.getByTestId('customer-name').textContent()).toBe('华南机电集团');
  });

  step('系统设置: 个人信息保留年限 goes from 0 (kept) to 3 years', async () => {
    await page.getByTestId('nav-settings').click();
    const years = page.getByTestId('settings-retention-years');
    expect(await years.inputValue()).toBe('0 年');
    const form = page.getByTestId('retention-form');
    expect(await form.textContent()).toContain(zhCN.settings.retentionKeep);
    expect(await page.getByTestId('retention-hint').textContent()).toBe(zhCN.settings.retentionHint);
    // Past the limit is clamped as the field is left; an empty field is refused.
    await years.fill('45');
    await years.blur();
    expect(await years.inputValue()).toBe('30 年');
    await years.fill('');
    await page.getByTestId('retention-submit').click();
    expect(await fieldError(page, 'settings-retention-years')).toBe(zhCN.validation.required);
    await years.fill('3');
    expect(await form.textContent()).toContain('已关闭超过 3 年的服务请求会在一分钟内清除个人信息');
    await page.getByTestId('retention-submit').click();
    await page.getByText(zhCN.settings.retentionSaved).waitFor();
    await screenshot(page, 'privacy-retention');
    await page.reload();
    // Read back from main after a reload (a slow one on a busy machine).
    await page.getByTestId('settings-retention-years').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('settings-retention-years').inputValue()).toBe('3 年');
    expect(pageErrors).toEqual([]);
  });
});
