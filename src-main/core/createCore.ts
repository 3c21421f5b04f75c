import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SessionUser } from '../../src-shared/contract';
import type { Result } from '../../src-shared/errors';
import { MIGRATIONS } from '../../migrations/index';
import { openConnection } from '../db/connection';
import { migrate, type MigrationReport } from '../db/migrator';
import { assignmentHandlers } from '../features/assignment/handlers';
import { customersHandlers } from '../features/customers/handlers';
import { partsHandlers } from '../features/parts/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { systemHandlers } from '../features/system/handlers';
import { ticketsHandlers } from '../features/tickets/handlers';
import { scheduleTicketJobs } from '../features/tickets/jobs';
import { authHandlers, usersHandlers } from '../features/users/handlers';
import type { CallContext, CoreDeps } from './context';
import { createDispatch } from './dispatch';
import { createEvents, type CoreEvents } from './events';
import type { Handlers } from './handlers';
import type { Clock, Logger, Platform } from './ports';

export interface CoreOptions {
  /** A file path, or ':memory:' for tests. */
  dbPath: string;
  clock: Clock;
  platform: Platform;
  logger: Logger;
  /** Shown in system.status; the shells pass the package version. */
  version?: string;
  /** A better-sqlite3 addon built for Electron's ABI (development runs only). */
  sqliteBinding?: string;
  /** Where attachments live; defaults to the database's folder (a fresh temp folder in memory). */
  dataDir?: string;
}

export interface Core {
  /** Runs a contract channel for the caller identified by sessionKey (a window or a web client). */
  dispatch(channel: string, input: unknown, sessionKey: string): Promise<Result<unknown>>;
  events: CoreEvents;
  /** Forgets a caller's session (window closed, web client gone). */
  dropSession(sessionKey: string): void;
  /** Starts the time-driven jobs (the shells do; tests call the job functions directly). */
  startJobs(): void;
  migration: MigrationReport;
  /** For the seed and bench tools, which load data in bulk beside the core. */
  deps: CoreDeps;
  close(): void;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { sqlite, db } = openConnection(options.dbPath, options.sqliteBinding);
  let migration: MigrationReport;
  try {
    migration = await migrate(db, sqlite, MIGRATIONS, options.clock.now());
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (migration.applied.length > 0) options.logger.info('database migrated', { ...migration });

  const events = createEvents((error) => options.logger.error('event listener failed', { error: String(error) }));
  const dataDir =
    options.dataDir ?? (options.dbPath === ':memory:' ? fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-')) : path.dirname(path.resolve(options.dbPath)));
  const deps: CoreDeps = { db, sqlite, clock: options.clock, platform: options.platform, logger: options.logger, events, dataDir };
  const handlers: Handlers = {
    system: systemHandlers(deps, options.version ?? '0.0.0'),
    auth: authHandlers(deps),
    users: usersHandlers(deps),
    tickets: ticketsHandlers(deps),
    assignment: assignmentHandlers(deps),
    customers: customersHandlers(deps),
    parts: partsHandlers(deps),
    settings: settingsHandlers(deps),
  };
  const run = createDispatch(handlers, options.logger);
  const sessions = new Map<string, SessionUser>();
  const tasks: { stop(): void | Promise<void> }[] = [];

  return {
    dispatch(channel, input, sessionKey) {
      const ctx: CallContext = {
        sessionKey,
        user: sessions.get(sessionKey) ?? null,
        startSession: (user) => void sessions.set(sessionKey, user),
        endSession: () => void sessions.delete(sessionKey),
      };
      return run(channel, input, ctx);
    },
    events,
    dropSession: (key) => void sessions.delete(key),
    startJobs() {
      if (tasks.length === 0) tasks.push(...scheduleTicketJobs(deps));
    },
    migration,
    deps,
    close() {
      for (const task of tasks.splice(0)) void task.stop();
      sessions.clear();
      try {
        sqlite.pragma('optimize');
      } finally {
        sqlite.close();
      }
    },
  };
}
