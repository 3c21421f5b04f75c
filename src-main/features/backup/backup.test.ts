import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupJob } from '../../../src-shared/contract';
import { ROLES } from '../../../src-shared/domain/roles';
import { createCore, type Core } from '../../core/createCore';
import { silentLogger } from '../../core/ports';
import { addUser, call, fakeClock, setupDesk, signInAs, testCore, testPlatform, type FakeClock } from '../../core/testing';
import { getSettings, putSetting } from '../settings/queries';
import { isEncrypted } from './crypto';
import { readSidecar, sha256File } from './files';
import { verifyBackup } from './task';
import { runScheduledBackup } from './jobs';
import { createBackupService } from './service';

// Backups through dispatch as the renderer calls them, on database files (the backup runs
// in a worker thread with its own connection), and the daily schedule with a fake clock.

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-backup-'));
}

/** A desk on a database file whose platform can restart it, as the shells do. */
async function fileDesk(dir = tempDir(), clock: FakeClock = fakeClock()) {
  const dbPath = path.join(dir, 'serviceloop.db');
  let restarted: (core: Core) => void = () => {};
  const restart = new Promise<Core>((resolve) => (restarted = resolve));
  const platform = {
    ...testPlatform,
    relaunch() {
      core.close();
      cores.splice(cores.indexOf(core), 1);
      void createCore({ dbPath, clock, platform: testPlatform, logger: silentLogger, version: 'test' }).then((next) => {
        cores.push(next);
        restarted(next);
      });
    },
  };
  const core = await createCore({ dbPath, clock, platform, logger: silentLogger, version: 'test' });
  cores.push(core);
  return { core, dbPath, dir, clock, restart };
}

async function finished(core: Core, job: BackupJob): Promise<BackupJob> {
  let view = job;
  while (view.state === 'running') {
    await new Promise((r) => setTimeout(r, 10));
    view = await call(core, 'backup.job', { jobId: job.jobId }, 'admin');
  }
  return view;
}

async function addCustomer(core: Core, name: string): Promise<number> {
  return (await call(core, 'customers.save', { kind: 'company', name }, 'admin')).id;
}

async function customerNames(core: Core): Promise<string[]> {
  return (await core.deps.db.selectFrom('customers').select('name').orderBy('id').execute()).map((c) => c.name);
}

/** Fills the file's tail with pages of a table nothing reads at start, then overwrites them with noise. */
function damageTail(core: Core, dbPath: string): void {
  core.deps.sqlite.exec('CREATE TABLE filler (x BLOB)');
  const insert = core.deps.sqlite.prepare('INSERT INTO filler VALUES (randomblob(3000))');
  core.deps.sqlite.transaction(() => {
    for (let i = 0; i < 300; i++) insert.run();
  })();
  core.deps.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const size = fs.statSync(dbPath).size;
  const fd = fs.openSync(dbPath, 'r+');
  fs.writeSync(fd, Buffer.alloc(40 * 4096, 0x5a), 0, 40 * 4096, size - 60 * 4096);
  fs.closeSync(fd);
}

