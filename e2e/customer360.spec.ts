import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { screenshot, setUpDesk, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// The customer 360 page, in Chinese, on a desk without demo data: the product model added in
// 产品目录 by the administrator (the same model refused, the name edited) → two requests entered for
// one new customer (landline and a contact) → a reply on the first → the customer's page
// opened from the request → name, phone, KPIs, the contact, no installed products, and the
// timeline with both requests and the reply → the timeline narrowed to replies → 新建服务请求
// opens the form with the customer chosen, and the new request counts on the page → the
// intake panel's link leads to the page and closes the form → an installed product added
// under a VIP warranty (保修期内) → the same serial number of the same model refused → the
// warranty edited to have ended last month (已过保) → the product deleted after confirming.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '刘经理' };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const CUSTOMER = `上海浦江物业管理有限公司${RUN}`;
const CUSTOMER_PHONE = '021-5555 0101';
const CONTACT = '陈经理';
const CONTACT_PHONE = '138 1234 5678';
const FIRST = `地下车库排风机异响 ${RUN}`;
const SECOND = `十二楼冷却塔漏水 ${RUN}`;
const THIRD = `大堂空调不制冷 ${RUN}`;
const REPLY = '您好，服务工程师明天上午九点上门检查排风机，请安排物业人员陪同。';
// A desk without demo data has no product models: the administrator adds one in 产品目录,
// first under a short name, then edits it to PRODUCT.name.
const PRODUCT = { productLine: '商用空调', model: 'KFR-72LW/B3', name: '立柜式空调 3匹' };
const FIRST_NAME = '柜式空调';
const PRODUCT_LABEL = '立柜式空调 3匹 (KFR-72LW/B3)';
const SERIAL = 'SN-2026-0001';
const LOCATION = '十二楼设备机房';

const DAY_MS = 86_400_000;
/** Today in Shanghai, the desk's and the browser's time zone, as YYYY-MM-DD. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const dayFromToday = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const YEAR_AGO = dayFromToday(-365);
const YEAR_AHEAD = dayFromToday(365);
/** The last day of last month (day 0 of this month). */
const LAST_MONTH_END = new Date(Date.UTC(Number(TODAY.slice(0, 4)), Number(TODAY.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await screenshot(page, `customer360-${name}`);
}

/** Opens the new request form from the queue with the N key; the customer field has the focus. */
async function openNewRequestForm(): Promise<void> {
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-title').waitFor();
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('n');
  await page.locator('[data-testid="customer-input"]:focus').waitFor();
}

/** Saves the open form with Ctrl+Enter from the subject field and waits for it to close. */
async function submitNewRequest(subject: string): Promise<void> {
  await page.getByTestId('subject-input').fill(subject);
  await page.getByTestId('subject-input').focus();
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });
}

async function kpi(key: string): Promise<string | null> {
  return page.getByTestId(`customer-kpi-${key}`).getByTestId('kpi-value').textContent();
}

/** The error Mantine shows under the input with this test id, if any. */
async function fieldError(testId: string): Promise<string | null> {
  const describedBy = (await page.getByTestId(testId).getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? page.locator(`[id="${errorId}"]`).textContent() : null;
}

/** The shown timeline entries as "kind/eventKind", newest first. */
async function timelineKinds(): Promise<string[]> {
  return page.getByTestId('timeline-item').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}/${e.getAttribute('data-event-kind')}`));
}

describe('customer 360: one page with everything about a customer', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk in Chinese without demo data', async () => {
    await setUpDesk(page, { url: host.url, companyName: '华东制冷设备服务有限公司', admin: ADMIN });
  });

  step('the administrator adds the product model in 产品目录', async () => {
    const nav = page.getByTestId('nav-products');
    expect(await nav.textContent()).toBe('产品目录');
    await nav.click();
    await page.getByTestId('products-page').waitFor();
    expect(new URL(page.url()).hash).toBe('#/products');
    await page.getByTestId('products-empty').waitFor();

    await page.getByTestId('product-add').click();
    const form = page.getByTestId('product-form');
    await form.waitFor();
    await page.getByTestId('product-line').fill(PRODUCT.productLine);
    await page.getByTestId('product-model').fill(PRODUCT.model);
    await page.getByTestId('product-name').fill(FIRST_NAME);
    await page.getByTestId('product-save').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText(`产品已保存：${FIRST_NAME} (${PRODUCT.model})`).waitFor();

    // Under its product line, which counts it.
    const group = page.locator(`[data-testid="product-line-group"][data-product-line="${PRODUCT.productLine}"]`);
    expect(await group.textContent()).toContain('1 个型号');
    const row = group.getByTestId('product-row');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(PRODUCT.model);
    expect(await row.textContent()).toContain(FIRST_NAME);
    expect(await page.getByTestId('products-empty').count()).toBe(0);
    // The modal's closing fade is over before the picture.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot('01-product-added');
  });

  step('refuses the same model again, keeping what was typed', async () => {
    await page.getByTestId('product-add').click();
    const form = page.getByTestId('product-form');
    await form.waitFor();
    await page.getByTestId('product-line').fill(PRODUCT.productLine);
    await page.getByTestId('product-model').fill(PRODUCT.model);
    await page.getByTestId('product-name').fill('立柜式空调');
    await page.getByTestId('product-save').click();
    await expect.poll(() => fieldError('product-model')).toBe('产品目录中已有此型号，请编辑原有条目');
    expect(await page.getByTestId('product-model').inputValue()).toBe(PRODUCT.model);
    expect(await page.getByTestId('product-name').inputValue()).toBe('立柜式空调');
    await shot('02-product-model-taken');

    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('product-row').count()).toBe(1);
  });

  step("edits the product's name", async () => {
    const row = page.getByTestId('product-row');
    await row.getByTestId('product-edit').click();
    const form = page.getByTestId('product-form');
    await form.waitFor();
    // The form starts from the record.
    expect(await page.getByTestId('product-line').inputValue()).toBe(PRODUCT.productLine);
    expect(await page.getByTestId('product-model').inputValue()).toBe(PRODUCT.model);
    expect(await page.getByTestId('product-name').inputValue()).toBe(FIRST_NAME);
    await page.getByTestId('product-name').fill(PRODUCT.name);
    await page.getByTestId('product-save').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText(`产品已保存：${PRODUCT_LABEL}`).waitFor();

    await expect.poll(() => row.textContent()).toContain(PRODUCT.name);
    expect(await row.count()).toBe(1);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot('03-product-edited');
  });

  step('enters a request for a new customer with a landline and a contact', async () => {
    await openNewRequestForm();
    await page.keyboard.type(CUSTOMER);
    await page.getByTestId('customer-create').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`将新建客户“${CUSTOMER}”`).waitFor();
    await page.locator('input[name=customerPhone]').fill(CUSTOMER_PHONE);
    await page.locator('input[name=contactName]').fill(CONTACT);
    await page.locator('input[name=contactPhone]').fill(CONTACT_PHONE);
    // The catalog's change reached the request form's product select.
    expect(await page.locator('select[name=product] option').allTextContents()).toContain(PRODUCT_LABEL);
    await submitNewRequest(FIRST);
    await page.getByTestId('ticket-row').filter({ hasText: FIRST }).waitFor();
  });

  step('enters a second request for the same customer, now an existing one', async () => {
    await openNewRequestForm();
    await page.keyboard.type(CUSTOMER);
    await page.getByTestId('customer-option').filter({ hasText: CUSTOMER }).click();
    // The intake panel counts the first request; the contact is taken over.
    await page.getByTestId('customer-service-panel').filter({ hasText: '未结 1 件' }).waitFor();
    expect(await page.locator('select[name=contact] option:checked').textContent()).toContain(CONTACT);
    await submitNewRequest(SECOND);
    await page.getByTestId('ticket-row').filter({ hasText: SECOND }).waitFor();
  });

  step('replies to the customer on the first request', async () => {
    await page.getByTestId('ticket-row').filter({ hasText: FIRST }).click();
    await page.getByTestId('ticket-detail').waitFor();
    expect(await page.getByTestId('note-composer').getAttribute('data-kind')).toBe('reply');
    await page.getByTestId('note-body').fill(REPLY);
    await page.getByTestId('note-send').click();
    await page.locator('[data-testid="ticket-event"][data-kind="reply"]').filter({ hasText: REPLY }).waitFor();
  });

  step("opens the customer's page from the request: profile, KPIs, the contact, no installed products", async () => {
    const link = page.getByTestId('customer-link');
    expect(await link.textContent()).toBe(CUSTOMER);
    await link.click();
    await page.getByTestId('customer-page').waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/customers\/\d+$/);
    expect(await page.getByTestId('customer-name').textContent()).toBe(CUSTOMER);
    // Stored in one form however it was typed.
    expect(await page.getByTestId('customer-phone').textContent()).toBe('+86-21-55550101');
    expect(await page.getByTestId('customer-page-agreement').textContent()).toBe('服务协议：按默认协议');

    await expect.poll(() => kpi('openRequests')).toBe('2');
    expect(await kpi('requestsLast12Months')).toBe('2');
    expect(await kpi('meanResolutionHours')).toBe('—');
    expect(await kpi('csat')).toBe('—');
    expect(await page.getByTestId('customer-kpi-csat').getByTestId('kpi-hint').textContent()).toBe('0 次回访');
    expect(await kpi('complaints')).toBe('0');
    expect(await kpi('lastContactAt')).not.toBe('—');

    const contacts = page.getByTestId('customer-contact');
    expect(await contacts.count()).toBe(1);
    expect(await contacts.first().textContent()).toContain(CONTACT);
    expect(await contacts.first().textContent()).toContain('+8613812345678');

    expect(await page.getByTestId('customer-asset').count()).toBe(0);
    expect(await page.getByTestId('customer-assets-empty').textContent()).toBe('该客户还没有已购产品记录。');
  });

  step('shows both requests and the reply on the timeline, newest first', async () => {
    await page.getByTestId('timeline-item').first().waitFor();
    const kinds = await timelineKinds();
    expect(kinds.filter((k) => k === 'request/created')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'reply/reply')).toHaveLength(1);
    // The reply came last, so it leads.
    expect(kinds[0]).toBe('reply/reply');

    const reply = page.locator('[data-testid="timeline-item"][data-kind="reply"]');
    expect(await reply.getByTestId('timeline-note').textContent()).toBe(REPLY);
    expect(await reply.getByTestId('timeline-text').textContent()).toBe('回复客户');
    expect(await reply.textContent()).toContain(FIRST);
    expect(await reply.textContent()).toContain(`操作人：${ADMIN.displayName}`);
    const created = page.locator('[data-testid="timeline-item"][data-event-kind="created"]');
    expect(await created.filter({ hasText: SECOND }).getByTestId('timeline-text').textContent()).toBe('创建服务请求 · 状态：待分配');
    expect(await page.getByTestId('timeline-more').count()).toBe(0);
    await shot('04-customer-page');
  });

  step('narrows the timeline to replies', async () => {
    const filter = page.getByTestId('timeline-filter');
    // 其他 (assignments, SLA computations…) starts off.
    for (const label of ['服务请求', '备注', '上门服务', '回访', '投诉', '采购']) {
      await filter.getByText(label, { exact: true }).click();
    }
    await expect.poll(timelineKinds).toEqual(['reply/reply']);
    // The last chip stays on: a timeline narrowed to nothing would show nothing.
    await filter.getByText('回复', { exact: true }).click();
    await expect.poll(timelineKinds).toEqual(['reply/reply']);
    await shot('05-timeline-replies');

    // The reply leads back to its request.
    await page.getByTestId('timeline-request-link').click();
    await page.getByTestId('ticket-detail').waitFor();
    expect(await page.getByTestId('ticket-subject').textContent()).toBe(FIRST);
    await page.getByTestId('customer-link').click();
    await page.getByTestId('customer-page').waitFor();
  });

  step('新建服务请求 opens the form with the customer already chosen', async () => {
    await page.getByTestId('customer-new-request').click();
    await page.getByTestId('new-ticket-form').waitFor();
    expect(await page.getByTestId('customer-input').inputValue()).toBe(CUSTOMER);
    await page.getByTestId('customer-service-panel').filter({ hasText: '未结 2 件' }).waitFor();
    expect(await page.locator('select[name=contact] option:checked').textContent()).toContain(CONTACT);
    // The customer is given: the agent starts on the subject.
    await page.locator('[data-testid="subject-input"]:focus').waitFor();
    await shot('06-new-request-for-customer');

    await page.keyboard.type(THIRD);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });
    // Away from the queue, the new request opens; its customer is this one.
    await expect.poll(() => page.getByTestId('ticket-subject').textContent()).toBe(THIRD);
    expect(await page.getByTestId('customer-link').textContent()).toBe(CUSTOMER);
    await page.getByTestId('customer-link').click();
    await page.getByTestId('customer-page').waitFor();
    await expect.poll(() => kpi('openRequests')).toBe('3');
    await page.locator('[data-testid="timeline-item"][data-event-kind="created"]').filter({ hasText: THIRD }).waitFor();
  });

  step("the intake panel's link opens the customer's page and leaves the form", async () => {
    await openNewRequestForm();
    await page.keyboard.type(CUSTOMER);
    await page.getByTestId('customer-option').filter({ hasText: CUSTOMER }).click();
    await page.getByTestId('customer-360-link').click();
    await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('customer-name').textContent()).toBe(CUSTOMER);
    await shot('07-from-intake');
  });

  step('adds an installed product under a VIP warranty: 保修期内', async () => {
    await page.getByTestId('asset-add').click();
    const form = page.getByTestId('asset-form');
    await form.waitFor();
    await page.getByTestId('asset-product').selectOption({ label: PRODUCT_LABEL });
    await page.getByTestId('asset-serial').fill(SERIAL);
    await page.getByTestId('asset-install-date').fill(YEAR_AGO);
    await page.getByTestId('asset-location').fill(LOCATION);
    await page.getByTestId('asset-warranty-start').fill(YEAR_AGO);
    await page.getByTestId('asset-warranty-end').fill(YEAR_AHEAD);
    // The desk's warranty default first, then the active agreements.
    expect(await page.getByTestId('asset-agreement').locator('option').allTextContents()).toEqual(['保修默认协议', '标准 Standard', '金牌 Gold', 'VIP']);
    await page.getByTestId('asset-agreement').selectOption({ label: 'VIP' });
    await shot('08-asset-form');
    await page.getByTestId('asset-save').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText(`已购产品已保存：${PRODUCT_LABEL} · ${SERIAL}`).waitFor();

    const row = page.getByTestId('customer-asset');
    expect(await row.count()).toBe(1);
    expect(await page.getByTestId('customer-assets-empty').count()).toBe(0);
    expect(await row.getAttribute('data-warranty')).toBe('in_warranty');
    expect(await row.getByTestId('warranty-badge').textContent()).toBe('保修期内');
    expect(await row.getByTestId('asset-agreement-name').textContent()).toBe('VIP');
    for (const text of [PRODUCT.name, PRODUCT.model, SERIAL, LOCATION]) expect(await row.textContent()).toContain(text);
    await shot('09-asset-added');
  });

  step("a request about that product counts in the warranty's VIP terms and shows the warranty", async () => {
    await page.getByTestId('customer-new-request').click();
    await page.getByTestId('new-ticket-form').waitFor();
    await page.locator('select[name=product]').selectOption({ label: PRODUCT_LABEL });
    await page.getByTestId('subject-input').fill(`${PRODUCT.name}不制冷`);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('ticket-subject').textContent()).toBe(`${PRODUCT.name}不制冷`);
    const warranty = page.getByTestId('ticket-warranty');
    expect(await warranty.getByTestId('warranty-badge').getAttribute('data-warranty')).toBe('in_warranty');
    expect(await warranty.textContent()).toContain(`序列号 ${SERIAL}`);
    expect(await warranty.textContent()).toContain(`保修至 ${YEAR_AHEAD.replaceAll('-', '/')}`);
    expect(await page.getByTestId('sla-panel').getAttribute('data-basis')).toBe('warranty');
    expect(await page.getByTestId('sla-agreement-name').textContent()).toBe('VIP');
    await shot('09b-request-under-warranty');
    await page.getByTestId('customer-link').click();
    await page.getByTestId('customer-page').waitFor();
  });

  step('refuses the same serial number for the same model, keeping what was typed', async () => {
    await page.getByTestId('asset-add').click();
    const form = page.getByTestId('asset-form');
    await form.waitFor();
    await page.getByTestId('asset-product').selectOption({ label: PRODUCT_LABEL });
    await page.getByTestId('asset-serial').fill(SERIAL);
    await page.getByTestId('asset-location').fill('地下车库');
    await page.getByTestId('asset-save').click();
    await expect.poll(() => fieldError('asset-serial')).toBe('该型号的此序列号已有记录，请核对');
    expect(await page.getByTestId('asset-serial').inputValue()).toBe(SERIAL);
    expect(await page.getByTestId('asset-location').inputValue()).toBe('地下车库');
    expect(await page.locator('[data-testid="asset-product"] option:checked').textContent()).toBe(PRODUCT_LABEL);
    await shot('10-asset-serial-taken');

    await form.getByRole('button', { name: '取消' }).click();
    await form.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('customer-asset').count()).toBe(1);
  });

  step('edits the warranty to have ended last month: 已过保', async () => {
    const row = page.getByTestId('customer-asset');
    await row.getByTestId('asset-edit').click();
    const form = page.getByTestId('asset-form');
    await form.waitFor();
    // The form starts from the record.
    expect(await page.getByTestId('asset-serial').inputValue()).toBe(SERIAL);
    expect(await page.getByTestId('asset-warranty-end').inputValue()).toBe(YEAR_AHEAD);
    expect(await page.locator('[data-testid="asset-agreement"] option:checked').textContent()).toBe('VIP');
    await page.getByTestId('asset-warranty-end').fill(LAST_MONTH_END);
    await page.getByTestId('asset-save').click();
    await form.waitFor({ state: 'hidden' });

    await expect.poll(() => row.getAttribute('data-warranty')).toBe('expired');
    expect(await row.getByTestId('warranty-badge').textContent()).toBe('已过保');
    expect(await row.getByTestId('asset-agreement-name').textContent()).toBe('VIP');
    await shot('11-asset-expired');
  });

  step('deletes the installed product after confirming; the section is empty again', async () => {
    await page.getByTestId('customer-asset').getByTestId('asset-delete').click();
    const dialog = page.getByTestId('asset-remove-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`确定删除已购产品「${PRODUCT_LABEL} · ${SERIAL}」吗？`);
    await shot('12-asset-remove');
    await page.getByTestId('asset-remove-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('customer-assets-empty').waitFor();
    expect(await page.getByTestId('customer-asset').count()).toBe(0);
    await page.getByText(`已购产品已删除：${PRODUCT_LABEL} · ${SERIAL}`).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
