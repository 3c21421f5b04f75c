import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../src-shared/errors';
import { MIGRATIONS } from '../../migrations/index';
import { openConnection } from '../db/connection';
import { checkDatabaseAtStart } from '../db/startupCheck';
import { backupHandlers } from '../features/backup/handlers';
import { runScheduledBackup, scheduleBackups } from '../features/backup/jobs';
import { applyStagedRestore, recordRestore } from '../features/backup/restore';
import { createBackupService } from '../features/backup/service';
import { migrate, type MigrationReport } from '../db/migrator';
import { assignmentHandlers } from '../features/assignment/handlers';
import { auditCalls } from '../features/audit/calls';
import { sealAuditLog } from '../features/audit/chain';
import { auditHandlers } from '../features/audit/handlers';
import { privacyHandlers } from '../features/privacy/handlers';
import { dashboardHandlers } from '../features/dashboard/handlers';
import { reportSchedulesHandlers } from '../features/reportSchedules/handlers';
import { runDueReports, scheduleReportRuns } from '../features/reportSchedules/jobs';
import { createReportScheduleService } from '../features/reportSchedules/service';
import { workerReportWriter } from '../features/reportSchedules/writer';
import { customersHandlers } from '../features/customers/handlers';
import { exportsHandlers, importsHandlers } from '../features/imports/handlers';
import { createJobs } from '../features/imports/jobs';
import { partsHandlers } from '../features/parts/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { systemHandlers } from '../features/system/handlers';
import { ticketsHandlers } from '../features/tickets/handlers';
import { notificationsHandlers } from '../features/notifications/handlers';
import { createNotificationService } from '../features/notifications/service';
import { notificationText } from '../features/notifications/text';
import { ensureShippedAgreements } from '../features/sla/agreements';
import { ensureShippedCalendars } from '../features/sla/calendars';
import { slaHandlers } from '../features/sla/handlers';
import { reportsHandlers } from '../features/reports/standard/handlers';
import { finishStaleReschedule } from '../features/sla/reschedule';
import { runServiceCheck, scheduleServiceCheck } from '../features/sla/jobs';
import { getSettings, idleLockMinutes } from '../features/settings/queries';
import { authHandlers, usersHandlers } from '../features/users/handlers';
import { LOCALES, type Locale } from '../../src-shared/domain/locale';
import { headline } from '../../src-shared/domain/notifications';
import type { CallContext, CoreDeps } from './context';
import { createDispatch } from './dispatch';
import { createEvents, type CoreEvents } from './events';
import { Sessions } from './sessions';
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
  /** Runs the service check now: the shells call it when the machine wakes from sleep. */
  catchUp(): Promise<void>;
  migration: MigrationReport;
  /** Resolves when the database check of this start has finished (it runs in a worker thread). */
  databaseChecked: Promise<void>;
  /** For the seed and bench tools, which load data in bulk beside the core. */
  deps: CoreDeps;
  close(): void;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  // A restore staged by the last run replaces the database before anything opens it.
  const restored = options.dbPath === ':memory:' ? null : applyStagedRestore(options.dbPath, options.logger);
  const { sqlite, db } = openConnection(options.dbPath, options.sqliteBinding);
  let migration: MigrationReport;
  try {
    migration = await migrate(db, sqlite, MIGRATIONS, options.clock.now());
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (migration.applied.length > 0) options.logger.info('database migrated', { ...migration });
  // Entries from before the audit trail was chained join the chain before anything is added.
  const sealed = sealAuditLog(sqlite);
  if (sealed > 0) options.logger.info('audit trail entries chained', { sealed });
  // Shipped calendars and agreements on a new desk; newly shipped holiday years on every start.
  await db.transaction().execute(async (trx) => {
    await ensureShippedCalendars(trx, options.clock.now());
    await ensureShippedAgreements(trx, options.clock.now());
  });

  const events = createEvents((error) => options.logger.error('event listener failed', { error: String(error) }));
  const dataDir =
    options.dataDir ?? (options.dbPath === ':memory:' ? fs.mkdtempSync(path.join(os.tmpdir(), 'serviceloop-')) : path.dirname(path.resolve(options.dbPath)));
  const sessions = new Sessions((await idleLockMinutes(db)) * 60_000);
  const deps: CoreDeps = { db, sqlite, clock: options.clock, platform: options.platform, logger: options.logger, events, dataDir, sessions };
  deps.databaseProblem = null;
  const databaseCheck = checkDatabaseAtStart(sqlite, options.logger, (problem) => (deps.databaseProblem = problem));
  if (restored) await recordRestore(deps, restored);
  const backups = createBackupService(deps);
  const reportSchedules = createReportScheduleService(deps, workerReportWriter(deps));
  // A calendar change the last run could not carry through to every open clock.
  await finishStaleReschedule(deps);
  const jobs = createJobs(deps);
  const handlers: Handlers = {
    system: systemHandlers(deps, options.version ?? '0.0.0'),
    auth: authHandlers(deps),
    users: usersHandlers(deps),
    tickets: ticketsHandlers(deps),
    assignment: assignmentHandlers(deps),
    customers: customersHandlers(deps),
    imports: importsHandlers(deps, jobs),
    exports: exportsHandlers(deps, jobs),
    parts: partsHandlers(deps),
    settings: settingsHandlers(deps),
    sla: slaHandlers(deps),
    notifications: notificationsHandlers(deps),
    audit: auditHandlers(deps),
    privacy: privacyHandlers(deps),
    reports: reportsHandlers(deps),
    dashboard: dashboardHandlers(deps),
    backup: backupHandlers(backups),
    reportSchedules: reportSchedulesHandlers(reportSchedules),
  };
  const run = createDispatch(handlers, options.logger, auditCalls(deps));
  const tasks: { stop(): void | Promise<void> }[] = [];

  // A desktop notification for each signed-in user who just got one, in the desk's language.
  const inbox = createNotificationService(deps);
  events.subscribe((name, payload) => {
    if (name !== 'notifications.created') return;
    const signedIn = sessions.userIds();
    const recipients = (payload as { userIds: number[] }).userIds.filter((id) => signedIn.has(id));
    void (async () => {
      const stored = (await getSettings(db)).defaultLocale as Locale | undefined;
      const locale = stored && LOCALES.includes(stored) ? stored : 'zh-CN';
      for (const userId of recipients) {
        // The same headline as the in-app toast: the most severe news of the latest check.
        const news = headline((await inbox.list(userId, { unreadOnly: true, limit: 50 })).items);
        if (news) {
          const { title, body } = notificationText(locale, news.notification, news.others);
          options.platform.notify(title, body);
        }
      }
    })().catch((error: unknown) => options.logger.error('desktop notification failed', { error: String(error) }));
  });

  return {
    dispatch(channel, input, sessionKey) {
      const ctx: CallContext = {
        sessionKey,
        // Idle time is real elapsed time, not the desk's clock (which tests move by days).
        user: sessions.get(sessionKey, performance.now()),
        startSession: (user) => sessions.start(sessionKey, user, performance.now()),
        endSession: () => sessions.end(sessionKey),
        lockSession: () => sessions.lock(sessionKey),
        unlockSession: () => sessions.unlock(sessionKey),
      };
      return run(channel, input, ctx);
    },
    events,
    dropSession: (key) => sessions.end(key),
    startJobs() {
      if (tasks.length === 0) tasks.push(...scheduleServiceCheck(deps), ...scheduleBackups(deps, backups), ...scheduleReportRuns(deps, reportSchedules));
    },
    async catchUp() {
      await runServiceCheck(deps);
      await runScheduledBackup(deps, backups, options.clock.now());
      await runDueReports(reportSchedules, options.clock.now());
    },
    migration,
    databaseChecked: databaseCheck.done,
    deps,
    close() {
      databaseCheck.stop();
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
