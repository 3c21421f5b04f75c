import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { screenshot, setUpDesk, startDesk, step, stopDesk } from './harness';
import type { RunningHost } from './webHost';

// Moving from spreadsheets, in Chinese, on a desk without demo data: the administrator
// opens 数据导入/导出 → uploads a customers CSV (one header, 客户电话, matches no field;
// one tier word, A类, is the old system's own) → the dry run rejects the A类 row, a bad
// email and a missing name, each with its line → 映射此值 maps A类, the phone column is
// chosen, the mapping is saved as a template → the second dry run also rejects the
// landline without area code → the import creates the three good customers, and its log
// lists their source IDs → products from an XLSX, the customer's asset from a GBK CSV
// (the page says it was converted) with a warranty into next year, and two past service
// requests whose old priorities 1 and 3 are mapped → the customer's 360 page, reached from
// the import history's log, shows the asset as 保修期内 and both requests on the timeline →
// the same customers file again, mapped by the template: nothing new, all unchanged →
// 全部数据导出 downloads a zip holding the customers → that zip, uploaded as a package,
// needs no mapping and its dry run finds every record already there.

const ADMIN = { username: 'admin', password: 'Kongtiao#2024', displayName: '刘经理' };

const DAY_MS = 86_400_000;
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const YEAR_AGO = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 365 * DAY_MS).toISOString().slice(0, 10);
/** Into next year, and more than the 30 days of 即将过保 away whatever today is. */
const WARRANTY_END = `${Number(TODAY.slice(0, 4)) + 1}-06-30`;

const CUSTOMER = '上海浦江物业管理有限公司';
const CUSTOMERS_CSV = [
  '原系统编号,客户名称,客户电话,邮箱,客户等级,省份,城市,详细地址',
  `C001,${CUSTOMER},021-5555 0101,service@pujiang.example.cn,A类,上海,上海市,浦东新区张江路 88 号`,
  'C002,杭州西湖国际酒店有限公司,0571-8765 4321,,重点客户,浙江,杭州市,西湖区北山街 1 号',
  // A landline without its area code.
  'C003,苏州恒温科技有限公司,6521 8888,,普通客户,江苏,苏州市,工业园区星湖街 328 号',
  // A bad email.
  'C004,南京紫金数据中心,025-8666 0000,it@zijin,普通客户,江苏,南京市,玄武区中山路 1 号',
  // No name.
  'C005,,138 0013 8000,,潜在客户,,,',
  'C006,王建国,139 1234 5678,wang.jianguo@example.cn,普通客户,广东,深圳市,南山区科技园',
].join('\r\n');

const PRODUCTS = [
  ['KFR-72LW/B3', '商用空调', '立柜式空调 3匹'],
  ['LSQWRF-120', '冷水机组', '风冷冷水机组 12 匹'],
] as const;
const SERIAL = 'SN-2026-0001';
const LOCATION = '十二楼设备机房';
const ASSETS_CSV = ['原系统编号,客户,产品型号,序列号,安装日期,安装位置,保修开始,保修截止', `A001,C001,KFR-72LW/B3,${SERIAL},${YEAR_AGO},${LOCATION},${YEAR_AGO},${WARRANTY_END}`].join('\r\n');

const FIRST_REQUEST = '十二楼空调不制冷';
const SECOND_REQUEST = '咨询年度保养安排';
const REQUESTS_CSV = [
  '原系统编号,客户,产品型号,请求类型,优先级,状态,主题,问题描述,创建时间,关闭时间',
  `R001,C001,KFR-72LW/B3,报修,1,已关闭,${FIRST_REQUEST},压缩机过载保护，已更换启动电容。,2025-07-15 09:20,2025-07-16 17:45`,
  `R002,C001,,咨询,3,已关闭,${SECOND_REQUEST},客户询问年度保养的时间和费用。,2025-09-02 14:05,2025-09-02 15:00`,
].join('\r\n');

/**
 * Reading a file and each dry run, import or export run in a worker thread, which the web
 * host loads from TypeScript source: seconds each on a busy machine.
 */
const JOB_MS = 40_000;

let host: RunningHost;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let dir: string;
/** The export's zip, kept for importing it back. */
let exported = '';

async function shot(name: string): Promise<void> {
  await screenshot(page, `import-${name}`);
}

