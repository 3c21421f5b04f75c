import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { addAccount, screenshot, setUpDesk, signIn, signOut, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// Customer records, in Chinese, on a desk without demo data: a product model in 产品目录 → 客户
// in the navigation, empty → 新建客户 from the list: a landline without its area code and a
// mistyped email refused under their fields, then a company customer of tier 重点 with an
// address, tags and an account manager → its 360 page → the list filtered by tier and tag →
// a contact added → a purchase order of two lines (a catalog product, a described item) with
// its total, on the timeline as 采购 → the profile edited → a second customer under a variant
// of the name: the duplicate warning opens the first one, then the second is saved anyway and
// gets a contact and a request → the administrator merges the second into the first: the
// confirmation names both, the first now has the request and both contacts (the one named on
// the request cannot be deleted), the second points to it → an agent sees customers but no
// 合并客户 → the lifecycle thresholds in 系统设置.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '刘经理' };
const MANAGER = { username: 'wang', password: 'Kongtiao#2024', displayName: '王经理' };
const AGENT = { username: 'zhou', password: 'Kongtiao#2024', displayName: '周客服' };
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
/** ASCII letters and digits as full-width characters (ＡＢ１２), as some input methods type them. */
const fullWidth = (text: string) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const CUSTOMER = `苏州星湖${RUN}酒店管理有限公司`;
/** The same company as typed by someone else: full-width letters, no legal form. */
const VARIANT = `苏州星湖${fullWidth(RUN)}酒店管理`;
const PHONE_TYPED = '0512-6288 1234';
const PHONE_STORED = '+86-512-62881234';
const CONTACT = { name: '赵主管', role: '工程部主管', phone: '139 0000 1111', email: 'zhao@xinghu-hotel.cn' };
const SECOND_CONTACT = '孙经理';
const REQUEST = `客房中央空调噪音大 ${RUN}`;
const PRODUCT = { productLine: '商用空调', model: 'KFR-72LW/B3', name: '立柜式空调 3匹' };
const PRODUCT_LABEL = '立柜式空调 3匹 (KFR-72LW/B3)';
const ORDER_NO = `PO-${RUN}-01`;

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let firstId = 0;
let secondId = 0;

async function shot(name: string): Promise<void> {
  await screenshot(page, `customers-${name}`);
}

/** Waits until no dialog is left (its closing fade over), for a clean picture. */
async function dialogsGone(): Promise<void> {
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

/** The error Mantine shows under the input with this test id, if any. */
async function fieldError(testId: string): Promise<string | null> {
  const describedBy = (await page.getByTestId(testId).getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? page.locator(`[id="${errorId}"]`).textContent() : null;
}

function customerIdFromUrl(): number {
  const match = /#\/customers\/(\d+)$/.exec(page.url());
  if (!match) throw new Error(`Not on a customer's page: ${page.url()}`);
  return Number(match[1]);
}

async function openCustomers(): Promise<void> {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customers-page').waitFor();
}

/** The names of the customers the list shows, once it has what it asked for (null while it is still fetching). */
async function listedNames(): Promise<string[] | null> {
  if ((await page.getByTestId('customers-scroll').getAttribute('aria-busy')) === 'true') return null;
  return page.getByTestId('customer-row-name').allTextContents();
}

async function addTag(tag: string): Promise<void> {
  await page.getByTestId('customer-form-tags').fill(tag);
  await page.keyboard.press('Enter');
}

/** The shown timeline entries as "kind/eventKind", newest first. */
async function timelineKinds(): Promise<string[]> {
  return page.getByTestId('timeline-item').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}/${e.getAttribute('data-event-kind')}`));
}

describe('customers: the list, profiles, contacts, purchase orders and merging', () => {
  beforeAll(async () => {
    ({ host, browser, page, pageErrors } = await startDesk());
  });

  afterAll(() => stopDesk({ host, browser }));

  step('sets up the desk; a service manager to be the account manager; the product model in 产品目录', async () => {
    await setUpDesk(page, { url: host.url, companyName: '华东制冷设备服务有限公司', admin: ADMIN });
    await addAccount(host.dataDir, { ...MANAGER, role: 'supervisor' });
    await addAccount(host.dataDir, { ...AGENT, role: 'agent' });
    await page.reload();
    await page.getByTestId('nav-products').click();
    await page.getByTestId('products-page').waitFor();
    await page.getByTestId('product-add').click();
    await page.getByTestId('product-line').fill(PRODUCT.productLine);
    await page.getByTestId('product-model').fill(PRODUCT.model);
    await page.getByTestId('product-name').fill(PRODUCT.name);
    await page.getByTestId('product-save').click();
    await page.getByTestId('product-form').waitFor({ state: 'hidden' });
    await page.getByTestId('product-row').filter({ hasText: PRODUCT.model }).waitFor();
  });

  step('客户 is in the navigation and starts empty', async () => {
    const nav = page.getByTestId('nav-customers');
    expect(await nav.textContent()).toBe('客户');
    await openCustomers();
    expect(new URL(page.url()).hash).toBe('#/customers');
    expect(await page.getByTestId('customers-title').textContent()).toBe('客户');
    expect(await page.getByTestId('customers-empty').textContent()).toBe('还没有客户。点击“新建客户”建立第一份客户档案。');
  });

  step('新建客户 refuses a landline without its area code and a mistyped email, under their fields', async () => {
    await page.getByTestId('customer-add').click();
    const form = page.getByTestId('customer-form');
    await form.waitFor();
    // The name has the focus.
    await page.locator('[data-testid="customer-form-name"]:focus').waitFor();
    await page.keyboard.type(CUSTOMER);
    await page.getByTestId('customer-form-phone').fill('6288 1234');
    await page.getByTestId('customer-form-email').fill('service@xinghu');
    await page.getByTestId('customer-form-save').click();
    await expect.poll(() => fieldError('customer-form-phone')).toBe('固定电话请加区号，例如 021-5555 0101');
    expect(await fieldError('customer-form-email')).toBe('不是有效的邮箱地址');
    // What was typed stays.
    expect(await page.getByTestId('customer-form-name').inputValue()).toBe(CUSTOMER);
    await shot('01-field-errors');
  });

  step('creates a company customer of tier 重点 with an address, tags and an account manager', async () => {
    await page.getByTestId('customer-form-phone').fill(PHONE_TYPED);
    await page.getByTestId('customer-form-email').fill('service@xinghu-hotel.cn');
    // 企业客户 is the default kind.
    expect(await page.getByTestId('customer-form').getByText('企业客户').isVisible()).toBe(true);
    await page.getByTestId('customer-form-tier').selectOption({ label: '重点客户' });
    await page.getByTestId('customer-form-province').selectOption({ label: '江苏' });
    await page.getByTestId('customer-form-city').fill('苏州市');
    await page.getByTestId('customer-form-district').fill('工业园区');
    await page.getByTestId('customer-form-street').fill('星湖街 88 号');
    await addTag('酒店');
    await addTag('华东');
    await page.getByTestId('customer-form-owner').selectOption({ label: MANAGER.displayName });
    await page.getByTestId('customer-form-note').fill('年度维保客户，客房 320 间');
    await shot('02-new-customer-form');
    await page.getByTestId('customer-form-save').click();

    // Saved, its 360 page opens.
    await page.getByTestId('customer-page').waitFor();
    firstId = customerIdFromUrl();
    expect(await page.getByTestId('customer-name').textContent()).toBe(CUSTOMER);
    const number = await page.getByTestId('customer-number').textContent();
    await page.getByText(`客户已建档：${CUSTOMER}（${number}）`).waitFor();
    expect(await page.getByTestId('customer-kind').textContent()).toBe('企业客户');
    expect(await page.getByTestId('tier-badge').textContent()).toBe('重点客户');
    // New and without requests, but just now created: active.
    expect(await page.getByTestId('lifecycle-badge').textContent()).toBe('活跃');
    expect(await page.getByTestId('customer-phone').textContent()).toBe(PHONE_STORED);
    expect(await page.getByTestId('customer-email').textContent()).toBe('service@xinghu-hotel.cn');
    expect(await page.getByTestId('customer-address').textContent()).toBe('江苏苏州市工业园区星湖街 88 号');
    expect(await page.getByTestId('customer-owner').textContent()).toBe(MANAGER.displayName);
    // Tags in the order main keeps them.
    expect((await page.getByTestId('customer-tag').allTextContents()).sort()).toEqual(['华东', '酒店']);
    expect(await page.getByTestId('customer-note').textContent()).toBe('年度维保客户，客房 320 间');
    expect(await page.getByTestId('customer-orders-empty').textContent()).toBe('该客户还没有采购订单。');
    await dialogsGone();
    await shot('03-customer-created');
  });

  step('lists it, filtered by tier and by tag, and opens it from its row', async () => {
    await openCustomers();
    const row = page.getByTestId('customer-row').filter({ hasText: CUSTOMER });
    await row.waitFor();
    expect(await row.getByTestId('tier-badge').textContent()).toBe('重点客户');
    expect(await row.getByTestId('lifecycle-badge').textContent()).toBe('活跃');
    expect(await row.getByTestId('customer-row-region').textContent()).toBe('江苏 · 苏州市');
    expect((await row.getByTestId('customer-row-tag').allTextContents()).sort()).toEqual(['华东', '酒店']);
    expect(await row.textContent()).toContain(PHONE_STORED);
    expect(await row.textContent()).toContain(MANAGER.displayName);
    expect(await page.getByTestId('customers-count').textContent()).toBe('已全部显示，共 1 位客户');

    await page.getByTestId('customers-filter-tier').selectOption({ label: '战略客户' });
    await page.getByTestId('customers-empty').filter({ hasText: '没有符合筛选条件的客户。' }).waitFor();
    expect(await listedNames()).toEqual([]);
    expect(new URL(page.url()).hash).toBe('#/customers?tier=strategic');
    await page.getByTestId('customers-filter-tier').selectOption({ label: '重点客户' });
    await expect.poll(listedNames).toEqual([CUSTOMER]);
    await page.getByTestId('customers-filter-tag').selectOption({ label: '酒店' });
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/customers?tier=key&tag=${encodeURIComponent('酒店')}`);
    await expect.poll(listedNames).toEqual([CUSTOMER]);
    await page.getByTestId('customers-filter-owner').selectOption({ label: MANAGER.displayName });
    await expect.poll(listedNames).toEqual([CUSTOMER]);
    await shot('04-list-filtered');

    // The keyboard: / searches, J selects the first row, Enter opens it.
    await page.keyboard.press('/');
    await page.locator('[data-testid="customers-search"]:focus').waitFor();
    // The phone in another form than it was entered in.
    await page.keyboard.type('(0512) 62881234');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('text')).toBe('(0512) 62881234');
    await expect.poll(listedNames).toEqual([CUSTOMER]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-page').waitFor();
    expect(customerIdFromUrl()).toBe(firstId);
  });

  step('adds a contact with a role and a preferred channel', async () => {
    await page.getByTestId('contact-add').click();
    const form = page.getByTestId('contact-form');
    await form.waitFor();
    await page.getByTestId('contact-form-name').fill(CONTACT.name);
    await page.getByTestId('contact-form-role').fill(CONTACT.role);
    await page.getByTestId('contact-form-phone').fill(CONTACT.phone);
    await page.getByTestId('contact-form-email').fill(CONTACT.email);
    await page.getByTestId('contact-form-channel').selectOption({ label: '微信' });
    await page.getByTestId('contact-form-save').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText(`联系人已保存：${CONTACT.name}`).waitFor();
    const row = page.getByTestId('customer-contact');
    expect(await row.count()).toBe(1);
    for (const text of [CONTACT.name, CONTACT.role, '+8613900001111', CONTACT.email]) expect(await row.textContent()).toContain(text);
    expect(await row.getByTestId('contact-channel').textContent()).toBe('微信');
  });

  step('adds a purchase order of two lines; its total, and 采购 on the timeline', async () => {
    await page.getByTestId('order-add').click();
    const form = page.getByTestId('order-form');
    await form.waitFor();
    await page.getByTestId('order-form-number').fill(ORDER_NO);
    // Today is offered.
    expect(await page.getByTestId('order-form-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const lines = page.getByTestId('order-line');
    await lines.nth(0).getByTestId('order-line-product').selectOption({ label: PRODUCT_LABEL });
    await lines.nth(0).getByTestId('order-line-quantity').fill('2');
    await lines.nth(0).getByTestId('order-line-price').fill('5999');
    await page.getByTestId('order-add-line').click();
    expect(await lines.count()).toBe(2);
    await lines.nth(1).getByTestId('order-line-description').fill('安装辅材及调试');
    await lines.nth(1).getByTestId('order-line-price').fill('600.50');
    await expect.poll(() => lines.nth(0).getByTestId('order-line-amount').textContent()).toBe('¥11,998.00');
    expect(await lines.nth(1).getByTestId('order-line-amount').textContent()).toBe('¥600.50');
    expect(await page.getByTestId('order-form-total').textContent()).toBe('合计 ¥12,598.50');
    await shot('05-order-form');
    await page.getByTestId('order-form-save').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText(`采购订单已保存：${ORDER_NO}`).waitFor();

    const order = page.getByTestId('customer-order');
    expect(await order.count()).toBe(1);
    expect(await order.getByTestId('order-number').textContent()).toBe(ORDER_NO);
    expect(await order.getByTestId('order-total').textContent()).toBe('¥12,598.50');
    expect(await order.getByTestId('order-line-text').allTextContents()).toEqual([`${PRODUCT_LABEL} × 2，单价 ¥5,999.00`, '安装辅材及调试 × 1，单价 ¥600.50']);

    const purchase = page.locator('[data-testid="timeline-item"][data-kind="purchase"]');
    await purchase.waitFor();
    expect(await purchase.getByTestId('timeline-text').textContent()).toBe(`采购订单 ${ORDER_NO}，合计 ¥12,598.50`);
    expect(await purchase.getByTestId('timeline-order-link').textContent()).toBe(ORDER_NO);
    // 采购 is one of the filter's kinds.
    expect(await page.getByTestId('timeline-filter').getByText('采购', { exact: true }).count()).toBe(1);
    await purchase.getByTestId('timeline-order-link').click();
    await page.locator(`[data-testid="customer-order"]:focus`).waitFor();
    await dialogsGone();
    await shot('06-order-and-timeline');
  });

  step('edits the profile: tier, email and note', async () => {
    await page.getByTestId('customer-edit').click();
    const form = page.getByTestId('customer-form');
    await form.waitFor();
    // The form starts from the profile; no duplicate warning when editing.
    expect(await page.getByTestId('customer-form-name').inputValue()).toBe(CUSTOMER);
    expect(await page.getByTestId('customer-form-phone').inputValue()).toBe(PHONE_STORED);
    expect(await page.locator('[data-testid="customer-form-tier"] option:checked').textContent()).toBe('重点客户');
    expect(await page.locator('[data-testid="customer-form-owner"] option:checked').textContent()).toBe(MANAGER.displayName);
    expect(await page.getByTestId('possible-duplicates').count()).toBe(0);
    await page.getByTestId('customer-form-tier').selectOption({ label: '战略客户' });
    await page.getByTestId('customer-form-email').fill('FM@Xinghu-Hotel.cn');
    await page.getByTestId('customer-form-note').fill('年度维保客户，客房 320 间；2026 年续签');
    await page.getByTestId('customer-form-save').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText(`客户资料已保存：${CUSTOMER}`).waitFor();
    await expect.poll(() => page.getByTestId('tier-badge').textContent()).toBe('战略客户');
    expect(await page.getByTestId('customer-email').textContent()).toBe('fm@xinghu-hotel.cn');
    expect(await page.getByTestId('customer-note').textContent()).toBe('年度维保客户，客房 320 间；2026 年续签');
    expect(customerIdFromUrl()).toBe(firstId);
  });

  step('a variant of the name warns of the existing customer, which opens instead', async () => {
    await openCustomers();
    await page.getByTestId('customer-add').click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByTestId('customer-form-name').fill(VARIANT);
    const warning = page.getByTestId('possible-duplicates');
    await warning.waitFor();
    const existing = warning.getByTestId('possible-duplicate');
    expect(await existing.count()).toBe(1);
    expect(await existing.textContent()).toContain(CUSTOMER);
    expect(await existing.locator('[data-reason]').allTextContents()).toEqual(['同名']);
    expect(await existing.getByTestId('possible-duplicate-use').textContent()).toBe('打开此客户');
    await shot('07-duplicate-warning');
    await existing.getByTestId('possible-duplicate-use').click();
    await page.getByTestId('customer-form').waitFor({ state: 'hidden' });
    await page.getByTestId('customer-page').waitFor();
    expect(customerIdFromUrl()).toBe(firstId);
  });

  step('saved anyway, the second customer gets a contact and a service request', async () => {
    await openCustomers();
    await page.getByTestId('customer-add').click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByTestId('customer-form-name').fill(VARIANT);
    await page.getByTestId('possible-duplicates').waitFor();
    await page.getByTestId('customer-form-save').click();
    await page.getByTestId('customer-page').waitFor();
    secondId = customerIdFromUrl();
    expect(secondId).not.toBe(firstId);
    expect(await page.getByTestId('customer-name').textContent()).toBe(VARIANT);
    expect(await page.getByTestId('tier-badge').textContent()).toBe('普通客户');

    await page.getByTestId('contact-add').click();
    await page.getByTestId('contact-form-name').fill(SECOND_CONTACT);
    await page.getByTestId('contact-form-phone').fill('0512-6288 5678');
    await page.getByTestId('contact-form-save').click();
    await page.getByTestId('contact-form').waitFor({ state: 'hidden' });
    await page.getByTestId('customer-contact').filter({ hasText: SECOND_CONTACT }).waitFor();

    await page.getByTestId('customer-new-request').click();
    await page.getByTestId('new-ticket-form').waitFor();
    expect(await page.getByTestId('customer-input').inputValue()).toBe(VARIANT);
    await page.locator('select[name=contact]').selectOption({ label: `${SECOND_CONTACT} · +86-512-62885678` });
    await page.getByTestId('subject-input').fill(REQUEST);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('ticket-subject').textContent()).toBe(REQUEST);
    await page.getByTestId('customer-link').click();
    await page.getByTestId('customer-page').waitFor();
    expect(customerIdFromUrl()).toBe(secondId);
    await expect.poll(() => page.getByTestId('customer-kpi-openRequests').getByTestId('kpi-value').textContent()).toBe('1');
  });

  step('the administrator merges the second customer into the first after a confirmation naming both', async () => {
    await page.getByTestId('customer-merge').click();
    await page.getByTestId('merge-form').waitFor();
    await page.getByTestId('merge-target-input').fill(`星湖${RUN}`);
    const option = page.getByTestId('merge-target-option').filter({ hasText: CUSTOMER });
    await option.waitFor();
    // The customer being merged is not offered as its own target.
    expect(await page.getByTestId('merge-target-option').filter({ hasText: VARIANT }).count()).toBe(0);
    await option.click();
    await page.getByTestId('merge-next').click();
    const dialog = page.getByTestId('merge-confirm-dialog');
    await dialog.waitFor();
    const text = await page.getByTestId('merge-confirm-text').textContent();
    expect(text).toContain(`将“${VARIANT}”`);
    expect(text).toContain(`合并到“${CUSTOMER}”`);
    expect(await page.getByTestId('merge-moves').textContent()).toContain('全部服务请求、联系人、已购产品、采购订单和标签将转到');
    await shot('08-merge-confirm');
    await page.getByTestId('merge-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已合并到 ${CUSTOMER}：转入服务请求 1 件、联系人 1 位、已购产品 0 件、采购订单 0 张`).waitFor();

    // The surviving customer's page: the request and both contacts are here now.
    await expect.poll(() => page.getByTestId('customer-page').getAttribute('data-customer-id')).toBe(String(firstId));
    expect(customerIdFromUrl()).toBe(firstId);
    expect(await page.getByTestId('customer-name').textContent()).toBe(CUSTOMER);
    await expect.poll(() => page.getByTestId('customer-contact').count()).toBe(2);
    expect((await page.getByTestId('customer-contact').allTextContents()).join('|')).toContain(SECOND_CONTACT);
    await expect.poll(() => page.getByTestId('customer-kpi-openRequests').getByTestId('kpi-value').textContent()).toBe('1');
    await page.locator('[data-testid="timeline-item"][data-event-kind="created"]').filter({ hasText: REQUEST }).waitFor();
    expect(await timelineKinds()).toContain('purchase/purchase');
    await dialogsGone();
    await shot('09-merged-into');
  });

  step('a contact named on a request is not deleted, and the dialog says why', async () => {
    await page.getByTestId('customer-contact').filter({ hasText: SECOND_CONTACT }).getByTestId('contact-delete').click();
    const dialog = page.getByTestId('contact-remove-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`确定删除联系人「${SECOND_CONTACT}」吗？`);
    await page.getByTestId('contact-remove-confirm').click();
    await dialog.getByRole('alert').filter({ hasText: '仍有服务请求指定了该联系人，不能删除；可以修改其资料。' }).waitFor();
    await shot('10-contact-in-use');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('customer-contact').count()).toBe(2);
  });

  step('the merged customer points to the one it was merged into, and the list no longer shows it', async () => {
    await page.goto(`${host.url.split('#')[0]}#/customers/${secondId}`);
    const notice = page.getByTestId('customer-merged');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`该客户已合并到 ${CUSTOMER}`);
    // A pointer is read, not changed.
    expect(await page.getByTestId('customer-edit').count()).toBe(0);
    expect(await page.getByTestId('customer-merge').count()).toBe(0);
    expect(await page.getByTestId('contact-add').count()).toBe(0);
    await shot('11-merged-notice');
    await page.getByTestId('customer-merged-link').click();
    await expect.poll(() => page.getByTestId('customer-page').getAttribute('data-customer-id')).toBe(String(firstId));
    await page.getByTestId('customer-merged').waitFor({ state: 'detached' });

    await openCustomers();
    await expect.poll(listedNames).toEqual([CUSTOMER]);
  });

  step('an agent sees customers and may add one, but not merge', async () => {
    await signOut(page);
    await signIn(page, AGENT);
    await openCustomers();
    await expect.poll(listedNames).toEqual([CUSTOMER]);
    expect(await page.getByTestId('customer-add').count()).toBe(1);
    await page.getByTestId('customer-row-name').first().click();
    await page.getByTestId('customer-page').waitFor();
    expect(await page.getByTestId('customer-edit').count()).toBe(1);
    expect(await page.getByTestId('customer-merge').count()).toBe(0);
    await signOut(page);
    await signIn(page, ADMIN);
  });

  step('the administrator sets the lifecycle thresholds in 系统设置: lost after dormant', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('lifecycle-form').waitFor();
    expect(await page.getByTestId('settings-dormant-days').inputValue()).toBe('180 天');
    expect(await page.getByTestId('settings-lost-days').inputValue()).toBe('365 天');
    await page.getByTestId('settings-dormant-days').fill('200');
    await page.getByTestId('settings-lost-days').fill('120');
    await page.getByTestId('lifecycle-submit').click();
    await expect.poll(() => fieldError('settings-lost-days')).toBe('流失天数须大于休眠天数');
    await shot('12-lifecycle-order');
    await page.getByTestId('settings-dormant-days').fill('90');
    await page.getByTestId('settings-lost-days').fill('240');
    await page.getByTestId('lifecycle-submit').click();
    await page.getByText('客户生命周期设置已保存').waitFor();
    expect(await fieldError('settings-lost-days')).toBeNull();
    await page.reload();
    await page.getByTestId('lifecycle-form').waitFor();
    await expect.poll(() => page.getByTestId('settings-dormant-days').inputValue()).toBe('90 天');
    expect(await page.getByTestId('settings-lost-days').inputValue()).toBe('240 天');
    expect(pageErrors).toEqual([]);
  });
});
