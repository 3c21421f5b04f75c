import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, Contract } from '../../../src-shared/contract';
import type { ReportWords } from '../../../src-shared/contract/reports';
import type { Core } from '../../core/createCore';
import { addUser, call, setupDesk, signInAs, testCore, type FakeClock } from '../../core/testing';
import { notificationText } from '../notifications/text';
import { putSetting } from '../settings/queries';
import { runDueReports } from './jobs';
import { createReportScheduleService, type ReportScheduleService } from './service';
import { workerReportWriter, type ReportWriter, type ScheduledReportFile } from './writer';

// Scheduled reports through dispatch as the renderer calls them, and the minute job's pass
// with a fake clock: nothing here sleeps. The desk runs on Shanghai time (UTC+8); the clock
// starts on Tuesday 24 November 2026 at 10:00 there.

const sh = (d: number, h: number, mi = 0) => Date.UTC(2026, 10, d, h - 8, mi);

const WORDS_ZH: ReportWords = {
  locale: 'zh-CN',
  title: '服务时效分析',
  figures: {},
  tables: {},
  columns: {},
  charts: {},
  codes: {},
  filters: {},
  total: '合计',
  all: '全部',
  none: '未填写',
  generatedAt: '生成时间',
  page: '第 {page} 页，共 {pages} 页',
};

type SaveInput = InputOf<Contract['reportSchedules']['save']>;

let core: Core;
let clock: FakeClock;
let folder: string;
const folders: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-schedule-'));
  folders.push(dir);
  return dir;
}

beforeEach(async () => {
  ({ core, clock } = await testCore());
  await setupDesk(core);
  await addUser(core, 'supervisor', 'boss');
  await addUser(core, 'supervisor', 'deputy');
  await addUser(core, 'engineer', 'eng');
  await addUser(core, 'agent', 'agent');
  for (const name of ['boss', 'deputy', 'eng', 'agent']) await signInAs(core, name);
  folder = tempDir();
});

