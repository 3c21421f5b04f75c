import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session, type Session, type WebContents } from 'electron';

// The app window and the rules every web page in the app lives under: sandboxed, isolated,
// no node, a strict CSP, no navigation away, no new windows, no webviews, no permissions.

const here = import.meta.dirname; // out/main
export const PRELOAD_PATH = path.join(here, '../preload/index.cjs');
export const RENDERER_INDEX = path.join(here, '../renderer/index.html');
const RENDERER_INDEX_URL = pathToFileURL(RENDERER_INDEX).href;

/** electron-vite's dev server (`electron-vite dev`); never honoured in a packaged app. */
export function devServerUrl(): URL | null {
  const raw = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !raw) return null;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback ? url : null;
  } catch {
    return null;
  }
}

/** True when `raw` is our own page: the built index.html, or a page of the dev server. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') {
    // Routes live in the hash (file:// in production), so compare without it.
    url.hash = '';
    url.search = '';
    return url.href === RENDERER_INDEX_URL;
  }
  const dev = devServerUrl();
  return dev !== null && url.origin === dev.origin;
}

const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Mantine writes CSS variables into <style> tags and style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function devCsp(dev: URL): string {
  const ws = `ws://${dev.host}`;
  return [
    "default-src 'none'",
    // Vite's client and the React refresh preamble are inline module scripts.
    `script-src 'self' 'unsafe-inline' ${dev.origin}`,
    `style-src 'self' 'unsafe-inline' ${dev.origin}`,
    `img-src 'self' data: blob: ${dev.origin}`,
    `font-src 'self' data: ${dev.origin}`,
    `connect-src 'self' ${dev.origin} ${ws}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Session-wide rules; call once, before the first window. */
export function hardenSession(ses: Session = session.defaultSession): void {
  const dev = devServerUrl();
  const csp = dev ? devCsp(dev) : PRODUCTION_CSP;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const ours = details.url.startsWith('file:') || (dev !== null && details.url.startsWith(dev.origin));
    if (!ours) return callback({});
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Only files the app itself hands over (attachments, exports: blob: URLs made by our page)
  // may be saved; Electron then asks where. Nothing is ever opened after saving.
  ses.on('will-download', (event, item) => {
    if (!item.getURL().startsWith('blob:')) event.preventDefault();
  });
}

/** Per-contents rules for every web contents the app ever creates. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links never open windows. The UI has no reason to open an outside site; should one be
  // needed later, route it through a contract channel that validates the URL.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'ServiceLoop',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  const dev = devServerUrl();
  if (dev) void window.loadURL(dev.href);
  else void window.loadFile(RENDERER_INDEX);
  return window;
}
