import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { addAccount, type Account, screenshot, setUpDesk, signIn, signOut, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// The closed loop of one repair request, in Chinese, on a desk without demo data:
// a spare part is catalogued → an agent enters the request → a rule assigns it to 王工
// and says why → he resolves it
// with the part → the follow-up finds the customer unsatisfied (attempt 1, back to 待分配)
// → assigned again → still unresolved (attempt 2: 锁定) → the service manager unlocks it by
// reassigning → resolved → a satisfied follow-up closes it.
//
// There is no user-management UI yet, so the engineer account is written straight into
// the host's database (WAL lets a second connection write while the host runs).

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '刘经理' };
const ENGINEER = { username: 'wang', password: 'Weixiu#2024', displayName: '王工' };
const AGENT = { username: 'zhang', password: 'Kefu#2024', displayName: '张客服' };
const RULE = '冷库设备 华东';
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const PART_NO = `CAP-35UF-${RUN}`;
const PART_NAME = '压缩机启动电容 35μF';
const CUSTOMER = `昆山恒温仓储有限公司${RUN}`;
const SUBJECT = `冷库压缩机无法启动 ${RUN}`;

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let ticketPath = '';

async function shot(name: string): Promise<void> {
  await screenshot(page, `lifecycle-${name}`);
}

/** Signs in as `user` and opens the request. */
async function openAs(user: Account): Promise<void> {
  await signOut(page);
  await signIn(page, user);
  await page.evaluate(`window.location.hash = ${JSON.stringify(ticketPath)}`);
  await page.getByTestId('ticket-detail').waitFor();
}

async function status(): Promise<string | null> {
  return page.getByTestId('ticket-detail').locator('[data-status]').first().getAttribute('data-status');
}

/** Waits for the status badge to show `zh` (and the data-status `code`). */
async function expectStatus(code: string, zh: string): Promise<void> {
  const badge = page.getByTestId('ticket-detail').locator(`[data-status="${code}"]`).first();
  await badge.waitFor();
  expect(await badge.textContent()).toBe(zh);
}

async function actions(): Promise<string[]> {
  const buttons = page.getByTestId('action-bar').locator('[data-testid^="action-"]');
  const ids = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^action-/, ''));
}

async function openAction(action: string): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await page.locator(`[data-testid="action-form"][data-action="${action}"]`).waitFor();
}

async function submitAction(): Promise<void> {
  await page.getByTestId('action-submit').click();
  await page.getByTestId('action-form').waitFor({ state: 'hidden' });
}

async function logWork(outcome: '已解决' | '未解决', findings: string, withPart: boolean, screenshot?: string): Promise<void> {
  await openAction('logWork');
  if (withPart) {
    await page.getByTestId('add-part').click();
    await page.getByTestId('work-part-select').selectOption({ label: `${PART_NO} · ${PART_NAME}` });
    await page.getByTestId('work-part-quantity').fill('2');
    // Unit price ¥120.50 × 2.
    await expect.poll(() => page.getByTestId('work-part-total').textContent()).toBe('¥241.00');
    await page.getByTestId('work-labour-fee').fill('80');
    await page.getByTestId('work-travel-fee').fill('30');
    await page.getByLabel('收费', { exact: true }).check();
    await expect.poll(() => page.getByTestId('work-fees-total').textContent()).toBe('费用合计：¥351.00');
  } else {
    await page.getByLabel('保修/协议内（不收费）', { exact: true }).check();
  }
  // Hours worked default to the visit's span (an hour up to now).
  expect(await page.getByTestId('work-total-minutes').textContent()).toBe('共 60 分钟');
  await page.getByTestId('work-findings').fill(findings);
  await page.getByLabel(outcome, { exact: true }).check();
  if (screenshot) await shot(screenshot);
  await submitAction();
}

async function recordFollowUp(stars: number, comment: string): Promise<void> {
  await openAction('recordFollowUp');
  // With the keyboard: each star is a visually hidden radio named by its count; Space picks it.
  await page.getByTestId('follow-up-rating').getByLabel(`${stars} 星`, { exact: true }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => page.getByTestId('follow-up-rating').getAttribute('data-value')).toBe(String(stars));
  // Satisfied follows the stars until chosen: 4 or more reads as satisfied.
  const expected = stars >= 4 ? '满意' : '不满意';
  expect(await page.getByLabel(expected, { exact: true }).isChecked()).toBe(true);
  await page.getByTestId('action-note').fill(comment);
  await submitAction();
}

