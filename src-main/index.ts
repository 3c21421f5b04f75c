import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Notification, powerMonitor, type WebContents } from 'electron';
import { consoleLogger, createCore, systemClock, type Core, type Logger, type Platform } from './core';
import { databasePath } from './host/paths';
import { installIpc, type IpcBridge } from './electron/ipc';
import { startUpdates } from './electron/updater';
import { createMainWindow, hardenSession, hardenWebContents } from './electron/window';

// The Electron main process: app lifecycle only. Everything the app does lives in the core.

const APP_ID = 'com.serviceloop.desk';

// Where data lives: SERVICELOOP_DATA_DIR when set (tests, benchmarks, IT), else Electron's
// userData. Set before anything reads it, and before the single-instance lock, which is
// kept per userData folder: two data folders may run side by side, one folder only once.
if (process.env.SERVICELOOP_DATA_DIR) app.setPath('userData', path.resolve(process.env.SERVICELOOP_DATA_DIR));
const dataDir = app.getPath('userData');
const logDir = path.join(dataDir, 'logs');

let core: Core | null = null;
let ipc: IpcBridge | null = null;
let mainWindow: BrowserWindow | null = null;

function openLog(): { logger: Logger; file: string } {
  fs.mkdirSync(logDir, { recursive: true });
  app.setAppLogsPath(logDir);
  const file = path.join(logDir, 'main.log');
  try {
    // One generation of rotation keeps the folder bounded without a dependency.
    if (fs.statSync(file).size > 10 * 1024 * 1024) fs.renameSync(file, path.join(logDir, 'main.1.log'));
  } catch {
    // no log yet
  }
  return { logger: consoleLogger(fs.createWriteStream(file, { flags: 'a' })), file };
}

function electronPlatform(logger: Logger): Platform {
  return {
    kind: 'electron',
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
      else logger.info('notification (unsupported here)', { title, body });
    },
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    // After a restore was staged: close the database here, and the new process applies it.
    relaunch() {
      ipc?.dispose();
      ipc = null;
      core?.close();
      core = null;
      app.relaunch();
      app.exit(0);
    },
  };
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow();
    ipc?.attach(mainWindow.webContents);
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const { logger, file: logFile } = openLog();
  logger.info('starting', { version: app.getVersion(), electron: process.versions.electron, dataDir });

  try {
    core = await createCore({
      dbPath: databasePath(dataDir),
      clock: systemClock,
      platform: electronPlatform(logger),
      logger,
      version: app.getVersion(),
      // `npm start` builds better-sqlite3 for Electron's ABI beside the Node build the tests
      // use; packaged apps get theirs rebuilt by electron-builder and ignore this.
      sqliteBinding: app.isPackaged ? undefined : process.env.SERVICELOOP_SQLITE_BINDING || undefined,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const details = (error as { details?: unknown }).details;
    logger.error('could not open the database', { message, details, stack: error instanceof Error ? error.stack : undefined });
    dialog.showErrorBox(
      'ServiceLoop could not open its database',
      `${message}\n\nData folder: ${dataDir}\nLog: ${logFile}\n\nDetails are in the log. Contact your IT administrator if this persists.`,
    );
    app.exit(1);
    return;
  }

  hardenSession();
  core.startJobs();
  // node-cron skips the minutes the machine slept through: check at once on waking.
  powerMonitor.on('resume', () => void core?.catchUp().catch((error: unknown) => logger.error('catch-up check failed', { error: String(error) })));
  ipc = installIpc(core, logger);
  showWindow();
  void startUpdates(dataDir, logger).catch((error: unknown) => logger.error('updater failed to start', { error: String(error) }));
}

if (!app.requestSingleInstanceLock()) {
  // Another ServiceLoop already runs on this data folder; it gets focused instead.
  app.quit();
} else {
  app.setAppUserModelId(APP_ID); // Windows toast notifications need it
  app.on('second-instance', () => {
    if (core) showWindow();
  });
  // Every web contents (including any the page might try to create) gets the same rules.
  app.on('web-contents-created', (_event, contents: WebContents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('will-quit', () => {
    ipc?.dispose();
    ipc = null;
    core?.close();
    core = null;
  });
  process.on('SIGINT', () => app.quit());
  process.on('SIGTERM', () => app.quit());

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('ServiceLoop could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
