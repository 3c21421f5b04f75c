import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import zhCN from '../src-renderer/i18n/zh-CN.json';
import { PERMISSIONS, ROLES } from '../src-shared/domain/roles';
import { openPage, screenshot, setUpDesk, signIn, signOut, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// Accounts and roles (账户与权限), in Chinese, on a desk without demo data: the administrator
// opens 账户与权限 from the navigation, adds the team 华东客服组 → 新建账户 for the agent 王芳 in
// that team: a common first password is refused under its field in words, a good one creates
// the account, listed as 客服专员 / 华东客服组 / 需改密 / 从未登录 → in a second browser the agent
// signs in and sees only 请设置新密码: a common new password is refused, a good one reaches the
// queue → the list says 正常 with a sign-in time; the team cannot be removed while she is in it
// → the administrator disables her, and her next click lands on the sign-in page → 编辑 makes
// her a follow-up agent (an administrator's own role cannot change), 启用 and 重置密码 → the
// permission matrix → 自动锁定 set to 1 minute; in a browser with Playwright's clock, a minute
// without input locks the window over a half-typed search (a wrong password refused, the right
// one unlocks, the text still there), then 锁定 in the user menu locks it at once → 修改密码 in
// the user menu.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '刘经理' };
const AGENT = { username: 'wangfang', displayName: '王芳' };
const FIRST_PASSWORD = '西湖边的第一天 2026';
const NEW_PASSWORD = 'tea by the lake at noon';
const TEAM = '华东客服组';

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let agent: Page;
let agentErrors: string[] = [];
let idle: Page;
let idleErrors: string[] = [];

/** The error Mantine shows under the input with this test id, if any. */
async function fieldError(p: Page, testId: string): Promise<string | null> {
  const describedBy = (await p.getByTestId(testId).getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? p.locator(`[id="${errorId}"]`).textContent() : null;
}

async function dialogsGone(p: Page): Promise<void> {
  await expect.poll(() => p.getByRole('dialog').count()).toBe(0);
}

const row = (p: Page, username: string) => p.locator(`[data-testid=account-row][data-username="${username}"]`);

async function rowCells(username: string): Promise<Record<string, string | null>> {
  const r = row(page, username);
  return {
    name: await r.getByTestId('account-row-name').textContent(),
    role: await r.getByTestId('account-row-role').textContent(),
    team: await r.getByTestId('account-row-team').textContent(),
    status: await r.getByTestId('account-row-status').textContent(),
  };
}

describe('accounts and roles: administration, first sign-in, disabling, the permission matrix and the idle lock', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  });

  afterAll(() => stopDesk({ host, browser }));

  step('账户与权限 is in the administrator’s navigation; the team 华东客服组 is added', async () => {
    await setUpDesk(page, { url: host.url, companyName: '华东制冷设备服务有限公司', admin: ADMIN });
    const nav = page.getByTestId('nav-users');
    expect(await nav.textContent()).toBe('账户与权限');
    await nav.click();
    await page.getByTestId('users-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/users');
    // The administrator is listed, as themself, without disable or reset for their own account.
    expect(await rowCells(ADMIN.username)).toMatchObject({ role: '系统管理员', status: '正常' });
    expect(await row(page, ADMIN.username).getByTestId('account-toggle').count()).toBe(0);
    expect(await row(page, ADMIN.username).getByTestId('account-reset-password').count()).toBe(0);

    await page.getByTestId('users-tab-teams').click();
    await page.getByTestId('teams-empty').waitFor();
    await page.getByTestId('team-add').click();
    await page.getByTestId('team-form-name').fill(TEAM);
    await page.getByTestId('team-form-submit').click();
    await dialogsGone(page);
    const team = page.locator(`[data-testid=team-row][data-team="${TEAM}"]`);
    expect(await team.getByTestId('team-row-members').textContent()).toBe('0');
  });

  step('新建账户 refuses a common first password in words, then creates the agent in the team', async () => {
    await page.getByTestId('users-tab-accounts').click();
    await page.getByTestId('account-add').click();
    const form = page.getByTestId('account-form');
    await form.waitFor();
    expect(await page.getByTestId('account-form-must-change').textContent()).toBe(zhCN.users.mustChangeNote);
    await page.getByTestId('account-form-username').fill(AGENT.username);
    await page.getByTestId('account-form-name').fill(AGENT.displayName);
    await page.getByTestId('account-form-role').selectOption({ label: '客服专员' });
    await page.getByTestId('account-form-team').selectOption({ label: TEAM });
    // Too short is said before anything is sent; the length hint counts.
    await page.getByTestId('account-form-password').fill('abc');
    expect(await form.textContent()).toContain('已输入 3 个字符，还差 5 个');
    await page.getByTestId('account-form-submit').click();
    expect(await fieldError(page, 'account-form-password')).toBe('至少需要 8 个字符');
    // A common password only main knows: refused under the field, in words.
    await page.getByTestId('account-form-password').fill('password1');
    await page.getByTestId('account-form-submit').click();
    await expect.poll(() => fieldError(page, 'account-form-password')).toBe(zhCN.validation.commonPassword);
    await screenshot(page, 'accounts-weak-password');
    await page.getByTestId('account-form-password').fill(FIRST_PASSWORD);
    await page.getByTestId('account-form-submit').click();
    await dialogsGone(page);
    await row(page, AGENT.username).waitFor();
    expect(await rowCells(AGENT.username)).toEqual({ name: AGENT.displayName, role: '客服专员', team: TEAM, status: '需改密' });
    expect(await row(page, AGENT.username).getByTestId('account-row-last-sign-in').textContent()).toBe('从未登录');
    await screenshot(page, 'accounts-list');
  });

  step('the agent’s first sign-in shows only the password change; a common one is refused, a good one reaches the queue', async () => {
    ({ page: agent, pageErrors: agentErrors } = await openPage(browser));
    await agent.goto(host.url);
    await agent.getByTestId('sign-in-form').waitFor();
    await agent.locator('input[name=username]').fill(AGENT.username);
    await agent.locator('input[name=password]').fill(FIRST_PASSWORD);
    await agent.getByTestId('sign-in-submit').click();
    await agent.getByTestId('forced-password-change').waitFor();
    expect(await agent.getByTestId('user-menu').count()).toBe(0);
    expect(await agent.getByTestId('forced-password-change').textContent()).toContain(zhCN.changePassword.forcedHint);

    await agent.getByTestId('change-password-current').fill(FIRST_PASSWORD);
    // Built from her own username: said before sending.
    await agent.getByTestId('change-password-new').fill('wangfang2026');
    await agent.getByTestId('change-password-confirm').fill('wangfang2026');
    await agent.getByTestId('change-password-submit').click();
    expect(await fieldError(agent, 'change-password-new')).toBe(zhCN.validation.contextWord);
    // Common: main refuses it.
    await agent.getByTestId('change-password-new').fill('iloveyou1314');
    await agent.getByTestId('change-password-confirm').fill('iloveyou1314');
    await agent.getByTestId('change-password-submit').click();
    await expect.poll(() => fieldError(agent, 'change-password-new')).toBe(zhCN.validation.commonPassword);
    await screenshot(agent, 'accounts-forced-change');

    await agent.getByTestId('change-password-current').fill(FIRST_PASSWORD);
    await agent.getByTestId('change-password-new').fill(NEW_PASSWORD);
    await agent.getByTestId('change-password-confirm').fill(NEW_PASSWORD);
    await agent.getByTestId('change-password-submit').click();
    await agent.getByTestId('user-menu').filter({ hasText: AGENT.displayName }).waitFor();
    await agent.getByTestId('queue-empty').waitFor();
    // An agent has no account administration.
    expect(await agent.getByTestId('nav-users').count()).toBe(0);
  });

  step('the list shows her active with a sign-in time; her team cannot be removed while she is in it', async () => {
    await page.reload();
    await row(page, AGENT.username).waitFor();
    expect((await rowCells(AGENT.username)).status).toBe('正常');
    expect(await row(page, AGENT.username).getByTestId('account-row-last-sign-in').textContent()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);

    await page.getByTestId('users-tab-teams').click();
    const team = page.locator(`[data-testid=team-row][data-team="${TEAM}"]`);
    expect(await team.getByTestId('team-row-members').textContent()).toBe('1');
    await team.getByTestId('team-row-remove').click();
    await page.getByTestId('team-remove-confirm').click();
    await page.getByTestId('team-remove-dialog').getByRole('alert').waitFor();
    expect(await page.getByTestId('team-remove-dialog').getByRole('alert').textContent()).toBe(zhCN.errors.conflictReason.teamHasMembers);
    await page.getByTestId('team-remove-dialog').getByRole('button', { name: '取消' }).click();
    await dialogsGone(page);
  });

  step('the administrator disables her; her next click lands on the sign-in page', async () => {
    await page.getByTestId('users-tab-accounts').click();
    await row(page, AGENT.username).getByTestId('account-toggle').click();
    const dialog = page.getByTestId('account-toggle-dialog');
    expect(await dialog.textContent()).toContain('停用后“王芳”会立即退出登录');
    await page.getByTestId('account-toggle-confirm').click();
    await dialogsGone(page);
    await expect.poll(async () => (await rowCells(AGENT.username)).status).toBe('已停用');
    expect(await row(page, AGENT.username).getByTestId('account-toggle').textContent()).toBe('启用');

    await agent.getByTestId('nav-customers').click();
    await agent.getByTestId('sign-in-form').waitFor();
    // Her new password no longer lets her in.
    await agent.locator('input[name=username]').fill(AGENT.username);
    await agent.locator('input[name=password]').fill(NEW_PASSWORD);
    await agent.getByTestId('sign-in-submit').click();
    expect(await agent.getByTestId('sign-in-error').textContent()).toBe(zhCN.auth.badCredentials);
    expect(agentErrors).toEqual([]);
    await agent.context().close();
  });

  step('编辑 gives her another role (never one’s own); 启用 lets her back; 重置密码 makes her change it again', async () => {
    await row(page, ADMIN.username).getByTestId('account-edit').click();
    expect(await page.getByTestId('account-form-role').isDisabled()).toBe(true);
    expect(await page.getByTestId('account-form').textContent()).toContain(zhCN.users.ownRoleNote);
    await page.getByTestId('account-form').getByRole('button', { name: '取消' }).click();
    await dialogsGone(page);

    await row(page, AGENT.username).getByTestId('account-edit').click();
    expect(await page.getByTestId('account-form-username').inputValue()).toBe(AGENT.username);
    await page.getByTestId('account-form-role').selectOption({ label: '回访专员' });
    await page.getByTestId('account-form-submit').click();
    await dialogsGone(page);
    await expect.poll(async () => (await rowCells(AGENT.username)).role).toBe('回访专员');

    await row(page, AGENT.username).getByTestId('account-toggle').click();
    expect(await page.getByTestId('account-toggle-dialog').textContent()).toContain('启用后“王芳”可以重新登录');
    await page.getByTestId('account-toggle-confirm').click();
    await dialogsGone(page);
    await expect.poll(async () => (await rowCells(AGENT.username)).status).toBe('正常');

    await row(page, AGENT.username).getByTestId('account-reset-password').click();
    await page.getByTestId('reset-password-input').fill('wangfang1');
    await page.getByTestId('reset-password-submit').click();
    expect(await fieldError(page, 'reset-password-input')).toBe(zhCN.validation.contextWord);
    await page.getByTestId('reset-password-input').fill('second day by the lake');
    await page.getByTestId('reset-password-submit').click();
    await dialogsGone(page);
    await expect.poll(async () => (await rowCells(AGENT.username)).status).toBe('需改密');
  });

  step('the permission matrix lists every permission for every role, in words', async () => {
    await page.getByTestId('users-tab-permissions').click();
    const matrix = page.getByTestId('permission-matrix');
    await matrix.waitFor();
    expect(await page.getByTestId('permission-matrix-role').allTextContents()).toEqual(['客服专员', '服务工程师', '回访专员', '服务经理', '系统管理员']);
    expect(await page.getByTestId('permission-matrix-row').count()).toBe(PERMISSIONS.length);
    const cells = (permission: string) =>
      page.locator(`[data-testid=permission-matrix-row][data-permission="${permission}"] td`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-granted')));
    expect(await cells('users.manage')).toEqual(ROLES.map((r) => String(r === 'admin')));
    expect(await cells('tickets.followUp')).toEqual(['true', 'false', 'true', 'true', 'true']);
    expect(await page.locator('[data-testid=permission-matrix-row][data-permission="users.manage"] th').textContent()).toBe('管理账户和团队');
    await screenshot(page, 'accounts-permission-matrix');
  });

  step('自动锁定 is set to 1 minute in 系统设置', async () => {
    await page.getByTestId('nav-settings').click();
    const minutes = page.getByTestId('settings-idle-lock-minutes');
    expect(await minutes.inputValue()).toBe('30');
    // Out of range is clamped as the field is left; an empty field is refused.
    await minutes.fill('0');
    await minutes.blur();
    expect(await minutes.inputValue()).toBe('1');
    await minutes.fill('');
    await page.getByTestId('idle-lock-submit').click();
    expect(await fieldError(page, 'settings-idle-lock-minutes')).toBe('此项为必填项');
    await minutes.fill('1');
    await page.getByTestId('idle-lock-submit').click();
    await page.getByText(zhCN.settings.idleLockSaved).waitFor();
    expect(pageErrors).toEqual([]);
    // This window would lock after a minute too; the rest happens in one with a controllable clock.
    await page.context().close();
  });

  step('a minute without input locks the window over a half-typed search; the password unlocks it and the text is still there', async () => {
    ({ page: idle, pageErrors: idleErrors } = await openPage(browser));
    await idle.clock.install();
    await idle.goto(host.url);
    await idle.getByTestId('sign-in-form').waitFor();
    await signIn(idle, ADMIN);
    await idle.getByTestId('queue-empty').waitFor();
    await idle.getByTestId('global-search').fill('空调 漏水');
    expect(await idle.getByTestId('lock-screen').count()).toBe(0);

    await idle.clock.fastForward(61_000);
    await idle.getByTestId('lock-screen').waitFor();
    expect(await idle.getByTestId('lock-screen-user').textContent()).toBe(ADMIN.displayName);
    await screenshot(idle, 'accounts-lock-screen');

    await idle.getByTestId('lock-screen-password').fill('not my password');
    await idle.getByTestId('lock-screen-unlock').click();
    await expect.poll(() => fieldError(idle, 'lock-screen-password')).toBe(zhCN.validation.wrongPassword);
    expect(await idle.getByTestId('lock-screen-password').inputValue()).toBe('');

    await idle.getByTestId('lock-screen-password').fill(ADMIN.password);
    await idle.getByTestId('lock-screen-unlock').click();
    await idle.getByTestId('lock-screen').waitFor({ state: 'detached' });
    expect(await idle.getByTestId('global-search').inputValue()).toBe('空调 漏水');
  });

  step('锁定 in the user menu locks at once; the password unlocks it', async () => {
    await idle.getByTestId('user-menu').click();
    expect(await idle.getByTestId('lock-now').textContent()).toBe('锁定');
    await idle.getByTestId('lock-now').click();
    await idle.getByTestId('lock-screen').waitFor();
    await idle.getByTestId('lock-screen-password').fill(ADMIN.password);
    await idle.keyboard.press('Enter');
    await idle.getByTestId('lock-screen').waitFor({ state: 'detached' });
    await idle.getByTestId('nav-users').click();
    await idle.getByTestId('users-page').waitFor();
  });

  step('修改密码 in the user menu: a mistyped confirmation is caught, then the new password signs in', async () => {
    const changed = 'the admin’s own long passphrase';
    await idle.getByTestId('user-menu').click();
    await idle.getByTestId('change-password').click();
    await idle.getByTestId('change-password-form').waitFor();
    await idle.getByTestId('change-password-current').fill(ADMIN.password);
    await idle.getByTestId('change-password-new').fill(changed);
    await idle.getByTestId('change-password-confirm').fill(`${changed}!`);
    await idle.getByTestId('change-password-submit').click();
    expect(await fieldError(idle, 'change-password-confirm')).toBe(zhCN.validation.passwordMismatch);
    await idle.getByTestId('change-password-confirm').fill(changed);
    await idle.getByTestId('change-password-submit').click();
    await idle.getByText(zhCN.changePassword.done).waitFor();
    await dialogsGone(idle);
    await signOut(idle);
    await signIn(idle, { ...ADMIN, password: changed });
    expect(idleErrors).toEqual([]);
  });
});