function quickCheck(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma('quick_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('backup.run', () => {
  it('takes an online backup in a worker, verified, with its checksum, counts and schema in the sidecar', async () => {
    const { core } = await fileDesk();
    await setupDesk(core);
    for (const name of ['华东精密机械', '江南机电', '北方重工']) await addCustomer(core, name);
    const progress: number[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'job.progress') progress.push((payload as { done: number }).done);
    });

    const job = await finished(core, await call(core, 'backup.run', {}, 'admin'));
    expect(job).toMatchObject({ state: 'done', error: null });
    expect(job.backup).toMatchObject({ kind: 'manual', verified: true, sizeOk: true, counts: { customers: 3, users: 1, tickets: 0 } });
    expect(progress.length).toBeGreaterThan(0);

    const { folder, backups, runs } = await call(core, 'backup.list', {}, 'admin');
    expect(folder).toBe(path.join(core.deps.dataDir, 'backups'));
    expect(backups.map((b) => b.file)).toEqual([job.backup!.file]);
    const file = path.join(folder, job.backup!.file);
    const sidecar = readSidecar(file)!;
    expect(sidecar).toMatchObject({ app: 'ServiceLoop', kind: 'manual', integrity: 'ok', bytes: fs.statSync(file).size });
    expect(sidecar.sha256).toBe(sha256File(file));
    expect(sidecar.migrations).toEqual((core.deps.sqlite.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name));
    expect(quickCheck(file)).toBe('ok');
    // One self-contained file and its sidecar: nothing half-written, no -wal or -shm beside it.
    expect(fs.readdirSync(folder).sort()).toEqual([job.backup!.file, `${job.backup!.file}.json`]);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(runs[0]).toMatchObject({ kind: 'manual', outcome: 'ok', error: null });
    const audit = await core.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'backup.run').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ kind: 'manual', file: job.backup!.file, sha256: sidecar.sha256 });
  });

  it('runs one backup at a time', async () => {
    const { core } = await fileDesk();
    await setupDesk(core);
    const first = await call(core, 'backup.run', {}, 'admin');
    expect(await core.dispatch('backup.run', {}, 'admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'backupRunning' } } });
    await finished(core, first);
  });

  it('is for administrators only: agents, engineers and service managers are refused every backup channel', async () => {
    const { core } = await testCore();
    await setupDesk(core);
    cores.push(core);
    const inputs = { settings: {}, saveSettings: { enabled: false }, list: {}, run: {}, job: { jobId: 'none' }, restore: { file: 'x.db' } } as const;
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      await addUser(core, role, `${role}-b`);
      await signInAs(core, `${role}-b`);
      for (const [verb, input] of Object.entries(inputs)) {
        expect(await core.dispatch(`backup.${verb}`, input, `${role}-b`)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(await core.deps.db.selectFrom('job_runs').selectAll().execute()).toEqual([]);
    expect(await call(core, 'backup.settings', {}, 'admin')).toMatchObject({ enabled: true });
  });
});

describe('backup.saveSettings', () => {
  it('keeps the folder, time and retention, refuses a folder it cannot write, and audits the change', async () => {
    const { core } = await testCore();
    cores.push(core);
    await setupDesk(core);
    const share = path.join(tempDir(), 'share', 'serviceloop');
    const saved = await call(core, 'backup.saveSettings', { folder: share, timeOfDay: '23:30', keepDaily: 10, keepWeekly: 2, keepMonthly: 6, enabled: true }, 'admin');
    expect(saved).toMatchObject({ folder: share, timeOfDay: '23:30', keepDaily: 10, keepWeekly: 2, keepMonthly: 6, enabled: true });
    expect(fs.existsSync(share)).toBe(true);

    const aFile = path.join(tempDir(), 'a-file');
    fs.writeFileSync(aFile, 'x');
    for (const [folder, code] of [
      ['backups', 'folderNotAbsolute'],
      [path.join(aFile, 'backups'), 'folderUnwritable'],
    ]) {
      expect(await core.dispatch('backup.saveSettings', { folder }, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'folder', code }] } } });
    }
    expect(await core.dispatch('backup.saveSettings', { timeOfDay: '25:00' }, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'backup.saveSettings', { folder: '' }, 'admin')).folder).toBe(path.join(core.deps.dataDir, 'backups'));
    const audit = await core.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'backup.settings').execute();
    expect(audit).toHaveLength(2);
  });
});

