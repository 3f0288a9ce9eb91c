import type { Actor } from '../../common/context/request-context';

/** How long a checked session is trusted without asking the database again, at most (SESSION_CACHE_SECONDS). */
export const SESSION_CACHE_MAX_AGE_MS = 30_000;
/** Open sessions remembered at most; the least recently used one is forgotten first. */
export const SESSION_CACHE_MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  /** Date.now() after which the entry is not used: the max age, or earlier when the session expires or idles. */
  until: number;
}

/** A session check in progress: the fill is dropped when anything was invalidated since it began. */
export interface PendingCheck {
  readonly epoch: number;
}

/**
 * The session check's answers, per session id, in this process: the guard asks the database only on a miss.
 * Correctness rests on invalidation, never on the max age alone:
 * - this process invalidates at once, after the commit, whatever it changes (logout, deactivation, role or
 *   department change, password reset or change, a stolen refresh token);
 * - other processes' changes (and any change made in SQL) reach it through PostgreSQL NOTIFY, sent by triggers on
 *   `users` and `refresh_tokens` at commit, received by SessionChangeListener, which disables the cache while it
 *   is not listening (the check then asks the database each time, as without a cache);
 * - a check that began before an invalidation does not fill the cache with what it read (`epoch`): its read may
 *   predate the change.
 * In embedded mode (one process, one connection) there is no listener: local invalidation suffices.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;
  private enabled = false;

  constructor(
    private readonly maxAgeMs = SESSION_CACHE_MAX_AGE_MS,
    private readonly maxEntries = SESSION_CACHE_MAX_ENTRIES,
  ) {}

  /** The cached actor of an open session, if the cache is in use and the entry is fresh. */
  get(sessionId: string, userId: string): Actor | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.actor.id !== userId || Date.now() >= entry.until) {
      this.entries.delete(sessionId);
      return undefined;
    }
    // Most recently used last: eviction takes the first.
    this.entries.delete(sessionId);
    this.entries.set(sessionId, entry);
    return entry.actor;
  }

  begin(): PendingCheck {
    return { epoch: this.epoch };
  }

  /** Remembers an open session's actor for at most the max age and never past `secondsLeft` (expiry, idle). */
  fill(check: PendingCheck, actor: Actor, secondsLeft: number): void {
    if (!this.enabled || check.epoch !== this.epoch || this.maxAgeMs <= 0) return;
    const ms = Math.min(this.maxAgeMs, Math.floor(secondsLeft * 1000));
    if (!(ms > 0)) return;
    this.entries.delete(actor.sessionId);
    // Frozen: the same object serves many requests, none may change it.
    this.entries.set(actor.sessionId, { actor: Object.freeze({ ...actor }), until: Date.now() + ms });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  invalidateSession(sessionId: string): void {
    this.epoch++;
    this.entries.delete(sessionId);
  }

  invalidateUser(userId: string): void {
    this.epoch++;
    for (const [sessionId, entry] of this.entries)
      if (entry.actor.id === userId) this.entries.delete(sessionId);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  /** Starts (or stops) using the cache; either way it starts empty. */
  setEnabled(enabled: boolean): void {
    this.clear();
    this.enabled = enabled && this.configured;
  }

  /** False when configured off (SESSION_CACHE_SECONDS=0): never enabled then. */
  get configured(): boolean {
    return this.maxAgeMs > 0;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  get size(): number {
    return this.entries.size;
  }
}
