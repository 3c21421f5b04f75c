import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../core';
import { testCore } from '../core/testing';
import { startWebHost, type WebHost } from './server';

let core: Core;
let host: WebHost;
let base: string;
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-static-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ServiceLoop</title>');
  ({ core } = await testCore());
  host = await startWebHost({ core, staticDir });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  core.close();
});

function invoke(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, 'x-serviceloop-session': 'tab-12345678', ...headers },
    body: JSON.stringify(body),
  });
}

describe('web host', () => {
  it('refuses to bind anything but loopback', async () => {
    await expect(startWebHost({ core, staticDir, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('prints a loopback URL with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/);
  });

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });

  it('dispatches with the token and a session key', async () => {
    const res = await invoke({ channel: 'system.status', input: {} });
    expect(await res.json()).toMatchObject({ ok: true, data: { setupDone: false } });
  });

  it('rejects a wrong or missing token', async () => {
    expect((await invoke({ channel: 'system.status', input: {} }, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await invoke({ channel: 'system.status', input: {} }, { authorization: '' })).status).toBe(401);
  });

  it('rejects other origins and foreign Host headers (DNS rebinding)', async () => {
    expect((await invoke({ channel: 'system.status', input: {} }, { origin: 'http://evil.example' })).status).toBe(403);
    const rebinding = await new Promise<number>((resolve) => {
      void import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0));
        req.end();
      });
    });
    expect(rebinding).toBe(403);
  });

  it('answers malformed bodies with a VALIDATION result', async () => {
    const res = await fetch(`${base}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, 'x-serviceloop-session': 'tab-12345678' },
      body: '{not json',
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('pushes events over the WebSocket only with the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=wrong`);
    await new Promise<void>((resolve) => refused.on('error', () => resolve()));

    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const message = new Promise<unknown>((resolve) => ws.on('message', (data) => resolve(JSON.parse(String(data)))));
    core.events.emit('tickets.changed', { ids: [7] });
    expect(await message).toEqual({ event: 'tickets.changed', payload: { ids: [7] } });
    ws.close();
  });
});
