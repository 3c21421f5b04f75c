import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, consoleLogger, systemClock, type Core, type Platform } from '../core';
import { databasePath, userDataDir } from './paths';
import { startWebHost } from './server';

// `npm run web` (and `npm start` where Electron is unavailable): the app on the embedded
// database in the user-data folder, served to a browser on this machine only.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = path.join(root, 'out', 'renderer');

async function main() {
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error('The renderer is not built yet: run `npm run web` (it builds first).');
    process.exit(1);
  }
  const dataDir = userDataDir();
  fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  const logger = consoleLogger(fs.createWriteStream(path.join(dataDir, 'logs', 'web-host.log'), { flags: 'a' }));
  // After a restore: the old core closes and a new one opens the restored file, same host and port.
  let relaunch: () => void = () => {};
  const platform: Platform = {
    kind: 'web',
    relaunch: () => relaunch(),
    // A browser tab has no desktop notifications from here; the in-app centre shows them.
    notify: (title, body) => logger.info('notification', { title, body }),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

  const open = () => createCore({ dbPath: databasePath(dataDir), clock: systemClock, platform, logger, version });
  let core: Core;
  try {
    core = await open();
  } catch (error) {
    console.error(`ServiceLoop could not open its database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  core.startJobs();
  const host = await startWebHost({ core, staticDir });
  console.log(`ServiceLoop is running. Data: ${dataDir}`);
  console.log(`Open ${host.url}`);
  relaunch = () => {
    const restarted = (async () => {
      core.close();
      const next = await open();
      next.startJobs();
      return next;
    })();
    void host.replaceCore(restarted).then(
      () => restarted.then((next) => (core = next)),
      (error: unknown) => {
        logger.error('the app could not restart on its database', { error: error instanceof Error ? error.stack : String(error) });
        console.error(`ServiceLoop could not restart on its database: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };

  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