afterEach(() => {
  core.close();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function weekly(over: Partial<SaveInput> = {}): SaveInput {
  return { name: '每周服务时效', report: 'sla', filters: { priority: 'high' }, period: 'lastWeek', format: 'xlsx', folder, cron: '0 8 * * 1', words: WORDS_ZH, ...over };
}

/** A writer that writes a small real workbook (rows: 3) and remembers what it was asked. */
function bookWriter(asked: ScheduledReportFile[] = []): ReportWriter {
  return async (file) => {
    asked.push(file);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(file.words.title);
    sheet.addRow(['编号', '优先级']);
    sheet.addRows([['SR-1', '高'], ['SR-2', '高'], ['SR-3', '高']]);
    await book.xlsx.writeFile(file.outPath);
    return { bytes: fs.statSync(file.outPath).size, rows: 3 };
  };
}

function service(writer: ReportWriter): ReportScheduleService {
  return createReportScheduleService(core.deps, writer);
}

function userId(username: string): number {
  return (core.deps.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;
}

function notificationsOf(username: string): { kind: string; payload: string }[] {
  return core.deps.sqlite.prepare('SELECT kind, payload FROM notifications WHERE user_id = ?').all(userId(username)) as { kind: string; payload: string }[];
}

describe('saving a schedule', () => {
  it('a supervisor saves a weekly schedule: next run on the desk clocks, shown as the picker reads it', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    expect(saved).toMatchObject({
      name: '每周服务时效',
      report: 'sla',
      filters: { priority: 'high' },
      period: 'lastWeek',
      cron: '0 8 * * 1',
      pick: { kind: 'weekly', weekdays: [1], time: '08:00' },
      paused: false,
      owner: { displayName: 'boss' },
      nextRunAt: sh(30, 8), // Monday 30 November, 08:00 in Shanghai
      lastRun: null,
    });
    const list = await call(core, 'reportSchedules.list', {}, 'deputy');
    expect(list.timeZone).toBe('Asia/Shanghai');
    expect(list.schedules.map((s) => s.id)).toEqual([saved.id]);
    // Audited with what was chosen, not the words.
    const entry = core.deps.sqlite.prepare("SELECT user_id, details FROM audit_log WHERE action = 'reportSchedule.save'").get() as { user_id: number; details: string };
    expect(entry.user_id).toBe(userId('boss'));
    expect(JSON.parse(entry.details)).toEqual({ after: { name: '每周服务时效', report: 'sla', filters: { priority: 'high' }, period: 'lastWeek', format: 'xlsx', folder, cron: '0 8 * * 1' } });
  });

  it('refuses a folder that is relative, missing, a file, or that takes no files — each with its own reason', async () => {
    const file = path.join(folder, 'a-file.txt');
    fs.writeFileSync(file, 'x');
    const cases: [string, string][] = [
      ['relative/reports', 'folderNotAbsolute'],
      [path.join(folder, 'missing'), 'folderMissing'],
      [file, 'folderMissing'],
    ];
    // Root writes anywhere on a local disk; sysfs refuses new files even to root.
    if (process.platform === 'linux') cases.push(['/sys', 'folderUnwritable']);
    if (process.getuid?.() !== 0) {
      const locked = tempDir();
      fs.chmodSync(locked, 0o555);
      cases.push([locked, 'folderUnwritable']);
    }
    for (const [bad, code] of cases) {
      const result = await core.dispatch('reportSchedules.save', weekly({ folder: bad }), 'boss');
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'folder', code }] } } });
    }
    expect((await call(core, 'reportSchedules.list', {}, 'boss')).schedules).toEqual([]);
    // The probe leaves nothing behind.
    expect(fs.readdirSync(folder)).toEqual(['a-file.txt']);
  });

  it('refuses an expression cron cannot read, or one that never runs', async () => {
    for (const [cron, code] of [
      ['0 8 * *', 'cronFieldCount'],
      ['0 25 * * *', 'cron.hour'],
      ['0 8 * * 9', 'cron.dayOfWeek'],
      ['0 8 31 2 *', 'cronNeverRuns'],
    ] as const) {
      const result = await core.dispatch('reportSchedules.save', weekly({ cron }), 'boss');
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'cron', code }] } } });
    }
  });

  it('is for supervisors and administrators only', async () => {
    for (const who of ['eng', 'agent']) {
      expect(await core.dispatch('reportSchedules.save', weekly(), who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await core.dispatch('reportSchedules.list', {}, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await core.dispatch('reportSchedules.list', {}, 'admin')).ok).toBe(true);
  });

  it('an edit with a new time counts from now; pausing clears the next run; resuming skips the slots paused through', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    const edited = await call(core, 'reportSchedules.save', weekly({ id: saved.id, cron: '30 7 L * *', name: '月末报表' }), 'deputy');
    expect(edited).toMatchObject({ name: '月末报表', pick: { kind: 'monthly', day: 'last', time: '07:30' }, nextRunAt: sh(30, 7, 30), owner: { displayName: 'boss' } });
    const audit = core.deps.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'reportSchedule.save' ORDER BY id DESC").get() as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ before: { name: '每周服务时效', cron: '0 8 * * 1' }, after: { name: '月末报表', cron: '30 7 L * *' } });

    expect(await call(core, 'reportSchedules.setPaused', { id: saved.id, paused: true }, 'boss')).toMatchObject({ paused: true, nextRunAt: null });
    // Paused through 30 November and 31 December.
    clock.set(Date.UTC(2027, 0, 1, 4)); // 1 January 2027, 12:00 in Shanghai
    const runs = service(bookWriter());
    expect(await runDueReports(runs, clock.now())).toBe(0);
    const resumed = await call(core, 'reportSchedules.setPaused', { id: saved.id, paused: false }, 'boss');
    expect(resumed.nextRunAt).toBe(Date.UTC(2027, 0, 31, 7 - 8, 30));
    expect(await runDueReports(runs, clock.now())).toBe(0);
  });
});