/** Text as GBK bytes (what older Excel saves as CSV), from the decoder's own table. */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, [number, number]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`No GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return Uint8Array.from(out);
}

/** A minimal workbook: shared strings for the header, inline strings for the rows. */
function xlsx(header: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetRows = [
    `<row r="1">${header.map((_h, i) => `<c r="${col(i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`,
    ...rows.map((row, r) => `<row r="${r + 2}">${row.map((v, i) => `<c r="${col(i)}${r + 2}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`),
  ].join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="产品" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${ns}" count="${header.length}" uniqueCount="${header.length}">${header.map((h) => `<si><t>${esc(h)}</t></si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}"><sheetData>${sheetRows}</sheetData></worksheet>`),
  };
  return zipSync(files);
}

function writeFile(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  // Excel's "CSV UTF-8" starts with a BOM.
  fs.writeFileSync(file, typeof content === 'string' ? `\uFEFF${content}` : content);
  return file;
}

/** Opens 数据导入/导出 from the navigation, on a fresh wizard. */
async function openDataPage(): Promise<void> {
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-title').waitFor();
  const nav = page.getByTestId('nav-data');
  expect(await nav.textContent()).toBe('数据导入/导出');
  await nav.click();
  await page.getByTestId('import-wizard').waitFor();
  expect(new URL(page.url()).hash).toBe('#/data');
}

/** Uploads a file and waits for what the wizard read from it. */
async function upload(file: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('upload-summary').filter({ hasText: path.basename(file) }).waitFor({ timeout: JOB_MS });
}

async function toMapping(entity: string): Promise<void> {
  await page.getByTestId('upload-next').click();
  await page.getByTestId(`entity-${entity}`).check();
  await page.getByTestId('mapping-table').waitFor();
}

async function mappedHeader(field: string): Promise<string | null> {
  return page.locator(`[data-testid="mapping-row"][data-field="${field}"]`).getAttribute('data-header');
}

function valueTarget(field: string, source: string) {
  return page.locator(`[data-testid="value-editor-${field}"] [data-testid="value-row"][data-source="${source}"] [data-testid="value-target"]`);
}

/** Starts a dry run from the mapping step and waits for its report. */
async function dryRun(): Promise<void> {
  await page.getByTestId('dry-run-start').click();
  await page.getByTestId('dry-run-report').waitFor({ timeout: JOB_MS });
}

/** Imports after a dry run and waits for the result. */
async function importNow(): Promise<void> {
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-report').waitFor({ timeout: JOB_MS });
}

/** The counts of a report (dry run or import) for one entity. */
async function counts(report: 'dry-run-report' | 'import-report', entity: string): Promise<Record<string, number>> {
  const section = page.getByTestId(report).locator(`[data-testid="entity-report"][data-entity="${entity}"]`);
  const out: Record<string, number> = {};
  for (const key of ['rows', 'created', 'unchanged', 'rejected']) out[key] = Number(await section.getByTestId(`count-${key}`).getAttribute('data-value'));
  return out;
}

/** The rejected rows listed, as "line field reason". */
async function rejected(): Promise<string[]> {
  return page
    .getByTestId('rejected-row')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-line')} ${r.getAttribute('data-field')} ${r.getAttribute('data-reason')}`));
}

function rejectedRow(line: number) {
  return page.locator(`[data-testid="rejected-row"][data-line="${line}"]`);
}

