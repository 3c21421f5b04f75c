import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../migrations/index';
import { migrate } from './migrator';

function open(file = ':memory:') {
  const sqlite = new Database(file);
  return { sqlite, db: new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) }) };
}

const tables = (sqlite: Database.Database) =>
  (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('migrate an empty database, and re-running does nothing', async () => {
    const { sqlite, db } = open();
    const first = await migrate(db, sqlite, MIGRATIONS, 1);
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.name));
    expect(tables(sqlite)).toEqual(expect.arrayContaining(['tickets', 'users', 'customers', 'ticket_search', 'schema_migrations']));
    expect(await migrate(db, sqlite, MIGRATIONS, 2)).toEqual({ applied: [], backupPath: null });
  });

  it('upgrades a database from 0001 with its requests intact', async () => {
    const { sqlite, db } = open();
    await migrate(db, sqlite, MIGRATIONS.slice(0, 1), 1);
    sqlite.exec(`
      INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ('a', 'A', 'x', 'admin', 1);
      INSERT INTO customers (customer_no, name, kind, created_at) VALUES ('C202611240001', '华东', 'company', 1);
      INSERT INTO tickets (number, customer_id, type, priority, channel, status, subject, description, created_by, created_at, updated_at)
        VALUES ('SR-20261124-0001', 1, 'repair', 1, 'phone', 'assigned', '漏水', '', 1, 1, 1);`);
    const report = await migrate(db, sqlite, MIGRATIONS, 2);
    expect(report.applied).toEqual(MIGRATIONS.slice(1).map((m) => m.name));
    expect(sqlite.prepare('SELECT subject, status, version, attempts, analysis FROM tickets').get()).toEqual({
      subject: '漏水',
      status: 'assigned',
      version: 1,
      attempts: 0,
      analysis: '',
    });
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a database written by a newer app and leaves it alone', async () => {
    const { sqlite, db } = open();
    await migrate(db, sqlite, MIGRATIONS, 1);
    sqlite.prepare("INSERT INTO schema_migrations VALUES ('9999_future', 1)").run();
    await expect(migrate(db, sqlite, MIGRATIONS, 2)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'databaseNewerThanApp' } });
  });

  it('backs the file up before a pending migration and rolls back a failing one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-migrate-'));
    const { sqlite, db } = open(path.join(dir, 'serviceloop.db'));
    await migrate(db, sqlite, MIGRATIONS, 1);
    sqlite.prepare("INSERT INTO settings VALUES ('companyName', 'Keep me')").run();
    const broken: Migration = {
      name: '9000_broken',
      async up(trx) {
        await trx.schema.createTable('half_done').addColumn('id', 'integer').execute();
        throw new Error('boom');
      },
    };
    const failure = await migrate(db, sqlite, [...MIGRATIONS, broken], Date.UTC(2026, 10, 24)).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'INTERNAL', details: { reason: 'migrationFailed' } });
    const backupPath = (failure as { details: { backupPath: string } }).details.backupPath;
    expect(fs.existsSync(backupPath)).toBe(true);
    expect(tables(sqlite)).not.toContain('half_done');
    expect(sqlite.prepare("SELECT value FROM settings WHERE key = 'companyName'").get()).toEqual({ value: 'Keep me' });
    const backup = new Database(backupPath, { readonly: true });
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'companyName'").get()).toEqual({ value: 'Keep me' });
    backup.close();
    sqlite.close();
  });
});

describe('the generated facet column', () => {
  it('matches ticketFacet for every status and type', async () => {
    const { TICKET_STATUSES, TICKET_TYPES, ticketFacet } = await import('../../src-shared/domain/tickets');
    const { sqlite, db } = open();
    await migrate(db, sqlite, MIGRATIONS, 1);
    sqlite.exec(`INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ('a', 'A', 'x', 'admin', 1);
      INSERT INTO customers (customer_no, name, kind, created_at) VALUES ('C1', 'c', 'company', 1);`);
    const insert = sqlite.prepare(
      "INSERT INTO tickets (number, customer_id, type, priority, channel, status, subject, description, created_by, created_at, updated_at) VALUES (?, 1, ?, 1, 'phone', ?, 's', '', 1, 1, 1) RETURNING facet",
    );
    let n = 0;
    for (const status of TICKET_STATUSES) {
      for (const type of TICKET_TYPES) {
        expect((insert.get(`SR-${n++}`, type, status) as { facet: number }).facet, `${status}/${type}`).toBe(ticketFacet(status, type));
      }
    }
  });
});