describe('backup.restore', () => {
  it('refuses a damaged backup with a reason and changes nothing', async () => {
    const { core, dbPath } = await fileDesk();
    await setupDesk(core);
    await addCustomer(core, '华东精密机械');
    const { backup } = await finished(core, await call(core, 'backup.run', {}, 'admin'));
    const folder = path.join(core.deps.dataDir, 'backups');
    const file = path.join(folder, backup!.file);
    // One byte changed deep inside: the checksum no longer matches.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0xff]), 0, 1, 5000);
    fs.closeSync(fd);
    await addCustomer(core, '江南机电');
    const before = fs.readdirSync(path.dirname(dbPath)).sort();

    const refused = await core.dispatch('backup.restore', { file: backup!.file }, 'admin');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'backupDamaged', file: backup!.file } } });
    expect(fs.readdirSync(path.dirname(dbPath)).sort()).toEqual(before);
    expect(fs.readdirSync(folder).filter((f) => f.startsWith('before-restore'))).toEqual([]);
    expect(await customerNames(core)).toEqual(['华东精密机械', '江南机电']);

    // Without a sidecar there is no checksum to compare: integrity_check still catches noise in its pages.
    fs.rmSync(`${file}.json`);
    const fd2 = fs.openSync(file, 'r+');
    fs.writeSync(fd2, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
    fs.closeSync(fd2);
    expect(await core.dispatch('backup.restore', { file: backup!.file }, 'admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'backupDamaged' } } });
    // An import writing from its worker meanwhile: refused, since the file it writes is replaced.
    const { id: runId } = await core.deps.db.insertInto('import_runs').values({ entity: 'customers', file_name: 'a.csv', user_id: 1, started_at: 0 }).returning('id').executeTakeFirstOrThrow();
    expect(await core.dispatch('backup.restore', { file: backup!.file }, 'admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'importRunning' } } });
    await core.deps.db.deleteFrom('import_runs').where('id', '=', runId).execute();
    expect(await core.dispatch('backup.restore', { file: 'serviceloop-20260101T000000000Z-manual.db' }, 'admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('backup.restore', { file: '../serviceloop.db' }, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const refusals = await core.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'backup.restore').execute();
    expect(refusals.map((r) => JSON.parse(r.details!) as { outcome: string }).map((d) => d.outcome)).toEqual(['refused', 'refused']);
  });

  it('backup → the live database damaged → restore: the data as backed up, the damaged one kept aside, and the app works', async () => {
    const { core, dbPath, restart } = await fileDesk();
    await setupDesk(core);
    await addCustomer(core, '华东精密机械');
    await addCustomer(core, '江南机电');
    const { backup } = await finished(core, await call(core, 'backup.run', {}, 'admin'));
    await addCustomer(core, '备份之后的客户');
    damageTail(core, dbPath);
    expect(quickCheck(dbPath)).not.toBe('ok');

    const result = await call(core, 'backup.restore', { file: backup!.file }, 'admin');
    expect(result).toMatchObject({ restoredFrom: backup!.file, restarting: true });
    expect(result.keptAside).toMatch(/^before-restore-\d{8}T\d{9}Z\.db$/);
    const restored = await restart;

    expect(quickCheck(dbPath)).toBe('ok');
    expect(await customerNames(restored)).toEqual(['华东精密机械', '江南机电']);
    await restored.databaseChecked;
    expect(restored.deps.databaseProblem).toBeNull();
    expect(fs.existsSync(`${dbPath}.restore`)).toBe(false);
    // Sessions were the old core's: the administrator signs in again, and works.
    expect(await restored.dispatch('customers.list', {}, 'admin')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await call(restored, 'auth.signIn', { username: 'admin', password: 'correct horse battery' }, 'admin');
    await addCustomer(restored, '恢复之后的客户');
    expect(await customerNames(restored)).toEqual(['华东精密机械', '江南机电', '恢复之后的客户']);
    const audit = await restored.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'backup.restore').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.user_id).toBe(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ outcome: 'restored', from: backup!.file, username: 'admin' });

    // The damaged database was kept aside as it was, and is listed (without a verified badge).
    const { backups, runs } = await call(restored, 'backup.list', {}, 'admin');
    // The run that took the backup was under way in it: it reads as done, not running.
    expect(runs.map((r) => [r.kind, r.outcome])).toEqual([['manual', 'ok']]);
    const aside = backups.find((b) => b.file === result.keptAside);
    expect(aside).toMatchObject({ kind: 'beforeRestore', verified: false });
    expect(quickCheck(path.join(restored.deps.dataDir, 'backups', result.keptAside))).not.toBe('ok');
  });

  it('a damaged database is reported at start with where its backups are', async () => {
    const { core, dbPath, dir, clock } = await fileDesk();
    await setupDesk(core);
    expect((await call(core, 'system.status', {}, 'anyone')).databaseProblem).toBeNull();
    damageTail(core, dbPath);
    core.close();
    cores.splice(0);
    const { core: reopened } = await fileDesk(dir, clock);
    // The check runs in a worker while the app starts and works.
    await reopened.databaseChecked;
    expect((await call(reopened, 'system.status', {}, 'anyone')).databaseProblem).toEqual({ backupsFolder: path.join(dir, 'backups') });
    // It starts and answers all the same, so that an administrator can restore a backup.
    await call(reopened, 'auth.signIn', { username: 'admin', password: 'correct horse battery' }, 'admin');
    expect((await call(reopened, 'backup.list', {}, 'admin')).folder).toBe(path.join(dir, 'backups'));
  });
});

describe('encrypted backups', () => {
  const PASSPHRASE = '仓库钥匙在前台抽屉里 2026';

  it('are encrypted with a key from the passphrase; restore uses the desk’s key, or the passphrase once the key is gone', async () => {
    const { core, dbPath, restart } = await fileDesk();
    await setupDesk(core);
    await addCustomer(core, '华东精密机械');
    expect(await core.dispatch('backup.saveSettings', { passphrase: 'too short' }, 'admin')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'backup.saveSettings', { passphrase: PASSPHRASE }, 'admin')).toMatchObject({ encrypted: true });
    const key = (await getSettings(core.deps.db))['backup.key']!;
    const audited = (await core.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'backup.settings').execute()).map((r) => r.details).join('\n');
    expect(audited).toContain('"encryption":"on"');
    expect(audited).not.toContain(PASSPHRASE);
    expect(audited).not.toContain(key);

    const { backup } = await finished(core, await call(core, 'backup.run', {}, 'admin'));
    expect(backup).toMatchObject({ encrypted: true, verified: true, sizeOk: true, counts: { customers: 1, users: 1 } });
    expect(backup!.file).toMatch(/^serviceloop-\d{8}T\d{9}Z-manual\.db\.enc$/);
    const folder = path.join(core.deps.dataDir, 'backups');
    const file = path.join(folder, backup!.file);
    expect(isEncrypted(file)).toBe(true);
    expect(fs.readFileSync(file).includes(Buffer.from('华东精密机械'))).toBe(false);
    expect(fs.readdirSync(folder).filter((f) => !f.endsWith('.db.enc') && !f.endsWith('.db.enc.json'))).toEqual([]);
    // With the desk's key: decrypted, checked, the same database as the sidecar recorded.
    const withKey = verifyBackup({ file, key, decryptTo: path.join(folder, 'check.tmp') });
    expect(withKey).toMatchObject({ integrity: 'ok', keyProblem: null, plainSha256: readSidecar(file)!.plainSha256, counts: { customers: 1 } });
    fs.rmSync(path.join(folder, 'check.tmp'));

    // Encryption turned off (or the database that held the key lost): the passphrase is needed.
    await call(core, 'backup.saveSettings', { passphrase: null }, 'admin');
    await addCustomer(core, '之后的客户');
    expect(await core.dispatch('backup.restore', { file: backup!.file }, 'admin')).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'passphraseRequired' } } });
    expect(await core.dispatch('backup.restore', { file: backup!.file, passphrase: 'not the passphrase at all' }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'wrongPassphrase' } },
    });
    expect(fs.existsSync(`${dbPath}.restore.decrypted`)).toBe(false);
    expect(await customerNames(core)).toEqual(['华东精密机械', '之后的客户']);

    const result = await call(core, 'backup.restore', { file: backup!.file, passphrase: PASSPHRASE }, 'admin');
    expect(result.keptAside).toMatch(/^before-restore-\d{8}T\d{9}Z\.db$/); // encryption was off by then
    const restored = await restart;
    expect(await customerNames(restored)).toEqual(['华东精密机械']);
    expect(fs.existsSync(`${dbPath}.restore.decrypted`)).toBe(false);
    // The restored desk had encryption on when it was backed up: it has its key again.
    await call(restored, 'auth.signIn', { username: 'admin', password: 'correct horse battery' }, 'admin');
    expect(await call(restored, 'backup.settings', {}, 'admin')).toMatchObject({ encrypted: true });
  });
});

