import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import type { Logger } from '../core';

// Updates come only from a server the customer's IT runs, and only when IT says so in
// <userData>/update-policy.json:
//   { "url": "https://updates.example.internal/serviceloop/", "channel": "latest", "auto": true }
// url: an electron-builder "generic" feed (latest.yml / latest-mac.yml + installers), https only.
// channel: optional ("latest" by default). auto: download in the background and install on
// quit; false means check and log only. No policy file, or an invalid one: updates are off.

export interface UpdatePolicy {
  url: string;
  channel: string | null;
  auto: boolean;
}

export const UPDATE_POLICY_FILE = 'update-policy.json';

/** The policy in `dataDir`, or null with the reason logged. Pure file reading; no Electron. */
export function readUpdatePolicy(dataDir: string, logger: Logger): UpdatePolicy | null {
  const file = path.join(dataDir, UPDATE_POLICY_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      logger.info('updates off: no update policy', { file });
    } else {
      logger.warn('updates off: update policy unreadable', { file, error: String(error) });
    }
    return null;
  }
  const policy = raw as Partial<Record<keyof UpdatePolicy, unknown>> | null;
  let url: URL | null = null;
  try {
    url = typeof policy?.url === 'string' ? new URL(policy.url) : null;
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:') {
    logger.warn('updates off: update policy needs an https "url"', { file });
    return null;
  }
  if (policy?.channel != null && (typeof policy.channel !== 'string' || !/^[a-z0-9-]+$/i.test(policy.channel))) {
    logger.warn('updates off: update policy "channel" must be a plain name', { file });
    return null;
  }
  return { url: url.href, channel: (policy?.channel as string | undefined) ?? null, auto: policy?.auto === true };
}

/** Starts the update check the policy asks for. Returns when the check has been started. */
export async function startUpdates(dataDir: string, logger: Logger): Promise<void> {
  const policy = readUpdatePolicy(dataDir, logger);
  if (!policy) return;
  if (!app.isPackaged) {
    logger.info('updates skipped: not a packaged app', { url: policy.url });
    return;
  }

  // electron-updater is CommonJS with a lazily created `autoUpdater` getter, which ESM named
  // imports cannot see; take it from the default export. Loaded only when a policy exists.
  const { default: updater } = await import('electron-updater');
  const autoUpdater = updater.autoUpdater;
  autoUpdater.logger = {
    info: (m?: unknown) => logger.info('updater', { detail: String(m) }),
    warn: (m?: unknown) => logger.warn('updater', { detail: String(m) }),
    error: (m?: unknown) => logger.error('updater', { detail: String(m) }),
  };
  autoUpdater.setFeedURL({ provider: 'generic', url: policy.url, channel: policy.channel });
  if (policy.channel) autoUpdater.channel = policy.channel;
  // Setting a channel allows downgrades; never go back: an older app refuses a newer database.
  autoUpdater.allowDowngrade = false;
  autoUpdater.autoDownload = policy.auto;
  autoUpdater.autoInstallOnAppQuit = policy.auto;

  autoUpdater.on('update-available', (info) => logger.info('update available', { version: info.version, auto: policy.auto }));
  autoUpdater.on('update-not-available', (info) => logger.info('no update', { version: info.version }));
  autoUpdater.on('update-downloaded', (info) => logger.info('update downloaded; installs on quit', { version: info.version }));
  autoUpdater.on('error', (error) => logger.error('update failed', { error: String(error) }));

  logger.info('checking for updates', { url: policy.url, channel: policy.channel ?? 'latest', auto: policy.auto });
  autoUpdater.checkForUpdates().catch((error: unknown) => logger.error('update check failed', { error: String(error) }));
}
