import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../src-shared/contract';
import type { DB } from '../db/schema';
import type { DatabaseProblem } from '../db/startupCheck';
import type { CoreEvents } from './events';
import type { Sessions } from './sessions';
import type { Clock, Logger, Platform } from './ports';

/** What every service gets: the database and the ports. Built once by createCore. */
export interface CoreDeps {
  db: Kysely<DB>;
  sqlite: Database.Database;
  clock: Clock;
  platform: Platform;
  logger: Logger;
  events: CoreEvents;
  /** The data folder (attachments live under it). */
  dataDir: string;
  /** Set when the database failed its check at start (system.status tells the renderer). */
  databaseProblem?: DatabaseProblem | null;
  /** Live sessions: account changes end or refresh them. */
  sessions: Sessions;
}

/** Per call: the caller's session and the means to change it (sign in, sign out). */
export interface CallContext {
  /** Identifies the caller's window or web client; sessions are keyed by it. */
  sessionKey: string;
  user: SessionUser | null;
  startSession(user: SessionUser): void;
  endSession(): void;
  lockSession(): void;
  unlockSession(): void;
}

/** The signed-in user; dispatch guarantees one for every channel that is not public. */
export function requireUser(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new Error('requireUser called on a public channel without a session');
  return ctx.user;
}
