import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core';
import { setupDesk, testCore } from '../core/testing';

// The Electron binary never runs on the build machines, so the shell's own rules (who may
// call the bridge, what the updater policy accepts) are tested here against a stand-in
// for the 'electron' module and a real core.

const handlers = new Map<string, (...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  app: { isPackaged: false },
  BrowserWindow: class {},
  session: {},
  ipcMain: {
    handle: (name: string, fn: (...args: unknown[]) => unknown) => void handlers.set(name, fn),
    removeHandler: (name: string) => void handlers.delete(name),
  },
}));

const { installIpc } = await import('./ipc');
const { RENDERER_INDEX, isAppUrl } = await import('./window');
const { readUpdatePolicy } = await import('./updater');

const APP_URL = pathToFileURL(RENDERER_INDEX).href;

class FakeContents extends EventEmitter {
  static next = 1;
  readonly id = FakeContents.next++;
  url = APP_URL;
  destroyed = false;
  sent: unknown[][] = [];
  readonly mainFrame = { parent: null, processId: 4, routingId: this.id, url: '' };
  isDestroyed = () => this.destroyed;
  getURL = () => this.url;
  send = (...args: unknown[]) => void this.sent.push(args);
}

function call(contents: FakeContents, channel: unknown, input: unknown, frame: unknown = { ...contents.mainFrame, url: contents.url }) {
  const handler = handlers.get('serviceloop:invoke');
  if (!handler) throw new Error('no handler');
  return handler({ sender: contents, senderFrame: frame }, channel, input) as Promise<{ ok: boolean; error?: { code: string } }>;
}

describe('ipc bridge', () => {
  beforeEach(() => handlers.clear());

  it('runs contract channels for our own page, per window session', async () => {
    const { core } = await testCore();
    const ipc = installIpc(core, silentLogger);
    const a = new FakeContents();
    ipc.attach(a as never);
    expect(await call(a, 'system.status', {})).toMatchObject({ ok: true });
    expect(await call(a, 'system.setup', { companyName: 'X', locale: 'en-US', demoData: false, admin: { username: 'admin', displayName: 'A', password: 'correct horse battery' } })).toMatchObject({ ok: true });
    expect(await call(a, 'auth.session', {})).toMatchObject({ ok: true, data: { username: 'admin' } });
    ipc.dispose();
    expect(handlers.size).toBe(0);
    core.close();
  });

  it('refuses strangers: unknown windows, sub-frames, gone frames, foreign pages, unknown channels', async () => {
    const { core } = await testCore();
    const ipc = installIpc(core, silentLogger);
    const ours = new FakeContents();
    ipc.attach(ours as never);
    const stranger = new FakeContents();
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };

    expect(await call(stranger, 'system.status', {})).toMatchObject(forbidden);
    expect(await call(ours, 'system.status', {}, { parent: ours.mainFrame, processId: 4, routingId: 999, url: APP_URL })).toMatchObject(forbidden);
    expect(await call(ours, 'system.status', {}, null)).toMatchObject(forbidden);
    ours.url = 'https://example.com/';
    expect(await call(ours, 'system.status', {})).toMatchObject(forbidden);
    ours.url = APP_URL;
    for (const channel of ['system.nope', '__proto__', 'constructor', 42, null]) {
      expect(await call(ours, channel, {})).toMatchObject(forbidden);
    }
    ipc.dispose();
    core.close();
  });

  it('pushes core events to attached windows and forgets a window session when it is destroyed', async () => {
    const { core } = await testCore();
    await setupDesk(core);
    const ipc = installIpc(core, silentLogger);
    const a = new FakeContents();
    ipc.attach(a as never);
    const drop = vi.spyOn(core, 'dropSession');
    core.events.emit('tickets.changed', { ids: [7] });
    expect(a.sent).toEqual([['serviceloop:event', 'tickets.changed', { ids: [7] }]]);
    a.destroyed = true;
    a.emit('destroyed');
    expect(drop).toHaveBeenCalledWith(String(a.id));
    core.events.emit('tickets.changed', { ids: [8] });
    expect(a.sent).toHaveLength(1);
    ipc.dispose();
    core.close();
  });
});

describe('isAppUrl', () => {
  it('accepts the built index with any hash route and nothing else', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/tickets/12`)).toBe(true);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false); // no dev server configured
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('update policy', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-policy-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => fs.writeFileSync(path.join(dir, 'update-policy.json'), text);

  it('is off without a file, with bad JSON, a non-https url or an odd channel', () => {
    expect(readUpdatePolicy(dir, silentLogger)).toBeNull();
    write('{');
    expect(readUpdatePolicy(dir, silentLogger)).toBeNull();
    write(JSON.stringify({ url: 'http://intranet/updates/', auto: true }));
    expect(readUpdatePolicy(dir, silentLogger)).toBeNull();
    write(JSON.stringify({ url: 'https://u.example/', channel: '../x' }));
    expect(readUpdatePolicy(dir, silentLogger)).toBeNull();
  });

  it('reads url, channel and auto', () => {
    write(JSON.stringify({ url: 'https://updates.corp.example/serviceloop/', channel: 'beta', auto: true }));
    expect(readUpdatePolicy(dir, silentLogger)).toEqual({ url: 'https://updates.corp.example/serviceloop/', channel: 'beta', auto: true });
    write(JSON.stringify({ url: 'https://updates.corp.example/serviceloop/' }));
    expect(readUpdatePolicy(dir, silentLogger)).toEqual({ url: 'https://updates.corp.example/serviceloop/', channel: null, auto: false });
  });
});
