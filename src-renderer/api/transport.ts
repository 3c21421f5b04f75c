import type { AppErrorShape, Result } from '../../src-shared/errors';

/** How the renderer reaches the core: the Electron preload bridge or the web host. */
export interface Transport {
  readonly kind: 'electron' | 'web';
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to a push event; returns the unsubscribe function. */
  on(event: string, cb: (payload: unknown) => void): () => void;
}

export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    serviceloop?: PreloadBridge;
  }
}

function failure(code: AppErrorShape['code'], message: string): Result<unknown> {
  return { ok: false, error: { code, message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'data' in value;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

export function electronTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'electron',
    async invoke(channel, input) {
      try {
        const result = await bridge.invoke(channel, input);
        return isResult(result) ? result : failure('INTERNAL', 'Malformed reply from the bridge');
      } catch (error) {
        return failure('INTERNAL', error instanceof Error ? error.message : String(error));
      }
    },
    on: (event, cb) => bridge.on(event, cb),
  };
}

const TOKEN_KEY = 'serviceloop.token';
const SESSION_KEY = 'serviceloop.session';

/** Reads ?token= once, keeps it for this tab and takes it out of the visible URL. */
function takeToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const search = params.toString();
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function sessionKey(): string {
  let key = sessionStorage.getItem(SESSION_KEY);
  if (!key) {
    key = crypto.randomUUID();
    sessionStorage.setItem(SESSION_KEY, key);
  }
  return key;
}

export function webTransport(): Transport {
  const token = takeToken();
  const session = sessionKey();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let retryMs = 500;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  function connect(): void {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${window.location.host}/api/events?token=${encodeURIComponent(token)}`);
    socket = ws;
    ws.onopen = () => {
      retryMs = 500;
    };
    ws.onmessage = (message) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || !('event' in parsed)) return;
      const { event, payload } = parsed as { event: unknown; payload: unknown };
      if (typeof event !== 'string') return;
      for (const cb of listeners.get(event) ?? []) cb(payload);
    };
    ws.onclose = () => {
      socket = null;
      if (totalListeners() === 0) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (totalListeners() > 0 && socket === null) connect();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, 15_000);
    };
  }

  function totalListeners(): number {
    let n = 0;
    for (const set of listeners.values()) n += set.size;
    return n;
  }

  return {
    kind: 'web',
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch('/api/invoke', {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'X-ServiceLoop-Session': session,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ channel, input }),
        });
      } catch (error) {
        return failure('INTERNAL', `Web host unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        // not JSON: handled below
      }
      if (isResult(body)) return body;
      if (response.status === 401 || response.status === 403) return failure('UNAUTHENTICATED', `HTTP ${response.status}`);
      if (response.status === 429) return failure('RATE_LIMITED', `HTTP ${response.status}`);
      return failure('INTERNAL', `HTTP ${response.status}`);
    },
    on(event, cb) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(cb);
      if (socket === null && retryTimer === null) connect();
      return () => {
        set.delete(cb);
        if (totalListeners() === 0) {
          if (retryTimer !== null) clearTimeout(retryTimer);
          retryTimer = null;
          socket?.close();
          socket = null;
        }
      };
    },
  };
}

/** The preload bridge when running inside Electron, the web host otherwise. */
export function createTransport(): Transport {
  return window.serviceloop ? electronTransport(window.serviceloop) : webTransport();
}
