import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOf, ImportJob, InputOf } from '../../../src-shared/contract';
import type { QueueExportLabels } from '../../../src-shared/contract/queueExport';
import type { Core } from '../../core/createCore';
import { addUser, call, fakeClock, QUEUE_LABELS_ZH, setupDesk, signInAs, testCore } from '../../core/testing';
import { seedDemoData } from '../demo/seed';

// exports.queue as a PDF: the same rows as tickets.list pages, in order, read back with
// pdftotext; the view's name, its filters in the user's words, the desk time, page numbers.

const NOW = Date.UTC(2026, 10, 24, 2, 0, 0);
const LABELS: QueueExportLabels = { ...QUEUE_LABELS_ZH, pdf: { search: '搜索', generatedAt: '生成时间', pageOf: '第 {page} 页，共 {pages} 页', separator: '、' } };

type QueueExport = InputOf<ChannelOf<'exports.queue'>>;

let core: Core;
let dir: string;

beforeAll(async () => {
  ({ core } = await testCore(fakeClock(NOW)));
  await setupDesk(core);
  seedDemoData(core.deps.sqlite, { tickets: 600, seed: 11, now: NOW, timeZone: 'Asia/Shanghai' });
  await addUser(core, 'supervisor', 'boss');
  await signInAs(core, 'boss');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-queue-pdf-'));
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function settle(desk: Core, jobId: string, session = 'admin'): Promise<ImportJob> {
  for (;;) {
    const job = await call(desk, 'exports.job', { jobId }, session);
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The finished file, saved to disk for poppler. */
async function download(desk: Core, jobId: string, session = 'admin'): Promise<string> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const piece = await call(desk, 'exports.chunk', { jobId, offset }, session);
    parts.push(Buffer.from(piece.dataBase64, 'base64'));
    offset += piece.bytes;
    if (piece.done) break;
  }
  const file = path.join(dir, `${jobId}.pdf`);
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

const text = (file: string, page?: number) => execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

async function numbers(desk: Core, input: Omit<QueueExport, 'labels' | 'title' | 'format'>): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(desk, 'tickets.list', { ...input, limit: 200, ...(cursor ? { cursor } : {}) }, 'admin');
    found.push(...page.items.map((t) => t.number));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

describe('exports.queue as PDF', () => {
  it('prints the view with its filters, the desk time, page numbers and every row in order', async () => {
    const filters: Omit<QueueExport, 'labels' | 'title' | 'format'> = { status: ['closed', 'assigned', 'on_hold', 'reopened'], priority: ['normal', 'high', 'urgent'], sort: 'priority_desc' };
    const { jobId } = await call(core, 'exports.queue', { ...filters, format: 'pdf', title: '队列-全部', labels: LABELS }, 'boss');
    const job = await settle(core, jobId, 'boss');
    expect(job.state).toBe('done');
    expect(job.file?.name).toBe('队列-全部-20261124-1000.pdf');
    const file = await download(core, jobId, 'boss');
    const expected = await numbers(core, filters);
    expect(expected.length).toBeGreaterThan(0);
    expect(job.total).toBe(expected.length);

    const first = text(file, 1);
    expect(first).toContain('队列-全部');
    expect(first).toContain('状态：已关闭、已分配、挂起、重新打开');
    expect(first).toContain('优先级：普通、高、紧急');
    expect(first).toContain('生成时间：2026-11-24 10:00');
    expect(first).toMatch(/编号\s+主题\s+客户/);
    const count = pages(file);
    expect(count).toBeGreaterThan(1);
    expect(first).toContain(`第 1 页，共 ${count} 页`);
    // The header row again on the last page.
    expect(text(file, count)).toMatch(/编号\s+主题\s+客户/);
    const all = text(file);
    expect([...all.matchAll(/\bSR-\d{8}-\d{4}\b/g)].map((m) => m[0])).toEqual(expected);

    const audit = await core.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'export.queue').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({ view: null, format: 'pdf', rows: expected.length, file: job.file!.name });
  });

  it('words its page in English when the labels are English, and names an assignee filter', async () => {
    const english: QueueExportLabels = {
      ...QUEUE_LABELS_ZH,
      columns: { ...QUEUE_LABELS_ZH.columns, assignee: 'Engineer', status: 'Status' },
      status: { ...QUEUE_LABELS_ZH.status, assigned: 'Assigned' },
      pdf: { search: 'Search', generatedAt: 'Generated', pageOf: 'Page {page} of {pages}', separator: ', ' },
    };
    const engineer = await core.deps.db.selectFrom('users').select(['id', 'display_name']).where('role', '=', 'engineer').executeTakeFirstOrThrow();
    const { jobId } = await call(core, 'exports.queue', { status: ['assigned'], assignee: engineer.id, text: '空调', sort: 'created_desc', format: 'pdf', title: 'Queue-All', labels: english }, 'admin');
    expect((await settle(core, jobId)).state).toBe('done');
    const first = text(await download(core, jobId), 1);
    expect(first).toContain('Status: Assigned');
    expect(first).toContain(`Engineer: ${engineer.display_name}`);
    expect(first).toContain('Search: 空调');
    expect(first).toContain('Generated: 2026-11-24 10:00');
    expect(first).toMatch(/Page 1 of \d+/);
  });

  it('refuses a page footer without both numbers', async () => {
    const labels = { ...LABELS, pdf: { ...LABELS.pdf!, pageOf: '第 {page} 页' } };
    expect(await core.dispatch('exports.queue', { title: '队列', labels, format: 'pdf', sort: 'created_desc' }, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('stops on cancel and keeps no file', async () => {
    const files = fs.readdirSync(path.join(core.deps.dataDir, 'exports'));
    const { jobId } = await call(core, 'exports.queue', { title: '队列', labels: LABELS, format: 'pdf', sort: 'created_desc' }, 'admin');
    await call(core, 'exports.cancel', { jobId }, 'admin');
    const job = await settle(core, jobId);
    expect(job.state).toBe('cancelled');
    expect(fs.readdirSync(path.join(core.deps.dataDir, 'exports'))).toEqual(files);
  });
});

describe('exports.queue as PDF in a worker thread', () => {
  it('finds the font and writes the file on a connection of its own (as in the app)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-queue-pdf-worker-'));
    const { core: desk } = await testCore(fakeClock(NOW), path.join(folder, 'desk.db'));
    try {
      await setupDesk(desk);
      seedDemoData(desk.deps.sqlite, { tickets: 500, seed: 5, now: NOW, timeZone: 'Asia/Shanghai' });
      const filters = { view: 'complaints', sort: 'created_desc' } as const;
      const { jobId } = await call(desk, 'exports.queue', { ...filters, title: '队列-投诉', labels: LABELS, format: 'pdf' }, 'admin');
      const job = await settle(desk, jobId);
      expect(job.state).toBe('done');
      const file = await download(desk, jobId);
      const expected = await numbers(desk, filters);
      expect(expected.length).toBeGreaterThan(0);
      const all = text(file);
      expect(all).toContain('队列-投诉');
      expect(all).toContain('投诉');
      expect([...all.matchAll(/\bSR-\d{8}-\d{4}\b/g)].map((m) => m[0])).toEqual(expected);
    } finally {
      desk.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
    // A worker thread compiles pdfkit and fontkit through tsx before it starts: slow on a busy machine.
  }, 60_000);
});
