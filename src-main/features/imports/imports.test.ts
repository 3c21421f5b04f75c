import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportJob, ImportMapping } from '../../../src-shared/contract';
import type { Core } from '../../core/createCore';
import { call, fakeClock, setupDesk, testCore } from '../../core/testing';
import type { ImportEntity } from '../../../src-shared/domain/importFields';
import { BATCH_ROWS, runImport } from './engine';
import { recomputedRows, storedRows } from '../dashboard/rebuild';

let core: Core;

beforeEach(async () => {
  ({ core } = await testCore(fakeClock(Date.UTC(2026, 10, 23, 2, 0))));
  await setupDesk(core);
});

/** Uploads `bytes` as the wizard does: begin, then chunks in order. */
async function upload(fileName: string, bytes: Uint8Array, chunk = 1 << 20): Promise<string> {
  const { uploadId } = await call(core, 'imports.begin', { fileName, bytes: bytes.length }, 'admin');
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await call(core, 'imports.chunk', { uploadId, offset, dataBase64: Buffer.from(bytes.subarray(offset, offset + chunk)).toString('base64') }, 'admin');
  }
  return uploadId;
}

async function settle(channel: 'imports.job' | 'exports.job', jobId: string): Promise<ImportJob> {
  for (;;) {
    const job = await call(core, channel, { jobId }, 'admin');
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function run(uploadId: string, entity: ImportEntity | undefined, mapping: Partial<ImportMapping> | undefined, dryRun: boolean): Promise<ImportJob> {
  const { jobId } = await call(core, 'imports.start', { uploadId, ...(entity ? { entity } : {}), ...(mapping ? { mapping: { values: {}, dayFirst: true, ...mapping } as ImportMapping } : {}), dryRun }, 'admin');
  return settle('imports.job', jobId);
}

const utf8 = (text: string) => strToU8(text);
const CUSTOMERS_CSV = [
  '编号,客户名称,电话,邮箱,地址,等级,标签',
  'K001,杭州西湖电梯有限公司,0571-8888 6666,service@xihu.cn,浙江省杭州市西湖区文三路90号,重点,电梯;华东',
  'K002,"上海浦江物业管理有限公司",021-5555 0101,,上海市浦东新区张杨路500号,普通,',
  'K003,缺区号公司,8888 6666,,,普通,',
  'K004,邮箱写错公司,13812345678,not-an-email,,普通,',
  'K005,,13812345679,,,普通,',
  'K001,杭州西湖电梯有限公司,0571-8888 6666,,,,',
].join('\r\n');
const CUSTOMER_MAPPING = {
  columns: { key: '编号', name: '客户名称', phone: '电话', email: '邮箱', address: '地址', tier: '等级', tags: '标签' },
  values: { tier: { 重点: 'key', 普通: 'normal' } },
};

describe('importing customers', () => {
  it('reads the file, dry-runs with every rejected row and reason, then imports, and a re-run creates nothing', async () => {
    const uploadId = await upload('客户.csv', utf8(CUSTOMERS_CSV));
    const table = await call(core, 'imports.inspect', { uploadId }, 'admin');
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', rows: 6, headers: ['编号', '客户名称', '电话', '邮箱', '地址', '等级', '标签'] });

    const dry = await run(uploadId, 'customers', CUSTOMER_MAPPING, true);
    expect(dry.state).toBe('done');
    expect(dry.reports[0]).toMatchObject({ entity: 'customers', rows: 6, created: 2, unchanged: 0, rejected: 4 });
    expect(dry.reports[0]!.rejectedRows.map((r) => [r.line, r.field, r.reason])).toEqual([
      [4, 'phone', 'phoneAreaCode'],
      [5, 'email', 'email'],
      [6, 'name', 'required'],
      [7, 'key', 'duplicateKey'],
    ]);
    // The dry run wrote nothing.
    expect((await call(core, 'customers.list', {}, 'admin')).items).toEqual([]);

    const real = await run(uploadId, 'customers', CUSTOMER_MAPPING, false);
    expect(real.reports[0]).toMatchObject({ created: 2, rejected: 4 });
    const list = await call(core, 'customers.list', {}, 'admin');
    expect(list.items.map((c) => [c.name, c.tier, c.province, c.city, c.tags])).toEqual([
      ['上海浦江物业管理有限公司', 'normal', 'SH', '上海市', []],
      ['杭州西湖电梯有限公司', 'key', 'ZJ', '杭州市', ['华东', '电梯']],
    ]);
    const xihu = await call(core, 'customers.get', { customerId: list.items[1]!.id }, 'admin');
    expect(xihu).toMatchObject({ phone: '+86-571-88886666', email: 'service@xihu.cn', district: '西湖区', street: '文三路90号' });

    const again = await run(await upload('客户.csv', utf8(CUSTOMERS_CSV)), 'customers', CUSTOMER_MAPPING, false);
    expect(again.reports[0]).toMatchObject({ created: 0, unchanged: 2, rejected: 4 });
    expect((await call(core, 'customers.list', {}, 'admin')).items).toHaveLength(2);
    // The run's log maps each source key to its new id.
    const runs = await call(core, 'imports.runs', {}, 'admin');
    expect(runs.map((r) => [r.entity, r.outcome, r.counts?.created])).toEqual([
      ['customers', 'done', 0],
      ['customers', 'done', 2],
    ]);
    const log = await call(core, 'imports.runLog', { runId: runs[1]!.id }, 'admin');
    expect(log.items.map((i) => [i.sourceKey, i.targetId])).toEqual([
      ['K001', xihu.id],
      ['K002', list.items[0]!.id],
    ]);
  });

  it('reads a GBK (GB18030) file as such', async () => {
    // 编号,客户名称\r\nG1,华南制冷设备厂 in GBK.
    const gbk = Buffer.from('b1e0bac52cbfcdbba7c3fbb3c60d0a47312cbbaac4cfd6c6c0e4c9e8b1b8b3a7', 'hex');
    const uploadId = await upload('gbk.csv', gbk);
    expect(await call(core, 'imports.inspect', { uploadId }, 'admin')).toMatchObject({ encoding: 'gb18030', headers: ['编号', '客户名称'], sample: [['G1', '华南制冷设备厂']] });
    const job = await run(uploadId, 'customers', { columns: { key: '编号', name: '客户名称' } }, false);
    expect(job.reports[0]).toMatchObject({ created: 1 });
    expect((await call(core, 'customers.list', {}, 'admin')).items[0]!.name).toBe('华南制冷设备厂');
  });

  it('refuses a mapping that names a column the file lacks, or leaves a required field unmapped', async () => {
    const uploadId = await upload('c.csv', utf8(CUSTOMERS_CSV));
    const missing = await core.dispatch('imports.start', { uploadId, entity: 'customers', mapping: { columns: { name: '名字' } }, dryRun: true }, 'admin');
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'mapping.columns.name', code: 'unknownColumn' }] } } });
    const unmapped = await core.dispatch('imports.start', { uploadId, entity: 'customers', mapping: { columns: { key: '编号' } }, dryRun: true }, 'admin');
    expect(unmapped).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'mapping.columns.name', code: 'required' }] } } });
  });

  it('lists a broken quote with its line and goes on with the next rows', async () => {
    const csv = ['编号,客户名称', 'A1,甲公司', 'A2,"乙公司', 'A3,丙公司'].join('\n');
    const job = await run(await upload('q.csv', utf8(csv)), 'customers', { columns: { key: '编号', name: '客户名称' } }, false);
    expect(job.reports[0]!.rejectedRows.map((r) => [r.line, r.reason])).toEqual([[3, 'brokenQuote']]);
    expect((await call(core, 'customers.list', {}, 'admin')).items.map((c) => c.name)).toEqual(['丙公司', '甲公司']);
  });

  it('is for supervisors and admins', async () => {
    const { addUser, signInAs } = await import('../../core/testing');
    await addUser(core, 'agent', 'xiaoli');
    await signInAs(core, 'xiaoli');
    expect(await core.dispatch('imports.begin', { fileName: 'a.csv', bytes: 10 }, 'xiaoli')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatch('exports.start', {}, 'xiaoli')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('cancel and templates', () => {
  it('stops after the batch in hand when cancelled; a re-run carries on without duplicates', async () => {
    // More rows than one batch holds (BATCH_ROWS).
    const total = 2 * BATCH_ROWS;
    const rows = Array.from({ length: total }, (_, i) => `K${i},客户${i}`);
    const csv = utf8(['编号,名称', ...rows].join('\n'));
    const mapping = { columns: { key: '编号', name: '名称' } };
    const { jobId } = await call(core, 'imports.start', { uploadId: await upload('many.csv', csv), entity: 'customers', mapping, dryRun: false }, 'admin');
    // Cancelled before its first batch ends: that batch commits, nothing after it.
    await call(core, 'imports.cancel', { jobId }, 'admin');
    const cancelled = await settle('imports.job', jobId);
    expect(cancelled.state).toBe('cancelled');
    const first = cancelled.reports[0]!.created;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(total);
    expect((await call(core, 'imports.runs', {}, 'admin'))[0]).toMatchObject({ outcome: 'cancelled', counts: { created: first } });
    const rest = await run(await upload('many.csv', csv), 'customers', mapping, false);
    expect(rest.reports[0]).toMatchObject({ created: total - first, unchanged: first });
    const count = await core.deps.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(total);
  });

  it('numbers on from the desk between batches: a request the desk numbers meanwhile keeps its number', async () => {
    await run(await upload('c.csv', utf8('编号,名称\nK1,甲公司')), 'customers', { columns: { key: '编号', name: '名称' } }, false);
    const total = BATCH_ROWS + 10;
    const rows = Array.from({ length: total }, (_, i) => `R${i},K1,维修,空调漏水 ${i},2026-11-20 09:00`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-import-')), 'r.csv');
    fs.writeFileSync(file, ['单号,客户,类型,标题,受理时间', ...rows].join('\n'));
    const sqlite = core.deps.sqlite;
    const counter = () => (sqlite.prepare("SELECT last FROM counters WHERE key = 'SR-20261120'").get() as { last: number }).last;
    let batches = 0;
    const result = runImport(
      sqlite,
      {
        filePath: file,
        fileName: 'r.csv',
        entity: 'requests',
        mapping: { columns: { key: '单号', customer: '客户', type: '类型', subject: '标题', createdAt: '受理时间' }, values: { type: { 维修: 'repair' } }, dayFirst: true },
        dryRun: false,
        userId: 1,
        now: core.deps.clock.now(),
      },
      {
        // Between two batches the desk takes the next number of that day for a request of its own.
        progress: () => {
          if (batches++ === 0) sqlite.prepare("UPDATE counters SET last = last + 1 WHERE key = 'SR-20261120'").run();
        },
        cancelled: () => false,
      },
    );
    expect(result.reports[0]).toMatchObject({ created: total, rejected: 0 });
    expect(batches).toBeGreaterThan(1);
    // Every number of the day is taken once, the desk's one among them, and the counter stands at the last.
    expect(counter()).toBe(total + 1);
    const numbers = sqlite.prepare("SELECT number FROM tickets WHERE number LIKE 'SR-20261120-%'").pluck().all() as string[];
    expect(new Set(numbers).size).toBe(total);
    expect(numbers.filter((n) => Number(n.split('-')[2]) > total + 1)).toEqual([]);
  });

  it('keeps mapping templates per entity; saving under a name in use replaces it', async () => {
    const mapping = { columns: { name: '客户名称' }, values: {}, dayFirst: true };
    const saved = await call(core, 'imports.saveTemplate', { entity: 'customers', name: '旧系统', mapping }, 'admin');
    await call(core, 'imports.saveTemplate', { entity: 'customers', name: '旧系统', mapping: { ...mapping, columns: { name: '名称' } } }, 'admin');
    await call(core, 'imports.saveTemplate', { entity: 'contacts', name: '旧系统', mapping }, 'admin');
    const templates = await call(core, 'imports.templates', { entity: 'customers' }, 'admin');
    expect(templates).toEqual([{ id: saved.id, entity: 'customers', name: '旧系统', mapping: { columns: { name: '名称' }, values: {}, dayFirst: true } }]);
    await call(core, 'imports.removeTemplate', { id: saved.id }, 'admin');
    expect(await call(core, 'imports.templates', { entity: 'customers' }, 'admin')).toEqual([]);
    expect(await call(core, 'imports.templates', { entity: 'contacts' }, 'admin')).toHaveLength(1);
  });
});

describe('importing the installed base, orders and history', () => {
  async function importCsv(entity: ImportEntity, csv: string, columns: Record<string, string>, values: ImportMapping['values'] = {}) {
    const job = await run(await upload(`${entity}.csv`, utf8(csv)), entity, { columns, values }, false);
    expect(job.state).toBe('done');
    return job.reports[0]!;
  }

  it('links contacts, assets, orders and requests to customers by their source keys, and rejects unknown references', async () => {
    await importCsv('customers', '编号,名称\nK1,江南机电\nK2,北方重工', { key: '编号', name: '名称' });
    expect(await importCsv('products', '型号,产品线,名称\nKFR-72LW,商用空调,立柜式空调\nkfr-72lw,商用空调,重复', { model: '型号', productLine: '产品线', name: '名称' })).toMatchObject({
      created: 1,
      rejected: 1,
      rejectedRows: [{ line: 3, reason: 'duplicateKey' }],
    });
    expect(await importCsv('contacts', '客户,姓名,手机\nK1,陈工,13812345678\nK9,无主,13900000000', { customer: '客户', name: '姓名', phone: '手机' })).toMatchObject({
      created: 1,
      rejectedRows: [{ line: 3, field: 'customer', reason: 'unknownReference', value: 'K9' }],
    });
    const assets = await importCsv(
      'assets',
      '客户,型号,序列号,保修开始,保修结束\nK1,KFR-72LW,SN1,2026/1/5,2027/1/4\nK2,KFR-72LW,SN1,2026-01-05,2027-01-04\nK2,KFR-72LW,SN2,05/01/2026,04/01/2025',
      { customer: '客户', model: '型号', serialNo: '序列号', warrantyStart: '保修开始', warrantyEnd: '保修结束' },
    );
    expect(assets.rejectedRows.map((r) => [r.line, r.field, r.reason])).toEqual([
      [3, 'serialNo', 'taken'],
      [4, 'warrantyEnd', 'beforeStart'],
    ]);
    const orders = await importCsv(
      'orders',
      '订单号,客户,日期,型号,说明,数量,单价\nPO1,K1,2026-10-01,KFR-72LW,,2,"12,800.00"\nPO2,K2,2026-10-02,,滤网,1,abc\nPO1,K1,2026-10-01,,安装费,1,500\nPO2,K2,2026-10-02,,滤网,1,10',
      { orderNo: '订单号', customer: '客户', orderedOn: '日期', model: '型号', description: '说明', quantity: '数量', unitPrice: '单价' },
    );
    // Rows are order lines: both of PO1's are in, both of PO2's out.
    expect(orders).toMatchObject({ created: 2, rejected: 2 });
    expect(orders.rejectedRows.map((r) => [r.line, r.reason])).toEqual([
      [3, 'number'],
      [5, 'orderRejected'],
    ]);
    const requests = await importCsv(
      'requests',
      '单号,客户,型号,类型,优先级,状态,标题,受理时间,关闭时间\nSR1,K1,KFR-72LW,维修,3,已关闭,空调漏水,2025-03-04 09:30,2025-03-05 17:00\nSR2,K1,,咨询,1,处理中,保养咨询,2026-11-01 10:00,',
      { key: '单号', customer: '客户', model: '型号', type: '类型', priority: '优先级', status: '状态', subject: '标题', createdAt: '受理时间', closedAt: '关闭时间' },
      { type: { 维修: 'repair', 咨询: 'consultation' }, priority: { '1': 'low', '2': 'normal', '3': 'high', '4': 'urgent', '5': 'urgent' }, status: { 已关闭: 'closed', 处理中: 'assigned' } },
    );
    expect(requests).toMatchObject({ created: 2, rejected: 0 });
    // The desk's own words need no value map.
    const words = await importCsv('requests', '客户,类型,优先级,状态,渠道,标题,受理时间\nK2,报修,紧急,已处理,微信,冷却塔异响,2026-01-02 08:00\nK2,保养,高,已关闭,电话,滤网更换,2026-01-03 08:00', {
      customer: '客户',
      type: '类型',
      priority: '优先级',
      status: '状态',
      channel: '渠道',
      subject: '标题',
      createdAt: '受理时间',
    });
    expect(words).toMatchObject({ created: 1, rejectedRows: [{ line: 3, field: 'type', reason: 'unknownValue', value: '保养' }] });

    const k1 = (await call(core, 'customers.list', { text: '江南机电' }, 'admin')).items[0]!;
    const c = await call(core, 'customers.get', { customerId: k1.id }, 'admin');
    expect(c.contacts.map((x) => x.phone)).toEqual(['+8613812345678']);
    expect(c.assets.map((a) => [a.serialNo, a.warrantyStart, a.warrantyEnd, a.warranty])).toEqual([['SN1', '2026-01-05', '2027-01-04', 'in_warranty']]);
    expect(c.orders.map((o) => [o.orderNo, o.source, o.total, o.lines.length])).toEqual([['PO1', 'erp', 2_610_000, 2]]);
    expect(c.kpis.openRequests).toBe(1);
    const page = await call(core, 'tickets.list', { text: '空调漏水' }, 'admin');
    expect(page.items.map((t) => [t.subject, t.status, t.priority])).toEqual([['空调漏水', 'closed', 'high']]);
    const timeline = await call(core, 'customers.timeline', { customerId: k1.id }, 'admin');
    expect(timeline.items.map((i) => i.eventKind)).toEqual(['created', 'purchase', 'close', 'created']);
    // The importer writes the dashboard's dimensions with each request: its rollups equal a full recomputation.
    const dims = await core.deps.db.selectFrom('tickets').select(['subject', 'dim_tier', 'dim_product_line']).orderBy('id').execute();
    expect(dims.find((t) => t.subject === '空调漏水')).toMatchObject({ dim_product_line: expect.any(String) });
    expect(await storedRows(core.deps.db)).toEqual(await recomputedRows(core.deps.db));
  });
});

describe('exporting and importing back', () => {
  async function exportAll(customerId?: number): Promise<Uint8Array> {
    const { jobId } = await call(core, 'exports.start', customerId ? { customerId } : {}, 'admin');
    const job = await settle('exports.job', jobId);
    expect(job.state).toBe('done');
    const parts: Buffer[] = [];
    for (let offset = 0; ; ) {
      const piece = await call(core, 'exports.chunk', { jobId, offset }, 'admin');
      parts.push(Buffer.from(piece.dataBase64, 'base64'));
      offset += piece.bytes;
      if (piece.done) break;
    }
    return Buffer.concat(parts);
  }

  it('round-trips every record into a fresh desk, and re-importing into the same desk creates nothing', async () => {
    const c = await call(core, 'customers.save', { kind: 'company', name: '江南机电, "总部"', phone: '021-5555 0101', tier: 'strategic', province: 'SH', city: '上海市', tags: ['机床', '重点'] }, 'admin');
    await call(core, 'customers.saveContact', { customerId: c.id, name: '陈工', phone: '13812345678', role: '主管', preferredChannel: 'wechat' }, 'admin');
    const product = await call(core, 'customers.saveProduct', { productLine: '机床', model: 'VMC-850', name: '立式加工中心' }, 'admin');
    await call(core, 'customers.saveAsset', { customerId: c.id, productId: product.id, serialNo: 'SN-9', warrantyStart: '2026-01-01', warrantyEnd: '2027-12-31' }, 'admin');
    await call(core, 'customers.saveOrder', { customerId: c.id, orderNo: 'PO-7', orderedOn: '2026-09-09', lines: [{ productId: product.id, quantity: 1, unitPrice: 45_000_000 }] }, 'admin');
    await call(core, 'tickets.create', { customer: { id: c.id }, productId: product.id, type: 'repair', channel: 'phone', subject: '主轴异响\n第二行' } as never, 'admin');

    const zip = await exportAll();
    const audit = await core.deps.db.selectFrom('audit_log').select(['action']).where('action', 'like', 'export.%').execute();
    expect(audit).toEqual([{ action: 'export.all' }]);

    // Into this desk again: everything is already here.
    const same = await run(await upload('export.zip', zip), undefined, undefined, false);
    expect(same.reports.map((r) => [r.entity, r.created, r.unchanged, r.rejected])).toEqual([
      ['products', 0, 1, 0],
      ['customers', 0, 1, 0],
      ['contacts', 0, 1, 0],
      ['assets', 0, 1, 0],
      ['orders', 0, 1, 0],
      ['requests', 0, 1, 0],
    ]);

    const before = await call(core, 'customers.get', { customerId: c.id }, 'admin');
    // Into a fresh desk: the same records.
    const first = core;
    ({ core } = await testCore(fakeClock(Date.UTC(2026, 10, 24, 2, 0))));
    await setupDesk(core);
    const fresh = await run(await upload('export.zip', zip), undefined, undefined, false);
    expect(fresh.reports.map((r) => [r.entity, r.created, r.rejected])).toEqual([
      ['products', 1, 0],
      ['customers', 1, 0],
      ['contacts', 1, 0],
      ['assets', 1, 0],
      ['orders', 1, 0],
      ['requests', 1, 0],
    ]);
    const [copy] = (await call(core, 'customers.list', {}, 'admin')).items;
    const after = await call(core, 'customers.get', { customerId: copy!.id }, 'admin');
    const shape = (x: typeof before) => ({
      ...x,
      id: 0,
      lifecycle: null,
      lastActivityAt: null,
      contacts: x.contacts.map((k) => ({ ...k, id: 0 })),
      assets: x.assets.map((a) => ({ ...a, id: 0, product: a.product && { ...a.product, id: 0 } })),
      orders: x.orders.map((o) => ({ ...o, id: 0, source: null, lines: o.lines.map((l) => ({ ...l, id: 0, product: l.product && { ...l.product, id: 0 } })) })),
      agreement: null,
      kpis: { ...x.kpis, lastContactAt: null },
    });
    expect(shape(after)).toEqual(shape(before));
    const requests = await call(core, 'tickets.list', { text: '主轴异响' }, 'admin');
    expect(requests.items).toHaveLength(1);
    first.close();
  });

  it("gives another desk's customer a number of its own when this desk already uses that one", async () => {
    const mine = await call(core, 'customers.save', { kind: 'company', name: '本地客户' }, 'admin');
    const first = core;
    ({ core } = await testCore(fakeClock(Date.UTC(2026, 10, 23, 2, 0))));
    await setupDesk(core);
    // The other desk numbers its first customer of the day just as this one did.
    const theirs = await call(core, 'customers.save', { kind: 'company', name: '外地客户' }, 'admin');
    expect(theirs.customerNo).toBe(mine.customerNo);
    await call(core, 'customers.saveContact', { customerId: theirs.id, name: '外地联系人' }, 'admin');
    const zip = await exportAll();
    core.close();
    core = first;
    const job = await run(await upload('other.zip', zip), undefined, undefined, false);
    expect(job.reports.filter((r) => r.rows > 0).map((r) => [r.entity, r.created, r.unchanged])).toEqual([
      ['customers', 1, 0],
      ['contacts', 1, 0],
    ]);
    const list = (await call(core, 'customers.list', {}, 'admin')).items;
    expect(list.map((c) => c.name)).toEqual(['外地客户', '本地客户']);
    expect(list[0]!.customerNo).not.toBe(mine.customerNo);
    expect((await call(core, 'customers.get', { customerId: mine.id }, 'admin')).contacts).toEqual([]);
  });

  it('exports one customer only', async () => {
    const a = await call(core, 'customers.save', { kind: 'company', name: '甲公司' }, 'admin');
    await call(core, 'customers.save', { kind: 'company', name: '乙公司' }, 'admin');
    const zip = await exportAll(a.id);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
    const file = path.join(dir, 'one.zip');
    fs.writeFileSync(file, zip);
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(zip);
    expect(strFromU8(files['customers.csv']!)).toContain('甲公司');
    expect(strFromU8(files['customers.csv']!)).not.toContain('乙公司');
    expect(JSON.parse(strFromU8(files['manifest.json']!))).toMatchObject({ format: 'serviceloop-export', files: expect.arrayContaining([{ entity: 'customers', file: 'customers.csv', rows: 1 }]) });
    void zipSync;
  });
});
