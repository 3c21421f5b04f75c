import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'ServiceLoop';
export const DATABASE_FILE = 'serviceloop.db';

/**
 * Where data lives: SERVICELOOP_DATA_DIR when set (tests, benchmarks, IT), otherwise the
 * same folder Electron's app.getPath('userData') gives for this app on each platform.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SERVICELOOP_DATA_DIR) return path.resolve(env.SERVICELOOP_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}
