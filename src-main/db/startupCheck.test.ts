import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/ports';
import { checkDatabaseAtStart, type DatabaseProblem } from './startupCheck';

// The start-up check on a database file: at once when small, in a worker thread when large
// (here: any size, no delay), and a damaged file reported with its backup folder either way.

function database(damaged: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-check-'));
  const file = path.join(dir, 'serviceloop.db');
  const db = new Database(file);
  db.exec('CREATE TABLE t (x BLOB)');
  const insert = db.prepare('INSERT INTO t VALUES (randomblob(3000))');
  db.transaction(() => {
    for (let i = 0; i < 200; i++) insert.run();
  })();
  db.close();
  if (damaged) {
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(20 * 4096, 0x5a), 0, 20 * 4096, fs.statSync(file).size - 40 * 4096);
    fs.closeSync(fd);
  }
  return file;
}

describe('checkDatabaseAtStart', () => {
  it.each([
    ['at once', { inlineBelowBytes: 1e12, delayMs: 0 }],
    ['in a worker thread', { inlineBelowBytes: 0, delayMs: 0 }],
  ])('%s: a good database passes, a damaged one is reported with its backup folder', async (_how, options) => {
    for (const damaged of [false, true]) {
      const file = database(damaged);
      const sqlite = new Database(file);
      const problems: DatabaseProblem[] = [];
      const check = checkDatabaseAtStart(sqlite, silentLogger, (p) => problems.push(p), options);
      await check.done;
      expect(problems).toEqual(damaged ? [{ backupsFolder: path.join(path.dirname(file), 'backups') }] : []);
      sqlite.close();
    }
  });

  it('stopped before its time (the app closing), it never runs', async () => {
    const sqlite = new Database(database(true));
    const problems: DatabaseProblem[] = [];
    const check = checkDatabaseAtStart(sqlite, silentLogger, (p) => problems.push(p), { inlineBelowBytes: 0, delayMs: 60_000 });
    check.stop();
    await check.done;
    expect(problems).toEqual([]);
    sqlite.close();
  });
});
