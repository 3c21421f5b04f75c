import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { addAccount, screenshot, setUpDesk, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// A complaint, in Chinese, on a desk without demo data: entered with the keyboard against
// engineer 王工 → the complaint panel shows it → logging the work as resolved is refused
// until the service manager acknowledges it → acknowledged → root cause and corrective
// action recorded → resolved → a file attached and downloaded (never opened) → a second
// request about the same trouble merged into it as a duplicate.
//
// The admin (刘经理) holds every permission and acts throughout; the engineer account is
// written straight into the host's database, as in lifecycle.spec.ts.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '刘经理' };
const ENGINEER = { username: 'wang', password: 'Weixiu#2024', displayName: '王工' };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const CUSTOMER = `苏州明远物业管理有限公司${RUN}`;
const SUBJECT = `投诉：上门服务迟到且态度差 ${RUN}`;
const DUPLICATE_SUBJECT = `客户再次来电投诉服务工程师迟到 ${RUN}`;
const ROOT_CAUSE = '派工时未确认路况，服务工程师迟到两小时且未提前告知客户。';
const CORRECTIVE_ACTION = '派工单增加预计到达时间；迟到超过 30 分钟须提前致电客户；本月对王工进行服务规范培训。';
const FILE_NAME = '客户投诉录音摘要.txt';
const FILE_TEXT = '2024 年客户来电摘要：服务工程师迟到两小时。\n';

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let firstPath = '';
let firstNumber = '';
let secondNumber = '';

async function shot(name: string): Promise<void> {
  await screenshot(page, `complaints-${name}`);
}

/** Presses Tab until the form field named `name` has the focus. */
async function tabTo(name: string): Promise<void> {
  for (let tabs = 0; (await page.locator(`[name="${name}"]:focus`).count()) === 0; tabs++) {
    if (tabs > 25) throw new Error(`The field ${name} was not reached with Tab`);
    await page.keyboard.press('Tab');
  }
}

/** Moves a focused native select down with the arrow key until it holds `value`. */
async function arrowTo(name: string, value: string): Promise<void> {
  const select = page.locator(`select[name="${name}"]`);
  for (let presses = 0; (await select.inputValue()) !== value; presses++) {
    if (presses > 10) throw new Error(`${name} did not reach ${value} with the arrow keys`);
    await page.keyboard.press('ArrowDown');
  }
}

async function expectStatus(code: string, zh: string): Promise<void> {
  const badge = page.getByTestId('ticket-detail').locator(`[data-status="${code}"]`).first();
  await badge.waitFor();
  expect(await badge.textContent()).toBe(zh);
}

async function openAction(action: string): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await page.locator(`[data-testid="action-form"][data-action="${action}"]`).waitFor();
}

async function fillResolvedWork(): Promise<void> {
  await openAction('logWork');
  await page.getByLabel('保修/协议内（不收费）', { exact: true }).check();
  await page.getByTestId('work-findings').fill('上门向客户致歉，复查空调运行正常。');
  await page.getByLabel('已解决', { exact: true }).check();
  await page.getByTestId('action-submit').click();
}