describe('runScheduledBackup', () => {
  // 2026-11-24 10:00 in Shanghai.
  const start = Date.parse('2026-11-24T10:00:00+08:00');
  const at = (iso: string) => Date.parse(`${iso}+08:00`);

  it('runs once a day at the set time, catches up once after a sleep, never twice, and keeps retention', async () => {
    const clock = fakeClock(start);
    const { core } = await testCore(clock);
    cores.push(core);
    await setupDesk(core);
    const service = createBackupService(core.deps);
    const run = (iso: string) => {
      clock.set(at(iso));
      return runScheduledBackup(core.deps, service, clock.now());
    };

    // The schedule begins now: 02:00 today has passed, but before the desk had a schedule.
    expect(await run('2026-11-24T10:00:00')).toBe('notDue');
    expect(await run('2026-11-25T01:59:00')).toBe('notDue');
    expect(await run('2026-11-25T02:00:00')).toBe('ran');
    expect(await run('2026-11-25T02:01:00')).toBe('notDue');
    // Two calls at once (the minute tick and a wake-up): one backup.
    clock.set(at('2026-11-26T02:00:30'));
    expect(await Promise.all([runScheduledBackup(core.deps, service, clock.now()), runScheduledBackup(core.deps, service, clock.now())])).toEqual(['ran', 'notDue']);
    // Asleep from the 26th to the 29th: one catch-up backup on waking, not three.
    expect(await run('2026-11-29T09:00:00')).toBe('ran');
    expect(await run('2026-11-29T09:01:00')).toBe('notDue');

    const { backups, runs } = await call(core, 'backup.list', {}, 'admin');
    expect(backups.map((b) => b.kind)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    expect(runs.map((r) => [r.kind, r.outcome])).toEqual([
      ['scheduled', 'ok'],
      ['scheduled', 'ok'],
      ['scheduled', 'ok'],
    ]);

    // Forty more nights: retention keeps 7 days, 4 weeks and 12 months' newest.
    for (let day = 0; day < 40; day++) {
      const t = at('2026-11-30T02:00:00') + day * 86_400_000;
      clock.set(t);
      expect(await runScheduledBackup(core.deps, service, t)).toBe('ran');
    }
    const after = await call(core, 'backup.list', {}, 'admin');
    const days = after.backups.map((b) => new Date(b.takenAt + 8 * 3_600_000).toISOString().slice(0, 10));
    expect(days).toEqual([
      '2027-01-08', '2027-01-07', '2027-01-06', '2027-01-05', '2027-01-04', '2027-01-03', '2027-01-02', // 7 days
      '2026-12-27', '2026-12-20', // weeks 52 and 51 (53 and 1 are in the days)
      '2026-12-31', // December
      '2026-11-30', // November
    ].sort().reverse());
    expect(after.runs[0]).toMatchObject({ outcome: 'ok' });
    expect(after.runs[0]!.removed).toBeGreaterThan(0);

    // The app closed in the middle of tonight's backup: the next start's service closes that run
    // as interrupted, and the backup is taken again.
    clock.set(at('2027-01-09T02:00:00'));
    await core.deps.db.insertInto('job_runs').values({ job: 'backup-scheduled', started_at: clock.now() }).execute();
    const nextStart = createBackupService(core.deps);
    expect((await call(core, 'backup.list', {}, 'admin')).runs[0]).toMatchObject({ outcome: 'failed', error: 'interrupted' });
    expect(await runScheduledBackup(core.deps, nextStart, at('2027-01-09T02:05:00'))).toBe('ran');
    expect(await runScheduledBackup(core.deps, nextStart, at('2027-01-09T02:06:00'))).toBe('notDue');

    await call(core, 'backup.saveSettings', { enabled: false }, 'admin');
    expect(await run('2027-01-10T02:00:00')).toBe('disabled');
  });

  it('a failed backup is listed with its reason and the administrators are told', async () => {
    const clock = fakeClock(start);
    const { core } = await testCore(clock);
    cores.push(core);
    await setupDesk(core);
    await addUser(core, 'admin', 'admin2');
    await addUser(core, 'supervisor', 'boss');
    const service = createBackupService(core.deps);
    expect(await runScheduledBackup(core.deps, service, clock.now())).toBe('notDue');
    // The network share is gone: its folder cannot be made.
    const aFile = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(aFile, 'x');
    await putSetting(core.deps.db, 'backup.folder', path.join(aFile, 'backups'));
    const told: number[][] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'notifications.created') told.push((payload as { userIds: number[] }).userIds);
    });

    clock.set(at('2026-11-25T02:00:00'));
    expect(await runScheduledBackup(core.deps, service, clock.now())).toBe('ran');
    const { runs } = await call(core, 'backup.list', {}, 'admin');
    expect(runs[0]).toMatchObject({ kind: 'scheduled', outcome: 'failed', error: 'folderUnwritable' });
    const notified = await core.deps.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select(['users.username', 'notifications.kind']).execute();
    expect(notified.sort((a, b) => a.username.localeCompare(b.username))).toEqual([
      { username: 'admin', kind: 'backup_failed' },
      { username: 'admin2', kind: 'backup_failed' },
    ]);
    expect(told).toHaveLength(1);
    expect((await call(core, 'notifications.list', {}, 'admin')).items[0]).toMatchObject({ kind: 'backup_failed', ticket: null });
    // Not retried every minute: the next is tomorrow's (or one by hand).
    clock.set(at('2026-11-25T02:01:00'));
    expect(await runScheduledBackup(core.deps, service, clock.now())).toBe('notDue');
  });
});
