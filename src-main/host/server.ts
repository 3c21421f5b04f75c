import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import type { Result } from '../../src-shared/errors';
import type { Core } from '../core';

// The web host: the same core behind loopback HTTP (invoke) and a WebSocket (events), so
// the whole app runs in a plain browser where Electron cannot. It is not a network server:
// it binds loopback only, every call carries a per-launch token, and requests from any
// other origin or Host are refused (DNS-rebinding and cross-site defence).

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const LOOPBACK = new Set(['127.0.0.1', '::1']);
// Attachments (10 MB) travel base64-encoded in the body.
const MAX_BODY = 16 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface WebHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  staticDir: string;
  host?: string;
  /** 0 = a random free port. */
  port?: number;
  /** Fixed only by tests; otherwise random per launch. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  /**
   * Serves a new core (the app restarting on a restored database): calls wait for it, and
   * the browsers' event sockets are closed so that they reconnect to it. Sessions were the
   * old core's, so users sign in again.
   */
  replaceCore(next: Promise<Core>): Promise<void>;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`The web host binds loopback only (127.0.0.1 or ::1), not ${host}`);
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  let core: Core = options.core;
  let nextCore: Promise<Core> | null = null;
  const currentCore = async (): Promise<Core> => (nextCore ? await nextCore : core);
  let port = 0;

  const hostName = host === '::1' ? '[::1]' : host;
  const allowedHosts = () => new Set([`${hostName}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${hostName}:${port}`, `http://localhost:${port}`]);

  function tokenOk(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  }

  /** Host must be ours; Origin, when the browser sends one, must be ours too. */
  function fromOurPage(req: http.IncomingMessage): boolean {
    if (!req.headers.host || !allowedHosts().has(req.headers.host)) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowedOrigins().has(origin);
  }

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!fromOurPage(req)) return send(res, 403, 'text/plain', 'Forbidden');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Method not allowed');
      void invoke(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    serveStatic(url.pathname, res);
  });

  async function invoke(req: http.IncomingMessage, res: http.ServerResponse) {
    const auth = req.headers.authorization;
    const sessionKey = req.headers['x-serviceloop-session'];
    if (!tokenOk(auth?.startsWith('Bearer ') ? auth.slice(7) : null)) return send(res, 401, 'text/plain', 'Bad token');
    if (typeof sessionKey !== 'string' || !/^[A-Za-z0-9-]{8,100}$/.test(sessionKey)) {
      return send(res, 400, 'text/plain', 'Missing session');
    }
    if (!req.headers['content-type']?.startsWith('application/json')) return send(res, 415, 'text/plain', 'JSON only');
    let body: { channel?: unknown; input?: unknown };
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      return sendJson(res, { ok: false, error: { code: 'VALIDATION', message: 'Body is not JSON' } });
    }
    const channel = typeof body.channel === 'string' ? body.channel : '';
    let target: Core;
    try {
      target = await currentCore();
    } catch {
      return sendJson(res, { ok: false, error: { code: 'INTERNAL', message: 'The app could not restart' } });
    }
    sendJson(res, await target.dispatch(channel, body.input, `web:${sessionKey}`));
  }

  function serveStatic(pathname: string, res: http.ServerResponse) {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticDir, relative);
    if (file !== staticDir && !file.startsWith(staticDir + path.sep)) return send(res, 403, 'text/plain', 'Forbidden');
    fs.readFile(file, (error, data) => {
      if (error) return send(res, 404, 'text/plain', 'Not found');
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CSP);
      send(res, 200, type, data);
    });
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/events' || !fromOurPage(req) || !tokenOk(url.searchParams.get('token'))) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (nextCore) return ws.close(1012, 'restarting');
      const unsubscribe = core.events.subscribe((event, payload) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
      });
      ws.on('close', unsubscribe);
      ws.on('error', unsubscribe);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${hostName}:${port}/?token=${token}`,
    port,
    token,
    async replaceCore(next) {
      nextCore = next;
      for (const client of wss.clients) client.close(1012, 'restarting');
      try {
        core = await next;
      } finally {
        nextCore = null;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendJson(res: http.ServerResponse, result: Result<unknown>) {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
