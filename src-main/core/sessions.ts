import type { SessionUser } from '../../src-shared/contract';

// Who is signed in where: one session per window or web client (its session key). Kept in
// memory (a restart signs everyone out). Account changes reach live sessions at once:
// disabling an account or resetting its password ends them, a new role or name refreshes
// them. A session locks after the desk's idle time without a call, or when the window asks
// (its own idle timer); a locked session answers only auth channels until unlocked.

interface Session {
  user: SessionUser;
  lastSeenAt: number;
  locked: boolean;
}

export class Sessions {
  private readonly byKey = new Map<string, Session>();

  /** @param idleLockMs the desk's idle time before a session locks (settings.idleLockMinutes). */
  constructor(public idleLockMs: number) {}

  /** The session's user as of now (locking it first when it sat idle too long). */
  get(key: string, now: number): SessionUser | null {
    const s = this.byKey.get(key);
    if (!s) return null;
    if (now - s.lastSeenAt > this.idleLockMs) s.locked = true;
    s.lastSeenAt = now;
    return { ...s.user, locked: s.locked };
  }

  start(key: string, user: SessionUser, now: number): void {
    this.byKey.set(key, { user: { ...user, locked: false }, lastSeenAt: now, locked: false });
  }

  end(key: string): void {
    this.byKey.delete(key);
  }

  lock(key: string): void {
    const s = this.byKey.get(key);
    if (s) s.locked = true;
  }

  unlock(key: string): void {
    const s = this.byKey.get(key);
    if (s) s.locked = false;
  }

  /** Ends every session of an account, except `keep` (the session that changed its password). */
  endForUser(userId: number, keep?: string): void {
    for (const [key, s] of this.byKey) if (s.user.id === userId && key !== keep) this.byKey.delete(key);
  }

  /** Gives every session of this account its new name, role and permissions. */
  refreshUser(user: SessionUser): void {
    for (const s of this.byKey.values()) if (s.user.id === user.id) s.user = { ...user, locked: false };
  }

  /** Accounts with at least one session (desktop notifications go to them). */
  userIds(): Set<number> {
    return new Set([...this.byKey.values()].map((s) => s.user.id));
  }

  clear(): void {
    this.byKey.clear();
  }
}