describe('lifecycle: a repair request around the closed loop', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk in Chinese without demo data, then adds engineer 王工', async () => {
    await setUpDesk(page, { url: host.url, companyName: '华东制冷设备服务有限公司', admin: ADMIN });
    await addAccount(host.dataDir, { ...ENGINEER, role: 'engineer' });
    await addAccount(host.dataDir, { ...AGENT, role: 'agent' });
    // Forget the engineer list the queue already fetched.
    await page.reload();
    await page.getByTestId('queue-empty').waitFor();
  });

  step('adds a spare part to the catalog', async () => {
    await page.getByTestId('nav-parts').click();
    await page.getByTestId('parts-page').waitFor();
    expect(await page.getByTestId('nav-parts').textContent()).toBe('备件目录');
    await page.getByTestId('parts-empty').waitFor();
    await page.getByTestId('part-add').click();
    await page.getByTestId('part-no-input').fill(PART_NO);
    await page.getByTestId('part-name-input').fill(PART_NAME);
    await page.getByTestId('part-price-input').fill('120.5');
    await page.getByTestId('part-submit').click();
    const row = page.getByTestId('part-row').filter({ hasText: PART_NO });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(PART_NAME);
    expect(text).toContain('¥120.50');
    expect(text).toContain('启用');
    await shot('01-parts');
  });

  step('the service manager adds an assignment rule for 王工', async () => {
    await page.getByTestId('nav-assignment').click();
    await page.getByTestId('rule-add').click();
    const form = page.getByTestId('rule-form');
    await page.getByTestId('rule-name-input').fill(RULE);
    await form.getByRole('checkbox', { name: ENGINEER.displayName }).check();
    await page.getByTestId('rule-submit').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByTestId('rule-row').filter({ hasText: RULE }).waitFor();
  });

  step('an agent enters a repair request with a problem category and analysis', async () => {
    await signOut(page);
    await signIn(page, AGENT);
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('queue-empty').waitFor();
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('n');
    await page.locator('[data-testid="customer-input"]:focus').waitFor();
    await page.keyboard.type(CUSTOMER);
    await page.getByTestId('customer-create').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('input[name=subject]').fill(SUBJECT);
    await page.locator('textarea[name=description]').fill('冷库二号机组压缩机无法启动，仓内温度上升。');
    await page.getByTestId('problem-category-select').selectOption({ label: '设备故障' });
    await page.getByTestId('analysis-input').fill('初步判断为启动电容失效。');
    await shot('02-new-request-form');
    await page.getByTestId('subject-input').focus();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });

    await page.getByTestId('ticket-row').filter({ hasText: SUBJECT }).click();
    await page.getByTestId('ticket-detail').waitFor();
    ticketPath = new URL(page.url()).hash;
    expect(ticketPath).toMatch(/^#\/tickets\/\d+$/);
    // The rule assigned it at once, and the history says by which rule and why.
    await expectStatus('assigned', '已分配');
    expect(await page.getByTestId('assignee').textContent()).toBe(ENGINEER.displayName);
    const assigned = page.locator('[data-testid="ticket-event"][data-kind="assign"]');
    expect(await assigned.textContent()).toContain(`系统按规则「${RULE}」分配给 ${ENGINEER.displayName}（最少负载，当前 0 件）`);
    expect(await page.getByTestId('problem-category').textContent()).toBe('设备故障');
    expect(await page.getByTestId('analysis').textContent()).toBe('初步判断为启动电容失效。');
    expect(await page.getByTestId('attempts').textContent()).toBe('0/2');
    // An agent may reassign, hold or merge (as a duplicate); closing is the manager's.
    expect(await actions()).toEqual(['assign', 'hold', 'merge']);
    await shot('03-assigned');
  });

  step('王工 resolves it on site with the spare part', async () => {
    await openAs(ENGINEER);
    expect(await actions()).toEqual(['hold', 'logWork']);
    await logWork('已解决', '更换启动电容两只，压缩机启动正常。', true, '04-log-work-form');
    await expectStatus('resolved', '已处理');
    const log = page.getByTestId('work-log-row').first();
    const text = (await log.textContent()) ?? '';
    expect(text).toContain(`${PART_NAME} × 2`);
    expect(text).toContain('1 小时 0 分');
    expect(text).toContain('合计 ¥351.00');
    expect(await log.getByTestId('work-log-charging').textContent()).toBe('收费');
    expect(await log.getByTestId('work-log-outcome').textContent()).toBe('已解决');
    // An engineer records no follow-ups.
    expect(await actions()).toEqual([]);
    await page.getByTestId('no-actions').waitFor();
    await shot('05-resolved');
  });

  step('the follow-up finds the customer unsatisfied: attempt 1, back to 待分配', async () => {
    await openAs(ADMIN);
    expect(await actions()).toEqual(['startFollowUp', 'recordFollowUp', 'close', 'merge']);
    await recordFollowUp(2, '客户反映夜间仍偶尔停机。');
    await expectStatus('pending_assignment', '待分配');
    expect(await page.getByTestId('attempts').textContent()).toBe('1/2');
    const followUp = page.getByTestId('follow-up').first();
    expect(await followUp.getAttribute('data-satisfaction')).toBe('2');
    expect(await followUp.textContent()).toContain('不满意');
    expect(await followUp.textContent()).toContain('客户反映夜间仍偶尔停机。');
    await shot('06-unsatisfied');
  });

  step('assigns it to 王工 again with the A key, after a colleague changed it meanwhile', async () => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('a');
    await page.locator('[data-testid="action-form"][data-action="assign"]').waitFor();
    await page.getByTestId('action-engineer').selectOption({ label: ENGINEER.displayName });

    // Meanwhile a colleague assigns it in another window.
    const other = await page.context().newPage();
    try {
      await other.goto(host.url);
      await signIn(other, ADMIN);
      await other.evaluate(`window.location.hash = ${JSON.stringify(ticketPath)}`);
      await other.getByTestId('action-assign').click();
      await other.getByTestId('action-engineer').selectOption({ label: ENGINEER.displayName });
      await other.getByTestId('action-submit').click();
      await other.getByTestId('ticket-detail').locator('[data-status="assigned"]').first().waitFor();
    } finally {
      await other.close();
    }

    // The page shows the change, but the open form still sends the version it was opened
    // on: main refuses it, and saying so is the point.
    await expectStatus('assigned', '已分配');
    await page.getByTestId('action-submit').click();
    const error = page.getByTestId('action-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('该服务请求刚被他人修改，已重新加载最新内容，请核对后重试。');
    await shot('07-conflict');
    // Sending again, over what is now shown, goes through.
    await submitAction();
    await expectStatus('assigned', '已分配');
  });

  step('王工 cannot resolve it a second time: 锁定 for the service manager', async () => {
    await openAs(ENGINEER);
    await logWork('未解决', '电容正常，疑似控制板故障，需厂家技术支持。', false);
    await expectStatus('locked', '锁定');
    expect(await page.getByTestId('attempts').textContent()).toBe('2/2');
    expect(await page.getByTestId('lock-alert').textContent()).toBe('锁定：两次处理仍未解决 — 等待服务经理处理');
    expect(await actions()).toEqual([]);
    await shot('08-locked');
  });

  step('the service manager unlocks it by reassigning to 王工', async () => {
    await openAs(ADMIN);
    expect(await actions()).toEqual(['unlock']);
    await openAction('unlock');
    expect(await page.getByLabel('重新分配服务工程师', { exact: true }).isChecked()).toBe(true);
    // The request's engineer is proposed.
    await expect.poll(() => page.getByTestId('action-engineer').inputValue()).not.toBe('');
    await page.getByTestId('action-engineer').selectOption({ label: ENGINEER.displayName });
    await page.getByTestId('action-note').fill('已联系厂家，请携带新控制板再次上门。');
    await shot('09-unlock-form');
    await submitAction();
    await expectStatus('assigned', '已分配');
    expect(await page.getByTestId('attempts').textContent()).toBe('2/2');
    expect(await page.getByTestId('lock-alert').count()).toBe(0);
  });

  step('王工 resolves it', async () => {
    await openAs(ENGINEER);
    await logWork('已解决', '更换控制板，连续运行两小时正常。', false);
    await expectStatus('resolved', '已处理');
    expect(await page.getByTestId('work-log-row').count()).toBe(3);
  });

  step('a satisfied follow-up closes it', async () => {
    await openAs(ADMIN);
    await recordFollowUp(5, '客户确认设备运行正常，非常满意。');
    await expectStatus('closed', '已关闭');
    expect(await page.getByTestId('follow-up').count()).toBe(2);
    const kinds = await page.getByTestId('ticket-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['created', 'slaComputed', 'assign', 'logWork', 'recordFollowUp', 'assign', 'assign', 'logWork', 'unlock', 'logWork', 'recordFollowUp']);
    const history = (await page.getByTestId('ticket-event').allTextContents()).join('\n');
    for (const label of ['创建服务请求', '分配服务工程师', '服务记录', '回访结果', '解除锁定']) expect(history).toContain(label);
    expect(history).toContain('状态：已分配 → 锁定');
    expect(await status()).toBe('closed');
    await shot('10-closed');
    expect(pageErrors).toEqual([]);
  });
});