describe('import and export: a service manager moves the desk off spreadsheets', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-import-'));
    ({ host, browser, page, pageErrors } = await startDesk({ acceptDownloads: true }));
  });

  afterAll(async () => {
    await stopDesk({ host, browser });
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  step('sets up the desk in Chinese without demo data', async () => {
    await setUpDesk(page, { url: host.url, companyName: '华东制冷设备服务有限公司', admin: ADMIN });
  });

  step('uploads the customers CSV: format, encoding, rows, headers and sample', async () => {
    await openDataPage();
    await page.getByTestId('import-history-empty').waitFor();
    await upload(writeFile('客户资料.csv', CUSTOMERS_CSV));
    const summary = page.getByTestId('upload-summary');
    expect(await summary.getAttribute('data-format')).toBe('csv');
    expect(await summary.getAttribute('data-encoding')).toBe('utf-8');
    expect(await page.getByTestId('upload-converted').count()).toBe(0);
    expect(await page.getByTestId('upload-rows').getAttribute('data-rows')).toBe('6');
    expect(await page.getByTestId('upload-header').allTextContents()).toEqual(['原系统编号', '客户名称', '客户电话', '邮箱', '客户等级', '省份', '城市', '详细地址']);
    expect(await page.getByTestId('upload-sample').textContent()).toContain(CUSTOMER);
    await shot('01-uploaded');
  });

  step('suggests the columns; 客户电话 matches no field, A类 no tier', async () => {
    await toMapping('customers');
    expect(await mappedHeader('key')).toBe('原系统编号');
    expect(await mappedHeader('name')).toBe('客户名称');
    expect(await mappedHeader('email')).toBe('邮箱');
    expect(await mappedHeader('tier')).toBe('客户等级');
    expect(await mappedHeader('province')).toBe('省份');
    expect(await mappedHeader('street')).toBe('详细地址');
    expect(await mappedHeader('phone')).toBe('');
    expect(await page.getByTestId('unused-headers').textContent()).toContain('客户电话');
    // The tier words seen in the sample: the app's own labels are recognized, A类 is not.
    expect(await valueTarget('tier', '重点客户').inputValue()).toBe('key');
    expect(await valueTarget('tier', '普通客户').inputValue()).toBe('normal');
    expect(await valueTarget('tier', 'A类').inputValue()).toBe('');
    await shot('02-mapping');
  });

  step('the dry run rejects the bad rows, each with its line, field and reason', async () => {
    await dryRun();
    expect(await counts('dry-run-report', 'customers')).toEqual({ rows: 6, created: 3, unchanged: 0, rejected: 3 });
    expect(await rejected()).toEqual(['2 tier unknownValue', '5 email email', '6 name required']);
    expect(await rejectedRow(5).getByTestId('rejected-reason').textContent()).toBe('邮箱格式不正确');
    expect(await rejectedRow(5).textContent()).toContain('it@zijin');
    expect(await rejectedRow(6).getByTestId('rejected-reason').textContent()).toBe('必填项为空');
    expect(await rejectedRow(2).textContent()).toContain('客户等级');
    // Nothing was written.
    expect(await page.getByTestId('import-start').isEnabled()).toBe(true);
    await shot('03-dry-run-rejected');
  });

  step('maps A类 from the rejected rows and chooses the phone column, then saves the mapping as a template', async () => {
    await rejectedRow(2).getByTestId('map-value').click();
    await page.getByTestId('mapping-table').waitFor();
    expect(await page.getByTestId('mapping-notice').textContent()).toContain('A类');
    await valueTarget('tier', 'A类').selectOption('strategic');
    await page.getByTestId('column-phone').selectOption('客户电话');
    expect(await mappedHeader('phone')).toBe('客户电话');
    await page.getByTestId('template-name').fill('旧CRM客户');
    await page.getByTestId('template-save').click();
    await page.getByText('映射模板已保存：旧CRM客户').waitFor();
    expect(await page.getByTestId('template-select').locator('option').allTextContents()).toContain('旧CRM客户');
    await shot('04-mapping-fixed');
  });

  step('the second dry run also rejects the landline without area code', async () => {
    await dryRun();
    expect(await counts('dry-run-report', 'customers')).toEqual({ rows: 6, created: 3, unchanged: 0, rejected: 3 });
    expect(await rejected()).toEqual(['4 phone phoneAreaCode', '5 email email', '6 name required']);
    expect(await rejectedRow(4).getByTestId('rejected-reason').textContent()).toContain('区号');
    expect(await rejectedRow(4).textContent()).toContain('6521 8888');
    await page.getByTestId('dry-run-rejected-note').waitFor();
    await shot('05-dry-run-again');
  });

  step('imports: the three good customers are created, and the log lists them', async () => {
    await importNow();
    expect(await counts('import-report', 'customers')).toEqual({ rows: 6, created: 3, unchanged: 0, rejected: 3 });
    expect(await page.getByTestId('import-done').textContent()).toContain('新建 3 条');
    await shot('06-imported');
    await page.getByTestId('import-log-link').click();
    const log = page.getByTestId('run-log');
    await log.getByTestId('run-log-item').first().waitFor();
    const keys = await log.getByTestId('run-log-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source-key')));
    expect([...keys].sort()).toEqual(['C001', 'C002', 'C006']);
    await shot('07-run-log');
    await page.keyboard.press('Escape');
    await log.waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-customers-link').getAttribute('href')).toBe('#/customers');
  });

  step('reads the products from an XLSX workbook and dry-runs them', async () => {
    await page.getByTestId('import-another').click();
    await upload(writeFile('产品目录.xlsx', xlsx(['产品型号', '产品线', '产品名称'], PRODUCTS)));
    expect(await page.getByTestId('upload-summary').getAttribute('data-format')).toBe('xlsx');
    expect(await page.getByTestId('upload-rows').getAttribute('data-rows')).toBe('2');
    await toMapping('products');
    expect([await mappedHeader('model'), await mappedHeader('productLine'), await mappedHeader('name')]).toEqual(['产品型号', '产品线', '产品名称']);
    await dryRun();
    expect(await counts('dry-run-report', 'products')).toEqual({ rows: 2, created: 2, unchanged: 0, rejected: 0 });
  });

  step('imports the products', async () => {
    await importNow();
    expect(await counts('import-report', 'products')).toEqual({ rows: 2, created: 2, unchanged: 0, rejected: 0 });
  });

  step("reads the customer's asset from a GBK CSV (the page says it converted it) and dry-runs it", async () => {
    await page.getByTestId('import-another').click();
    await upload(writeFile('客户设备.csv', gbk(ASSETS_CSV)));
    expect(await page.getByTestId('upload-summary').getAttribute('data-encoding')).toBe('gb18030');
    expect(await page.getByTestId('upload-converted').textContent()).toContain('GBK');
    // Converted: the Chinese reads as Chinese.
    expect(await page.getByTestId('upload-header').allTextContents()).toContain('安装位置');
    expect(await page.getByTestId('upload-sample').textContent()).toContain(LOCATION);
    await shot('08-gbk-converted');
    await toMapping('assets');
    expect(await mappedHeader('customer')).toBe('客户');
    expect(await mappedHeader('warrantyEnd')).toBe('保修截止');
    await dryRun();
    expect(await counts('dry-run-report', 'assets')).toEqual({ rows: 1, created: 1, unchanged: 0, rejected: 0 });
  });

  step("imports the customer's asset", async () => {
    await importNow();
    expect(await counts('import-report', 'assets')).toEqual({ rows: 1, created: 1, unchanged: 0, rejected: 0 });
  });

  step('maps the past service requests, old priorities 1 and 3 included, and dry-runs them', async () => {
    await page.getByTestId('import-another').click();
    await upload(writeFile('历史服务请求.csv', REQUESTS_CSV));
    await toMapping('requests');
    expect(await mappedHeader('subject')).toBe('主题');
    expect(await mappedHeader('createdAt')).toBe('创建时间');
    expect(await mappedHeader('priority')).toBe('优先级');
    // Words the app knows in Chinese are taken as they are; the old numbers need mapping.
    expect(await valueTarget('type', '报修').inputValue()).toBe('repair');
    expect(await valueTarget('type', '咨询').inputValue()).toBe('consultation');
    expect(await valueTarget('status', '已关闭').inputValue()).toBe('closed');
    await valueTarget('priority', '1').selectOption('urgent');
    await valueTarget('priority', '3').selectOption('normal');
    await page.getByTestId('template-name').fill('旧系统服务请求');
    await page.getByTestId('template-save').click();
    await page.getByText('映射模板已保存：旧系统服务请求').waitFor();
    await shot('09-requests-mapping');
    await dryRun();
    expect(await counts('dry-run-report', 'requests')).toEqual({ rows: 2, created: 2, unchanged: 0, rejected: 0 });
  });

  step('imports the past service requests', async () => {
    await importNow();
    expect(await counts('import-report', 'requests')).toEqual({ rows: 2, created: 2, unchanged: 0, rejected: 0 });
  });

  step("the history lists each run; the customers run's log opens the customer's 360 page", async () => {
    await openDataPage();
    const runs = page.getByTestId('import-run');
    await expect.poll(() => runs.count()).toBe(4);
    expect(await runs.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entity')))).toEqual(['requests', 'assets', 'products', 'customers']);
    const customersRun = page.locator('[data-testid="import-run"][data-entity="customers"]');
    expect(await customersRun.getAttribute('data-outcome')).toBe('done');
    expect(await customersRun.textContent()).toContain('客户资料.csv');
    expect(await customersRun.textContent()).toContain(ADMIN.displayName);
    await shot('10-history');
    await customersRun.getByTestId('import-run-log').click();
    await page.locator('[data-testid="run-log-item"][data-source-key="C001"] [data-testid="run-log-customer"]').click();
    await page.getByTestId('customer-page').waitFor();
    expect(await page.getByTestId('customer-name').textContent()).toBe(CUSTOMER);
  });

  step('the 360 page shows the asset under warranty (保修期内) and the requests on the timeline', async () => {
    const asset = page.getByTestId('customer-asset');
    await asset.first().waitFor();
    expect(await asset.count()).toBe(1);
    expect(await asset.getAttribute('data-warranty')).toBe('in_warranty');
    expect(await asset.getByTestId('warranty-badge').textContent()).toBe('保修期内');
    for (const text of [PRODUCTS[0][2], PRODUCTS[0][0], SERIAL, LOCATION]) expect(await asset.textContent()).toContain(text);
    for (const subject of [FIRST_REQUEST, SECOND_REQUEST]) {
      await page.getByTestId('timeline-item').filter({ hasText: subject }).first().waitFor();
    }
    await shot('11-customer-360');
  });

  step('the same customers file again, mapped by the template: the dry run finds nothing new, all unchanged', async () => {
    await openDataPage();
    await upload(writeFile('客户资料.csv', CUSTOMERS_CSV));
    await toMapping('customers');
    expect(await mappedHeader('phone')).toBe('');
    await page.getByTestId('template-select').selectOption({ label: '旧CRM客户' });
    await expect.poll(() => mappedHeader('phone')).toBe('客户电话');
    expect(await valueTarget('tier', 'A类').inputValue()).toBe('strategic');
    await dryRun();
    expect(await counts('dry-run-report', 'customers')).toEqual({ rows: 6, created: 0, unchanged: 3, rejected: 3 });
  });

  step('imports it again: nothing created', async () => {
    await importNow();
    expect(await counts('import-report', 'customers')).toEqual({ rows: 6, created: 0, unchanged: 3, rejected: 3 });
    await shot('12-reimported');
  });

  step('全部数据导出 downloads a zip that holds the customers', async () => {
    const download = page.waitForEvent('download', { timeout: JOB_MS });
    await page.getByTestId('export-all').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.zip$/);
    const saved = await file.path();
    const bytes = new Uint8Array(fs.readFileSync(saved));
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const entries = unzipSync(bytes);
    const csv = Object.entries(entries).filter(([name]) => name.endsWith('.csv'));
    expect(csv.length).toBeGreaterThan(0);
    expect(csv.some(([, data]) => new TextDecoder().decode(data).includes(CUSTOMER))).toBe(true);
    await page.getByTestId('export-saved').waitFor();
    await shot('13-exported');
    exported = path.join(dir, file.suggestedFilename());
    fs.copyFileSync(saved, exported);
  });

  step('the export package imports back without mapping, and finds everything already there', async () => {
    await page.getByTestId('import-wizard').scrollIntoViewIfNeeded();
    await page.getByTestId('import-another').click();
    await upload(exported);
    expect(await page.getByTestId('upload-summary').getAttribute('data-format')).toBe('package');
    const entities = await page.getByTestId('package-entity').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-entity')} ${r.getAttribute('data-rows')}`));
    for (const row of ['customers 3', 'products 2', 'assets 1', 'requests 2']) expect(entities).toContain(row);
    await page.getByTestId('upload-next').click();
    await page.getByTestId('package-review').waitFor();
    expect(await page.getByTestId('mapping-table').count()).toBe(0);
    await dryRun();
    for (const entity of ['customers', 'products', 'assets', 'requests']) {
      const c = await counts('dry-run-report', entity);
      expect(c.created, entity).toBe(0);
      expect(c.rejected, entity).toBe(0);
      expect(c.unchanged, entity).toBe(c.rows);
    }
    await shot('14-package-dry-run');
    expect(pageErrors).toEqual([]);
  });
});
