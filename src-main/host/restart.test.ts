import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../core';
import { ADMIN, call, setupDesk, testCore } from '../core/testing';
import { startWebHost, type WebHost } from './server';

// The web host's restart (after a restore): a new core behind the same address and token;
// calls made meanwhile wait for it, the browsers' event sockets are closed so that they
// reconnect to it, and the sessions (the old core's) are gone.

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-static-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ServiceLoop</title>');
const open: { host?: WebHost; cores: Core[] } = { cores: [] };

afterEach(async () => {
  await open.host?.close();
  for (const core of open.cores.splice(0)) core.close();
});

describe('web host restart', () => {
  it('serves the new core at the same address; calls made during the restart wait for it', async () => {
    const { core: first } = await testCore();
    const { core: second } = await testCore();
    open.cores.push(first, second);
    await setupDesk(first);
    await call(first, 'settings.update', { companyName: '旧核心' }, 'admin');
    await setupDesk(second);
    await call(second, 'settings.update', { companyName: '新核心' }, 'admin');
    const host = await startWebHost({ core: first, staticDir });
    open.host = host;
    const base = `http://127.0.0.1:${host.port}`;
    const invoke = async (channel: string, input: unknown = {}) =>
      (await (
        await fetch(`${base}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, 'x-serviceloop-session': 'tab-12345678' },
          body: JSON.stringify({ channel, input }),
        })
      ).json()) as { ok: boolean; data?: { companyName?: string | null; username?: string } | null; error?: { code: string } };

    expect((await invoke('system.status')).data?.companyName).toBe('旧核心');
    await invoke('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await invoke('auth.session')).data?.username).toBe(ADMIN.username);
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`, { headers: { origin: base } });
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

    let ready: (core: Core) => void = () => {};
    const restarting = host.replaceCore(new Promise<Core>((resolve) => (ready = resolve)));
    const during = invoke('system.status');
    expect(await closed).toBe(1012);
    ready(second);
    await restarting;
    expect((await during).data?.companyName).toBe('新核心');
    // The browser tab's session was the old core's: it signs in again.
    expect((await invoke('auth.session')).data).toBeNull();
  });
});