describe('complaints: acknowledgement, analysis, attachments and a merged duplicate', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk({ acceptDownloads: true }));
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk in Chinese without demo data, then adds engineer 王工', async () => {
    await setUpDesk(page, { url: host.url, companyName: '华东制冷设备服务有限公司', admin: ADMIN });
    await addAccount(host.dataDir, { ...ENGINEER, role: 'engineer' });
    // Forget the engineer list already fetched.
    await page.reload();
    await page.getByTestId('queue-empty').waitFor();
  });

  step('enters a complaint against 王工 with the keyboard alone', async () => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('n');
    await page.locator('[data-testid="customer-input"]:focus').waitFor();
    await page.keyboard.type(CUSTOMER);
    await page.getByTestId('customer-create').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`将新建客户“${CUSTOMER}”`).waitFor();

    // Type: 报修 → 投诉 with the arrow keys; the complaint's own fields appear.
    await tabTo('type');
    await arrowTo('type', 'complaint');
    await page.getByTestId('complaint-fields').waitFor();
    expect(await page.locator('select[name="complaintSeverity"]').inputValue()).toBe('medium');
    expect(await page.locator('select[name="complaintParty"]').inputValue()).toBe('product');
    await tabTo('complaintSeverity');
    await arrowTo('complaintSeverity', 'high');
    await tabTo('complaintParty');
    await arrowTo('complaintParty', 'engineer');
    // Only a complaint about an engineer names one.
    await tabTo('complaintPartyUser');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('select[name="complaintPartyUser"] option:checked').textContent()).toBe(ENGINEER.displayName);
    await tabTo('subject');
    await page.keyboard.type(SUBJECT);
    await page.keyboard.press('Tab');
    await page.keyboard.type('客户来电：约定上午九点上门，服务工程师十一点才到，且未提前告知。');
    await shot('01-new-complaint-form');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });

    const created = page.getByTestId('created-number');
    await created.waitFor();
    firstNumber = /SR-\d{8}-\d{4}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
    expect(firstNumber).not.toBe('');
    await page.getByTestId('ticket-row').filter({ hasText: SUBJECT }).click();
    await page.getByTestId('ticket-detail').waitFor();
    firstPath = new URL(page.url()).hash;
  });

  step('shows the complaint panel: severity, 王工, awaiting acknowledgement', async () => {
    const panel = page.getByTestId('complaint-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-acknowledged')).toBe('no');
    expect(await panel.getByTestId('complaint-severity').textContent()).toBe('严重');
    expect(await panel.getByTestId('complaint-party').textContent()).toBe(`服务工程师：${ENGINEER.displayName}`);
    expect(await panel.getByTestId('complaint-acknowledgement').textContent()).toBe('待服务经理确认');
    expect(await panel.getByTestId('complaint-root-cause').textContent()).toBe('（尚未填写）');
    await page.getByTestId('complaint-acknowledge').waitFor();
    await shot('02-complaint-panel');
  });

  step('logging the work as resolved is refused until the complaint is acknowledged', async () => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('a');
    await page.locator('[data-testid="action-form"][data-action="assign"]').waitFor();
    await page.getByTestId('action-engineer').selectOption({ label: ENGINEER.displayName });
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('action-form').waitFor({ state: 'hidden' });
    await expectStatus('assigned', '已分配');

    await fillResolvedWork();
    const error = page.getByTestId('action-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('投诉尚未经服务经理确认，不能标记为已处理或关闭。');
    await shot('03-resolve-refused');
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('action-form').waitFor({ state: 'hidden' });
    await expectStatus('assigned', '已分配');
  });

  step('the service manager acknowledges it; root cause and corrective action are recorded', async () => {
    const panel = page.getByTestId('complaint-panel');
    await page.getByTestId('complaint-acknowledge').click();
    await expect.poll(() => panel.getAttribute('data-acknowledged')).toBe('yes');
    expect(await panel.getByTestId('complaint-acknowledgement').textContent()).toContain(`${ADMIN.displayName} 于`);
    expect(await page.getByTestId('complaint-acknowledge').count()).toBe(0);

    await page.getByTestId('complaint-edit').click();
    await page.locator('textarea[name="rootCause"]:focus').waitFor();
    await page.keyboard.type(ROOT_CAUSE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CORRECTIVE_ACTION);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('complaint-form').waitFor({ state: 'hidden' });
    expect(await panel.getByTestId('complaint-root-cause').textContent()).toBe(ROOT_CAUSE);
    expect(await panel.getByTestId('complaint-corrective-action').textContent()).toBe(CORRECTIVE_ACTION);

    // Now the work may be logged as resolved.
    await fillResolvedWork();
    await page.getByTestId('action-form').waitFor({ state: 'hidden' });
    await expectStatus('resolved', '已处理');
    const kinds = await page.getByTestId('ticket-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['created', 'slaComputed', 'assign', 'acknowledge', 'complaintAnalysis', 'logWork']);
    const history = (await page.getByTestId('ticket-event').allTextContents()).join('\n');
    expect(history).toContain('确认投诉');
    expect(history).toContain(`根本原因：${ROOT_CAUSE}`);
    await shot('04-acknowledged-resolved');
  });

  step('refuses a file over 10 MB before sending it', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('attachment-upload').click()]);
    await chooser.setFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    const error = page.getByTestId('attachment-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('“big.bin”超过 10 MB 的上限，不能上传。');
    await page.getByTestId('attachments-empty').waitFor();
  });

  step('attaches a small text file and downloads it without opening it', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('attachment-upload').click()]);
    await chooser.setFiles({ name: FILE_NAME, mimeType: 'text/plain', buffer: Buffer.from(FILE_TEXT, 'utf8') });
    const row = page.getByTestId('attachment-row').filter({ hasText: FILE_NAME });
    await row.waitFor();
    expect(await page.getByTestId('attachment-error').count()).toBe(0);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`${Buffer.byteLength(FILE_TEXT)} B`);
    expect(text).toContain(ADMIN.displayName);
    await page.locator('[data-testid="ticket-event"][data-kind="attachment"]').filter({ hasText: FILE_NAME }).waitFor();

    const pagesBefore = page.context().pages().length;
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('attachment-download').click()]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    const saved = await download.path();
    expect(fs.readFileSync(saved, 'utf8')).toBe(FILE_TEXT);
    // Saved, not shown: no new window and the request is still on screen.
    expect(page.context().pages().length).toBe(pagesBefore);
    expect(new URL(page.url()).hash).toBe(firstPath);
    await shot('05-attachment');
  });

  step('a second request about the same trouble is merged into the first', async () => {
    await page.getByTestId('back-to-queue').click();
    // On the queue, a new request is listed there; from a request's page it would be opened instead.
    await page.getByTestId('ticket-row').filter({ hasText: SUBJECT }).waitFor();
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('n');
    await page.locator('[data-testid="customer-input"]:focus').waitFor();
    await page.keyboard.type(CUSTOMER);
    await page.getByTestId('customer-option').filter({ hasText: CUSTOMER }).click();
    await page.getByTestId('subject-input').fill(DUPLICATE_SUBJECT);
    await page.getByTestId('subject-input').focus();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });
    const created = page.getByTestId('created-number');
    await created.waitFor();
    secondNumber = /SR-\d{8}-\d{4}/.exec((await created.textContent()) ?? '')?.[0] ?? '';
    expect(secondNumber).not.toBe('');
    await page.getByTestId('ticket-row').filter({ hasText: DUPLICATE_SUBJECT }).click();
    await page.getByTestId('ticket-detail').waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toBe(secondNumber);

    await openAction('merge');
    await page.getByTestId('merge-search').fill(firstNumber);
    const candidate = page.locator(`[data-testid="merge-candidate"][data-number="${firstNumber}"]`);
    await candidate.waitFor();
    // It never offers the request itself.
    expect(await page.locator(`[data-testid="merge-candidate"][data-number="${secondNumber}"]`).count()).toBe(0);
    await page.getByLabel(`${firstNumber} · ${SUBJECT}`, { exact: true }).check();
    await page.getByTestId('action-note').fill('同一客户就同一次迟到再次来电。');
    await shot('06-merge-form');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-form').waitFor({ state: 'hidden' });

    await expectStatus('closed', '已关闭');
    const banner = page.getByTestId('merged-alert');
    await banner.waitFor();
    expect(await banner.textContent()).toBe(`此服务请求已作为重复请求合并到 ${firstNumber}`);
    const mergeEvent = page.locator('[data-testid="ticket-event"][data-kind="merge"]');
    expect(await mergeEvent.textContent()).toContain(`已作为重复请求合并到 ${firstNumber}`);
    await shot('07-merged-duplicate');

    // The banner leads to the request that carries on, which lists its duplicate.
    await page.getByTestId('merged-into-link').click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe(firstNumber);
    expect(new URL(page.url()).hash).toBe(firstPath);
    const duplicate = page.getByTestId('duplicates').getByTestId('duplicate-link');
    expect(await duplicate.textContent()).toBe(secondNumber);
    const mergedIn = page.locator('[data-testid="ticket-event"][data-kind="mergedIn"]');
    expect(await mergedIn.textContent()).toContain(`合并了重复请求 ${secondNumber}`);
    await expectStatus('resolved', '已处理');
    await shot('08-duplicates');

    await duplicate.click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe(secondNumber);
    expect(pageErrors).toEqual([]);
  });
});
