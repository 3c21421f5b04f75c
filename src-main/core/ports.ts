// Outside effects reach the core only through these ports. The Electron shell, the web
// host and the tests each supply their own.

export interface Clock {
  /** Epoch milliseconds, UTC. */
  now(): number;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface Platform {
  /** 'electron' or 'web': lets handlers word things for the transport they run under. */
  readonly kind: 'electron' | 'web' | 'test';
  /** A desktop notification (or the web host's equivalent). */
  notify(title: string, body: string): void;
  /** The OS time zone, used as the desk's default at first run. */
  timeZone(): string;
  /**
   * Closes the core and starts the app again on its database (after a restore was staged):
   * Electron relaunches, the web host makes a new core in-process. Without it a staged
   * restore is applied at the next start.
   */
  relaunch?(): void;
}

export const systemClock: Clock = { now: () => Date.now() };

export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    stream.write(`${JSON.stringify({ t: new Date().toISOString(), level, message, ...fields })}\n`);
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