describe('running on the schedule (fake clock)', () => {
  it('at the slot, writes the workbook into the folder under a desk-time name, lists the run, and audits it', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    const asked: ScheduledReportFile[] = [];
    const runs = service(bookWriter(asked));

    clock.set(sh(30, 7, 59));
    expect(await runDueReports(runs, clock.now())).toBe(0);
    clock.set(sh(30, 8, 0));
    expect(await runDueReports(runs, clock.now())).toBe(1);
    // The same minute again: nothing (the slot moved on with the run).
    expect(await runDueReports(runs, clock.now())).toBe(0);

    // Last week, Monday to Sunday, on the desk's calendar; the schedule's filters kept.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ report: 'sla', format: 'xlsx', timeZone: 'Asia/Shanghai', filters: { priority: 'high', from: '2026-11-23', to: '2026-11-29' } });
    expect(path.dirname(asked[0]!.outPath)).toBe(folder);
    expect(asked[0]!.outPath.endsWith('.partial')).toBe(true);

    expect(fs.readdirSync(folder)).toEqual(['每周服务时效-20261130-0800.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(folder, '每周服务时效-20261130-0800.xlsx'));
    expect(book.worksheets[0]!.getCell('A2').value).toBe('SR-1');

    const [run] = await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss');
    expect(run).toMatchObject({ trigger: 'scheduled', slotAt: sh(30, 8), outcome: 'ok', error: null, fileName: '每周服务时效-20261130-0800.xlsx', rows: 3, from: '2026-11-23', to: '2026-11-29', by: null });
    expect(run!.bytes).toBe(fs.statSync(path.join(folder, run!.fileName!)).size);
    expect(run!.durationMs).toBe(0);
    const listed = (await call(core, 'reportSchedules.list', {}, 'boss')).schedules[0]!;
    expect(listed.lastRun?.id).toBe(run!.id);
    expect(listed.nextRunAt).toBe(sh(30, 8) + 7 * 86_400_000);

    const audit = core.deps.sqlite.prepare("SELECT user_id, details FROM audit_log WHERE action = 'reportSchedule.run'").get() as { user_id: number | null; details: string };
    expect(audit.user_id).toBeNull();
    expect(JSON.parse(audit.details)).toMatchObject({ trigger: 'scheduled', report: 'sla', filters: { priority: 'high' }, from: '2026-11-23', to: '2026-11-29', outcome: 'ok', rows: 3, file: run!.fileName });
  });

  it('with the reports’ own renderer: the SLA report as XLSX opens with its sheets, and as PDF', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly({ cron: '0 8 * * *' }), 'boss');
    const runs = service(workerReportWriter(core.deps));
    clock.set(sh(25, 8));
    expect(await runDueReports(runs, clock.now())).toBe(1);
    const [run] = await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss');
    expect(run).toMatchObject({ outcome: 'ok', fileName: '每周服务时效-20261125-0800.xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(folder, run!.fileName!));
    expect(book.worksheets.length).toBeGreaterThan(1);
    expect(JSON.stringify(book.worksheets[0]!.getSheetValues())).toContain('服务时效分析');
    expect(run!.bytes).toBe(fs.statSync(path.join(folder, run!.fileName!)).size);

    await call(core, 'reportSchedules.save', weekly({ id: saved.id, cron: '0 8 * * *', format: 'pdf' }), 'boss');
    clock.set(sh(26, 8));
    expect(await runDueReports(runs, clock.now())).toBe(1);
    const [pdf] = await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss');
    expect(pdf).toMatchObject({ outcome: 'ok', fileName: '每周服务时效-20261126-0800.pdf' });
    expect(fs.readFileSync(path.join(folder, pdf!.fileName!)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('after the machine slept through three slots, catches up once, then waits for the next slot', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly({ cron: '0 8 * * *', period: 'yesterday' }), 'boss');
    const asked: ScheduledReportFile[] = [];
    const runs = service(bookWriter(asked));
    // Asleep from Tuesday 10:00 until Friday 09:30: the 25th, 26th and 27th at 08:00 were missed.
    clock.set(sh(27, 9, 30));
    expect(await runDueReports(runs, clock.now())).toBe(1);
    expect(await runDueReports(runs, clock.now() + 60_000)).toBe(0);
    const list = await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss');
    expect(list).toHaveLength(1);
    // The run is for the latest missed slot's day: yesterday as of now.
    expect(list[0]).toMatchObject({ slotAt: sh(25, 8), from: '2026-11-26', to: '2026-11-26' });
    expect((await call(core, 'reportSchedules.list', {}, 'boss')).schedules[0]!.nextRunAt).toBe(sh(28, 8));
    clock.set(sh(28, 8));
    expect(await runDueReports(runs, clock.now())).toBe(1);
    expect(asked.map((a) => a.filters.from)).toEqual(['2026-11-26', '2026-11-27']);
  });

  it('when the desk moves to another time zone, the next run is read on its new clocks', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    await putSetting(core.deps.db, 'timeZone', 'Europe/London');
    expect(await runDueReports(service(bookWriter()), clock.now())).toBe(0);
    // Monday 30 November, 08:00 in London (GMT) — 16:00 in Shanghai.
    const listed = (await call(core, 'reportSchedules.list', {}, 'boss')).schedules.find((x) => x.id === saved.id)!;
    expect(listed.nextRunAt).toBe(Date.UTC(2026, 10, 30, 8, 0));
  });

  it('never overlaps: a pass while one writes joins it, and 立即运行 waits for the run in progress', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly({ cron: '0 8 * * *' }), 'boss');
    let finish = () => {};
    let calls = 0;
    const slow: ReportWriter = (file) => {
      calls += 1;
      return new Promise((resolve) => {
        finish = () => {
          fs.writeFileSync(file.outPath, 'report');
          resolve({ bytes: 6, rows: 1 });
        };
      });
    };
    const runs = service(slow);
    clock.set(sh(25, 8));
    const first = runDueReports(runs, clock.now());
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    // The next minute's tick while the file is still being written.
    clock.set(sh(25, 8, 1));
    const second = runDueReports(runs, clock.now());
    expect(second).toBe(first);
    while (calls === 0) await new Promise((r) => setImmediate(r));
    expect(await runs.runNow(saved.id, { id: userId('boss') } as never).catch((e: { details?: { reason?: string } }) => e.details?.reason)).toBe('scheduleRunning');
    finish();
    expect(await first).toBe(1);
    expect(calls).toBe(1);
    const list = await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss');
    expect(list.map((r) => r.outcome)).toEqual(['ok']);
  });

  it('a run that fails is recorded with its reason and tells the owner and the supervisors, not others', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    const runs = service(() => Promise.reject(new Error('renderer exploded')));
    clock.set(sh(30, 8));
    expect(await runDueReports(runs, clock.now())).toBe(1);
    const [run] = await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss');
    expect(run).toMatchObject({ outcome: 'failed', error: 'internal', fileName: null });
    // Nothing half-written is left behind.
    expect(fs.readdirSync(folder)).toEqual([]);
    for (const who of ['boss', 'deputy']) {
      expect(notificationsOf(who).map((n) => [n.kind, JSON.parse(n.payload)])).toEqual([['report_failed', { scheduleId: saved.id, scheduleName: '每周服务时效', reason: 'internal' }]]);
    }
    for (const who of ['eng', 'agent']) expect(notificationsOf(who)).toEqual([]);
    const page = await call(core, 'notifications.list', {}, 'deputy');
    expect(page.items[0]).toMatchObject({ kind: 'report_failed', ticket: null, report: { scheduleId: saved.id, name: '每周服务时效', reason: 'internal' } });
    // The desktop notification the shell shows for it.
    expect(notificationText('zh-CN', page.items[0]!)).toEqual({ title: '定时报表运行失败：每周服务时效', body: '请在“定时报表”页面查看原因。' });
    const audit = core.deps.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'reportSchedule.run'").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ outcome: 'failed', reason: 'internal' });
  });

  it('a folder gone by run time fails the run as folderMissing, without writing anywhere else', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    fs.rmSync(folder, { recursive: true });
    const asked: ScheduledReportFile[] = [];
    const runs = service(bookWriter(asked));
    clock.set(sh(30, 8));
    await runDueReports(runs, clock.now());
    expect(asked).toEqual([]);
    expect((await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss'))[0]).toMatchObject({ outcome: 'failed', error: 'folderMissing' });
    expect(notificationsOf('boss').map((n) => JSON.parse(n.payload) as { reason: string })).toEqual([expect.objectContaining({ reason: 'folderMissing' })]);
  });

  it('a disk that fills up fails the run as diskFull and removes the partial file', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    const runs = service((file) => {
      fs.writeFileSync(file.outPath, 'half');
      return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    });
    await runs.runNow(saved.id, { id: userId('boss') } as never);
    await runs.settled();
    expect((await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss'))[0]).toMatchObject({ trigger: 'manual', outcome: 'failed', error: 'diskFull', by: 'boss' });
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});

describe('running by hand', () => {
  it('立即运行 writes a second file beside the first without overwriting it', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly({ format: 'xlsx' }), 'boss');
    const runs = service(bookWriter());
    fs.writeFileSync(path.join(folder, '每周服务时效-20261124-1000.xlsx'), 'someone else’s file');
    const started = await runs.runNow(saved.id, { id: userId('deputy') } as never);
    expect(started).toMatchObject({ trigger: 'manual', outcome: null, by: 'deputy', from: '2026-11-16', to: '2026-11-22' });
    await runs.settled();
    await runs.runNow(saved.id, { id: userId('deputy') } as never);
    await runs.settled();
    expect(fs.readdirSync(folder).sort()).toEqual(['每周服务时效-20261124-1000 (2).xlsx', '每周服务时效-20261124-1000 (3).xlsx', '每周服务时效-20261124-1000.xlsx']);
    expect(fs.readFileSync(path.join(folder, '每周服务时效-20261124-1000.xlsx'), 'utf8')).toBe('someone else’s file');
    // A run by hand does not use up the next slot.
    expect((await call(core, 'reportSchedules.list', {}, 'boss')).schedules[0]!.nextRunAt).toBe(sh(30, 8));
  });

  it("a run reads what its owner may read; a team-scoped supervisor who edits another's schedule takes it over", async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    const team = (await call(core, 'users.saveTeam', { name: 'B组' }, 'admin')).id;
    const deputyId = userId('deputy');
    await call(core, 'users.update', { id: deputyId, displayName: 'deputy', role: 'supervisor', teamId: team, dataScope: 'team' }, 'admin');
    await signInAs(core, 'deputy');
    const asked: ScheduledReportFile[] = [];
    const runs = service(bookWriter(asked));
    await runs.runNow(saved.id, { id: userId('boss') } as never);
    await runs.settled();
    expect(asked[0]!.scope).toBeUndefined();

    const other = tempDir();
    const edited = await call(core, 'reportSchedules.save', weekly({ id: saved.id, folder: other }), 'deputy');
    expect(edited.owner).toEqual({ id: deputyId, displayName: 'deputy' });
    await runs.runNow(saved.id, { id: userId('boss') } as never);
    await runs.settled();
    expect(asked[1]!.scope).toEqual({ userId: deputyId, teamId: team });
  });

  it("a disabled owner's schedule writes nothing: the run fails as ownerInactive, and a supervisor's edit takes it over", async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    await call(core, 'users.setDisabled', { id: userId('boss'), disabled: true }, 'admin');
    const asked: ScheduledReportFile[] = [];
    const runs = service(bookWriter(asked));
    clock.set(sh(30, 8));
    await runDueReports(runs, clock.now());
    expect(asked).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect((await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'deputy'))[0]).toMatchObject({ outcome: 'failed', error: 'ownerInactive' });
    // The supervisors hear of it (the disabled owner does not).
    expect(notificationsOf('deputy').map((n) => (JSON.parse(n.payload) as { reason: string }).reason)).toEqual(['ownerInactive']);
    expect(notificationsOf('boss')).toEqual([]);

    const edited = await call(core, 'reportSchedules.save', weekly({ id: saved.id }), 'deputy');
    expect(edited.owner).toEqual({ id: userId('deputy'), displayName: 'deputy' });
    await runs.runNow(saved.id, { id: userId('deputy') } as never);
    await runs.settled();
    expect(asked).toHaveLength(1);
  });

  it('keeps each schedule’s own newest runs, however many other schedules ran meanwhile', async () => {
    const a = await call(core, 'reportSchedules.save', weekly({ name: 'A' }), 'boss');
    const b = await call(core, 'reportSchedules.save', weekly({ name: 'B' }), 'boss');
    // 800 finished runs of A, then 1 of B through the service: A's must not be cut by B's run ids.
    const insert = core.deps.sqlite.prepare("INSERT INTO report_schedule_runs (schedule_id, trigger, period_from, period_to, started_at, outcome) VALUES (?, 'manual', '2026-11-16', '2026-11-22', 1, 'ok')");
    for (let i = 0; i < 800; i++) insert.run(a.id);
    const runs = service(bookWriter());
    await runs.runNow(b.id, { id: userId('boss') } as never);
    await runs.settled();
    const count = (id: number) => (core.deps.sqlite.prepare('SELECT count(*) AS n FROM report_schedule_runs WHERE schedule_id = ?').get(id) as { n: number }).n;
    expect(count(a.id)).toBe(800);
    expect(count(b.id)).toBe(1);
    await runs.runNow(a.id, { id: userId('boss') } as never);
    await runs.settled();
    expect(count(a.id)).toBe(730);
  });

  it('removes a schedule with its runs; a run left open by a stopped app reads as interrupted', async () => {
    const saved = await call(core, 'reportSchedules.save', weekly(), 'boss');
    core.deps.sqlite
      .prepare("INSERT INTO report_schedule_runs (schedule_id, trigger, period_from, period_to, started_at) VALUES (?, 'scheduled', '2026-11-16', '2026-11-22', ?)")
      .run(saved.id, clock.now());
    service(bookWriter());
    expect((await call(core, 'reportSchedules.runs', { scheduleId: saved.id }, 'boss'))[0]).toMatchObject({ outcome: 'failed', error: 'interrupted' });
    expect(await call(core, 'reportSchedules.remove', { id: saved.id }, 'deputy')).toEqual({ removed: true });
    expect((await call(core, 'reportSchedules.list', {}, 'boss')).schedules).toEqual([]);
    expect(core.deps.sqlite.prepare('SELECT count(*) AS n FROM report_schedule_runs').get()).toEqual({ n: 0 });
    expect(await core.dispatch('reportSchedules.runs', { scheduleId: saved.id }, 'boss')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
