import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { addAccount, screenshot, setUpDesk, signIn, signOut, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// The queue as a dispatcher uses it, in Chinese, on a desk without demo data: three
// requests arrive → the 待分配 view counts 3 → two are selected (a click and the X key)
// and assigned to 李工 in one go → 待分配 counts 1 → 李工 signs in and finds both under
// 我的服务请求 → he replies to the customer and leaves an internal note on one.
//
// The engineer account is written straight into the host's database, as in lifecycle.spec.ts.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '周主管' };
const ENGINEER = { username: 'li', password: 'Weixiu#2024', displayName: '李工' };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const REQUESTS = [
  { customer: `苏州明德精密机械有限公司${RUN}`, subject: `数控机床主轴异响 ${RUN}` },
  { customer: `无锡华辰物流有限公司${RUN}`, subject: `冷藏车制冷机组报警 ${RUN}` },
  { customer: `常州博远医疗器械有限公司${RUN}`, subject: `净化车间空调不制冷 ${RUN}` },
];
const REPLY = '您好，李工将于明天上午九点上门检修，请安排人员配合。';
const NOTE = '客户为重点客户，上门前先带好备用压缩机电容。';

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await screenshot(page, `queue-${name}`);
}

async function blur(): Promise<void> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
}

async function count(view: string): Promise<string | null> {
  return page.getByTestId(`nav-view-count-${view}`).textContent();
}

async function rowSubjects(): Promise<string[]> {
  const rows = page.getByTestId('ticket-row');
  return (await rows.allTextContents()).map((text) => REQUESTS.find((r) => text.includes(r.subject))?.subject ?? text);
}

describe('queue: saved views, bulk assignment and replies', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk without demo data and adds engineer 李工', async () => {
    await setUpDesk(page, { url: host.url, companyName: '江南机电售后服务中心', admin: ADMIN });
    await addAccount(host.dataDir, { ...ENGINEER, role: 'engineer' });
    await page.reload();
    await page.getByTestId('queue-empty').waitFor();
    // Every saved view under 服务请求, each with its count.
    await expect.poll(() => count('unassigned')).toBe('0');
    const views = await page.getByTestId('nav-views').locator('a').allTextContents();
    expect(views).toEqual(['我的服务请求0', '待分配0', '锁定（待服务经理处理）0', '今日到期及逾期0', '待回访0', '投诉0', '挂起0', '即将超时0', '已超时0']);
  });

  step('enters three requests; 待分配 counts 3', async () => {
    for (const request of REQUESTS) {
      await blur();
      await page.keyboard.press('n');
      await page.locator('[data-testid="customer-input"]:focus').waitFor();
      await page.keyboard.type(request.customer);
      await page.getByTestId('customer-create').waitFor();
      await page.keyboard.press('Enter');
      await page.locator('input[name=subject]').fill(request.subject);
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });
      await page.getByTestId('ticket-row').filter({ hasText: request.subject }).waitFor();
    }
    await expect.poll(() => count('unassigned')).toBe('3');
    await page.getByTestId('nav-view-unassigned').click();
    await expect.poll(() => page.getByTestId('queue-title').textContent()).toBe('待分配');
    expect(new URL(page.url()).hash).toBe('#/tickets?view=unassigned');
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(3);
    // Newest first.
    expect(await rowSubjects()).toEqual([REQUESTS[2]!.subject, REQUESTS[1]!.subject, REQUESTS[0]!.subject]);
    await shot('01-unassigned');

    // The queue's letter keys stay letters while typing in a text box.
    await page.getByTestId('queue-text').click();
    await page.keyboard.type('jkxa');
    expect(await page.getByTestId('queue-text').inputValue()).toBe('jkxa');
    await page.getByTestId('queue-empty').waitFor();
    await page.getByTestId('queue-text').fill('');
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(3);
    expect(new URL(page.url()).hash).toBe('#/tickets?view=unassigned');
    await blur();
  });

  step('selects two (a click, then J and X) and assigns them to 李工 at once', async () => {
    await page.getByTestId('ticket-row').nth(0).getByTestId('row-check').click();
    await page.getByTestId('bulk-bar').waitFor();
    expect(await page.getByTestId('bulk-count').textContent()).toBe('已选择 1 条服务请求');
    // The just-created request has the keyboard focus (row 1). The clicked checkbox keeps
    // the browser's focus, yet the keys still move and select.
    expect(await page.getByTestId('ticket-row').nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('ticket-row').nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('x');
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe('已选择 2 条服务请求');
    expect(await page.locator('[data-testid="ticket-row"][data-checked]').count()).toBe(2);
    await shot('02-selected');

    await page.getByTestId('bulk-assign').click();
    await page.getByRole('option', { name: ENGINEER.displayName }).click();
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('2 条已更新，0 条失败');
    await page.getByTestId('bulk-bar').waitFor({ state: 'hidden' });
    await expect.poll(() => count('unassigned')).toBe('1');
    await expect.poll(() => rowSubjects()).toEqual([REQUESTS[0]!.subject]);
    await shot('03-assigned');
  });

  step('李工 finds both under 我的服务请求', async () => {
    await signOut(page);
    await signIn(page, ENGINEER);

    await expect.poll(() => count('mine')).toBe('2');
    await page.getByTestId('nav-view-mine').click();
    await expect.poll(() => page.getByTestId('queue-title').textContent()).toBe('我的服务请求');
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(2);
    expect((await rowSubjects()).sort()).toEqual([REQUESTS[1]!.subject, REQUESTS[2]!.subject].sort());
    // An engineer does not assign: no checkboxes, no bulk bar.
    expect(await page.getByTestId('row-check').count()).toBe(0);
    await shot('04-mine');
  });

  step('replies to the customer (R, Ctrl+Enter) and leaves an internal note', async () => {
    // From the queue: J focuses a row, R opens it with the reply box ready.
    await blur();
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await page.locator('[data-testid="note-body"]:focus').waitFor();
    expect(page.url()).toContain('reply=1');
    await page.goBack();
    await page.getByTestId('ticket-row').first().waitFor();

    await page.getByTestId('ticket-row').filter({ hasText: REQUESTS[2]!.subject }).click();
    await page.getByTestId('ticket-detail').waitFor();
    await blur();
    await page.keyboard.press('r');
    await page.locator('[data-testid="note-body"]:focus').waitFor();
    expect(await page.getByTestId('note-composer').getAttribute('data-kind')).toBe('reply');
    await page.keyboard.type(REPLY);
    await page.keyboard.press('Control+Enter');
    const reply = page.locator('[data-testid="ticket-event"][data-kind="reply"]');
    await reply.waitFor();
    expect(await reply.getByTestId('event-label').textContent()).toBe('回复客户');
    expect(await reply.getByTestId('event-note').textContent()).toBe(REPLY);
    expect(await reply.textContent()).toContain(`操作人：${ENGINEER.displayName}`);
    await expect.poll(() => page.getByTestId('note-body').inputValue()).toBe('');

    await page.getByTestId('note-kind').getByText('内部备注').click();
    await page.getByTestId('note-body').fill(NOTE);
    await page.getByTestId('note-send').click();
    const note = page.locator('[data-testid="ticket-event"][data-kind="note"]');
    await note.waitFor();
    expect(await note.getByTestId('event-label').textContent()).toBe('内部备注');
    expect(await note.getByTestId('event-note').textContent()).toBe(NOTE);

    const kinds = await page.getByTestId('ticket-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['created', 'slaComputed', 'assign', 'reply', 'note']);
    await shot('05-reply');
    expect(pageErrors).toEqual([]);
  });
});
