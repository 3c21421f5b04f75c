import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, consoleLogger, systemClock, type Platform } from '../core';
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
  const platform: Platform = {
    kind: 'web',
    // A browser tab has no desktop notifications from here; the in-app centre shows them.
    notify: (title, body) => logger.info('notification', { title, body }),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

  let core;
  try {
    core = await createCore({ dbPath: databasePath(dataDir), clock: systemClock, platform, logger, version });
  } catch (error) {
    console.error(`ServiceLoop could not open its database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  core.startJobs();
  const host = await startWebHost({ core, staticDir });
  console.log(`ServiceLoop is running. Data: ${dataDir}`);
  console.log(`Open ${host.url}`);

  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
