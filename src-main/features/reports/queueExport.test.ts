import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../src-shared/contract';
import type { InputOf, ChannelOf } from '../../../src-shared/contract';
import type { Core } from '../../core/createCore';
import { addUser, call, fakeClock, QUEUE_LABELS_ZH, setupDesk, signInAs, testCore } from '../../core/testing';
import { seedDemoData } from '../demo/seed';
import { parseCsv } from '../imports/readTable';
import { queueQuery } from '../tickets/views';
import { runQueueExport } from './queueExport';

const LABELS = QUEUE_LABELS_ZH;
const HEADERS = Object.values(LABELS.columns);
const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);

let core: Core;
let dir: string;

type QueueExport = InputOf<ChannelOf<'exports.queue'>>;

beforeAll(async () => {
  ({ core } = await testCore(fakeClock(NOW)));
  await setupDesk(core);
  seedDemoData(core.deps.sqlite, { tickets: 1500, seed: 7, now: NOW, timeZone: 'Asia/Shanghai' });
  await addUser(core, 'agent', 'agent1');
  await signInAs(core, 'agent1');
  await addUser(core, 'engineer', 'eng1');
  await signInAs(core, 'eng1');
  await addUser(core, 'supervisor', 'boss');
  await signInAs(core, 'boss');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-queue-export-'));
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function settle(jobId: string, session = 'admin'): Promise<ImportJob> {
  for (;;) {
    const job = await call(core, 'exports.job', { jobId }, session);
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function download(jobId: string, session = 'admin'): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const piece = await call(core, 'exports.chunk', { jobId, offset }, session);
    parts.push(Buffer.from(piece.dataBase64, 'base64'));
    offset += piece.bytes;
    if (piece.done) return Buffer.concat(parts);
  }
}

async function exportQueue(input: Omit<QueueExport, 'labels' | 'title'> & { title?: string }, session = 'admin'): Promise<{ job: ImportJob; bytes: Buffer }> {
  const { jobId } = await call(core, 'exports.queue', { title: '队列-全部', labels: LABELS, ...input }, session);
  const job = await settle(jobId, session);
  expect(job.state).toBe('done');
  return { job, bytes: await download(jobId, session) };
}

/** Every page of tickets.list for the same filters, as the cells the file should hold. */
async function listed(input: Omit<QueueExport, 'labels' | 'title' | 'format'>, session = 'admin'): Promise<string[][]> {
  const rows: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await call(core, 'tickets.list', { ...input, limit: 200, ...(cursor ? { cursor } : {}) }, session);
    for (const t of page.items) {
      rows.push([
        t.number,
        t.subject,
        t.customerName,
        LABELS.type[t.type],
        LABELS.priority[t.priority],
        LABELS.status[t.status],
        t.assigneeName ?? LABELS.unassigned,
        LABELS.channel[t.channel],
        t.requestedBy ?? '',
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

const deskTime = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(ms);

describe('exports.queue', () => {
  const cases: Omit<QueueExport, 'labels' | 'title' | 'format'>[] = [
    { sort: 'created_desc' },
    { view: 'unassigned', priority: ['high', 'urgent'], sort: 'priority_desc' },
    { status: ['assigned', 'on_hold', 'closed'], type: ['repair', 'complaint'], sort: 'requested_asc' },
    { view: 'breaching', sort: 'created_desc' },
    { text: '漏水', sort: 'created_asc' },
    { view: 'awaiting_follow_up', sort: 'created_asc' },
  ];

  it.each(cases)('writes the rows tickets.list pages, in the same order, as CSV (%j)', async (filters) => {
    const { job, bytes } = await exportQueue({ ...filters, format: 'csv' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { rows } = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]!.cells).toEqual(HEADERS);
    const expected = await listed(filters);
    // A view with rows, so the comparison means something (the seed has all of these).
    expect(expected.length).toBeGreaterThan(0);
    // Formula defence puts an apostrophe before a subject such as "-": none in the seed's.
    expect(rows.slice(1).map((r) => r.cells.slice(0, 9))).toEqual(expected);
    expect(job.total).toBe(expected.length);
    expect(job.file?.name).toMatch(/^队列-全部-20261124-1000\.csv$/);
  });

  it('writes XLSX with typed cells in desk time, read back by exceljs cell by cell', async () => {
    const filters = { view: 'unassigned', sort: 'created_desc' } as const;
    const { job, bytes } = await exportQueue({ ...filters, format: 'xlsx', title: '队列-待分配' });
    expect(job.file?.name).toBe('队列-待分配-20261124-1000.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('队列-待分配');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const expected = await listed(filters);
    const pages = await call(core, 'tickets.list', { ...filters, limit: 200 }, 'admin');
    expect(sheet.rowCount).toBe(expected.length + 1);
    for (let i = 0; i < expected.length; i++) {
      const row = sheet.getRow(i + 2);
      const want = expected[i]!;
      for (let c = 0; c < 8; c++) expect(row.getCell(c + 1).value).toBe(want[c]);
      // Dates are dates (serials with a date format), never text.
      const requested = row.getCell(9);
      if (want[8]) {
        expect(requested.value).toEqual(new Date(`${want[8]}T00:00:00Z`));
        expect(requested.numFmt).toBe('yyyy-mm-dd');
      } else expect(requested.value).toBeNull();
    }
    // Created at: the desk's wall time (exceljs gives it back as a UTC date).
    const first = pages.items[0]!;
    const created = sheet.getRow(2).getCell(10);
    expect(created.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((created.value as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(deskTime(first.createdAt));
    if (first.sla) expect((sheet.getRow(2).getCell(11).value as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(deskTime(first.sla.dueAt));
  });

  it('continues on a new sheet past the sheet limit, with the header on each', async () => {
    const query = queueQuery({ sort: 'created_desc' }, { id: 1, dataScope: 'all', teamId: null }, '2026-11-24')!;
    const outPath = path.join(dir, 'split.xlsx');
    const result = runQueueExport(
      core.deps.sqlite,
      { outPath, fileName: 'split.xlsx', format: 'xlsx', filter: query.filter, sort: query.sort, labels: LABELS, sheetName: '队列', timeZone: 'Asia/Shanghai', now: NOW, maxRowsPerSheet: 400 },
      { progress() {}, cancelled: () => false },
    );
    expect(result).toMatchObject({ rows: 1500, sheets: 4 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(outPath);
    expect(book.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
      ['队列', 401],
      ['队列 (2)', 401],
      ['队列 (3)', 401],
      ['队列 (4)', 301],
    ]);
    const numbers = book.worksheets.flatMap((s) => {
      expect(s.getRow(1).getCell(1).value).toBe('编号');
      return s.getColumn(1).values.slice(2);
    });
    expect(numbers).toEqual((await listed({ sort: 'created_desc' })).map((r) => r[0]));
  });

  it('writes GB18030 on request, which decodes back to the same rows', async () => {
    const filters = { view: 'complaints', sort: 'created_desc' } as const;
    const { bytes, job } = await exportQueue({ ...filters, format: 'csv-gb18030' });
    expect(bytes[0]).not.toBe(0xef);
    const { rows } = parseCsv(new TextDecoder('gb18030').decode(bytes));
    expect(rows[0]!.cells).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => r.cells.slice(0, 9))).toEqual(await listed(filters));
    expect(job.file?.name.endsWith('.csv')).toBe(true);
  });

  it('records who exported which view and filters, in which format, how many rows', async () => {
    const before = await core.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'export.queue').execute();
    const { job } = await exportQueue({ view: 'unassigned', priority: ['urgent'], sort: 'created_desc', format: 'xlsx' }, 'boss');
    const rows = await core.deps.db
      .selectFrom('audit_log as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['u.username', 'a.entity', 'a.details'])
      .where('a.action', '=', 'export.queue')
      .orderBy('a.id')
      .execute();
    expect(rows).toHaveLength(before.length + 1);
    const last = rows.at(-1)!;
    expect(last.username).toBe('boss');
    expect(last.entity).toBe('tickets');
    expect(JSON.parse(last.details!)).toEqual({
      view: 'unassigned',
      filters: { priority: ['urgent'], sort: 'created_desc' },
      format: 'xlsx',
      rows: job.total,
      file: job.file!.name,
    });
  });

  it('refuses roles without the export permission, and one user’s export to another', async () => {
    const input = { title: '队列', labels: LABELS, format: 'csv', sort: 'created_desc' } as const;
    for (const session of ['agent1', 'eng1']) {
      expect(await core.dispatch('exports.queue', input, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const { jobId } = await call(core, 'exports.queue', input, 'boss');
    await settle(jobId, 'boss');
    expect(await core.dispatch('exports.chunk', { jobId, offset: 0 }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('exports.job', { jobId }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses labels that are missing a word or a format it does not write', async () => {
    const { unassigned: _, ...partial } = LABELS;
    expect(await core.dispatch('exports.queue', { title: '队列', labels: partial, format: 'csv', sort: 'created_desc' } as never, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('exports.queue', { title: '队列', labels: LABELS, format: 'docx', sort: 'created_desc' } as never, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('writes a header-only file when the view and the filters exclude each other', async () => {
    const { bytes, job } = await exportQueue({ view: 'locked', status: ['closed'], sort: 'created_desc', format: 'csv' });
    expect(parseCsv(bytes.toString('utf8').slice(1)).rows.map((r) => r.cells)).toEqual([HEADERS]);
    expect(job.total).toBe(0);
  });

  it('stops on cancel: the job reads cancelled, no file is kept and nothing is audited', async () => {
    const before = (await core.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'export.queue').execute()).length;
    const files = fs.readdirSync(path.join(core.deps.dataDir, 'exports'));
    const { jobId } = await call(core, 'exports.queue', { title: '队列', labels: LABELS, format: 'xlsx', sort: 'created_desc' }, 'admin');
    await call(core, 'exports.cancel', { jobId }, 'admin');
    const job = await settle(jobId);
    expect(job.state).toBe('cancelled');
    expect(job.file).toBeNull();
    expect(fs.readdirSync(path.join(core.deps.dataDir, 'exports'))).toEqual(files);
    expect((await core.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'export.queue').execute()).length).toBe(before);
    expect(await core.dispatch('exports.chunk', { jobId, offset: 0 }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('exports.queue in a worker thread', () => {
  it('writes the file on a connection of its own when the desk is a file (as in the app)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-queue-export-worker-'));
    const { core: desk } = await testCore(fakeClock(NOW), path.join(folder, 'desk.db'));
    try {
      await setupDesk(desk);
      seedDemoData(desk.deps.sqlite, { tickets: 3000, seed: 3, now: NOW, timeZone: 'Asia/Shanghai' });
      const { jobId } = await call(desk, 'exports.queue', { title: '队列-投诉', labels: LABELS, format: 'xlsx', view: 'complaints', sort: 'priority_desc' }, 'admin');
      let job = await call(desk, 'exports.job', { jobId }, 'admin');
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 10));
        job = await call(desk, 'exports.job', { jobId }, 'admin');
      }
      expect(job.state).toBe('done');
      const parts: Buffer[] = [];
      for (let offset = 0; ; ) {
        const piece = await call(desk, 'exports.chunk', { jobId, offset }, 'admin');
        parts.push(Buffer.from(piece.dataBase64, 'base64'));
        offset += piece.bytes;
        if (piece.done) break;
      }
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
      const numbers: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(desk, 'tickets.list', { view: 'complaints', sort: 'priority_desc', limit: 200, ...(cursor ? { cursor } : {}) }, 'admin');
        numbers.push(...page.items.map((t) => t.number));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(numbers.length).toBeGreaterThan(0);
      expect(book.worksheets[0]!.getColumn(1).values.slice(2)).toEqual(numbers);
    } finally {
      desk.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
