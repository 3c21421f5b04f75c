import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core/createCore';
import { call, fakeClock, setupDesk, testCore } from '../core/testing';
import { BATCH_ROWS } from '../features/imports/engine';

// The import and export jobs run in a worker thread with their own connection when the
// database is a file (as it always is in the app): this drives that path end to end.

let core: Core | undefined;
afterEach(() => core?.close());

describe('jobs in a worker thread', () => {
  it('imports a file and exports it back from a worker, while the main thread stays free', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-worker-'));
    ({ core } = await testCore(fakeClock(Date.UTC(2026, 10, 23, 2, 0)), path.join(dir, 'desk.db')));
    await setupDesk(core);
    const rows = Array.from({ length: 20_000 }, (_, i) => `K${i},客户${i},138123${String(i).padStart(5, '0')}`);
    const bytes = Buffer.from(['编号,名称,手机', ...rows].join('\n'));
    const { uploadId } = await call(core, 'imports.begin', { fileName: 'big.csv', bytes: bytes.length }, 'admin');
    await call(core, 'imports.chunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }, 'admin');
    const progress: number[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'job.progress') progress.push((payload as { done: number }).done);
    });
    const { jobId } = await call(core, 'imports.start', { uploadId, entity: 'customers', mapping: { columns: { key: '编号', name: '名称', phone: '手机' } }, dryRun: false }, 'admin');
    // The main thread answers, and writes, while the worker imports. With SQLite's busy wait
    // switched off here, a main-thread write that met an import batch holding the lock would
    // fail at once: every save succeeding shows the batches give way through the write gate
    // (db/writeGate.ts) and this thread never sleeps inside SQLite waiting for them.
    core.deps.sqlite.pragma('busy_timeout = 0');
    let saved = 0;
    let job = await call(core, 'imports.job', { jobId }, 'admin');
    while (job.state === 'running') {
      await call(core, 'customers.save', { kind: 'company', name: `同时录入${saved++}` }, 'admin');
      // Calls here resolve without leaving the microtask queue; the worker's messages need a turn of the loop.
      await new Promise((r) => setImmediate(r));
      job = await call(core, 'imports.job', { jobId }, 'admin');
    }
    expect(job).toMatchObject({ state: 'done', reports: [{ created: 20_000, rejected: 0 }] });
    expect(saved).toBeGreaterThan(0);
    const count = await core.deps.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(20_000 + saved);
    expect(progress.at(-1)).toBe(20_000);
    expect((await call(core, 'customers.list', { text: '客户19999' }, 'admin')).items.map((c) => c.phone)).toEqual(['+8613812319999']);

    const exported = await call(core, 'exports.start', {}, 'admin');
    let ex = await call(core, 'exports.job', { jobId: exported.jobId }, 'admin');
    while (ex.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      ex = await call(core, 'exports.job', { jobId: exported.jobId }, 'admin');
    }
    expect(ex.state).toBe('done');
    expect(ex.file?.name).toMatch(/^serviceloop-all-\d{8}-\d{6}\.zip$/);
  }, 60_000);

  it('cancels a worker import: it stops, the run says so, and a re-run brings in the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-worker-'));
    ({ core } = await testCore(fakeClock(Date.UTC(2026, 10, 23, 2, 0)), path.join(dir, 'desk.db')));
    await setupDesk(core);
    // More rows than one batch holds (BATCH_ROWS), so the cancel lands between batches.
    const rows = Array.from({ length: 2 * BATCH_ROWS }, (_, i) => `K${i},客户${i}`);
    const bytes = Buffer.from(['编号,名称', ...rows].join('\n'));
    const upload = async () => {
      const { uploadId } = await call(core!, 'imports.begin', { fileName: 'big.csv', bytes: bytes.length }, 'admin');
      await call(core!, 'imports.chunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }, 'admin');
      return uploadId;
    };
    const mapping = { columns: { key: '编号', name: '名称' } };
    const { jobId } = await call(core, 'imports.start', { uploadId: await upload(), entity: 'customers', mapping, dryRun: false }, 'admin');
    await call(core, 'imports.cancel', { jobId }, 'admin');
    let job = await call(core, 'imports.job', { jobId }, 'admin');
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = await call(core, 'imports.job', { jobId }, 'admin');
    }
    expect(job.state).toBe('cancelled');
    const [run] = await call(core, 'imports.runs', {}, 'admin');
    expect(run?.outcome).toBe('cancelled');
    const count = async () => Number((await core!.deps.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(before).toBeLessThan(2 * BATCH_ROWS);
    const again = await call(core, 'imports.start', { uploadId: await upload(), entity: 'customers', mapping, dryRun: false }, 'admin');
    let rest = await call(core, 'imports.job', { jobId: again.jobId }, 'admin');
    while (rest.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      rest = await call(core, 'imports.job', { jobId: again.jobId }, 'admin');
    }
    expect(rest.reports[0]).toMatchObject({ created: 2 * BATCH_ROWS - before, unchanged: before });
    expect(await count()).toBe(2 * BATCH_ROWS);
  }, 60_000);
});
