import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DATABASE_CONNECTION, DatabaseConnection } from '../../database/data-source.options';
import { SessionCache } from './session-cache';

/** The channel the triggers of migration 1764100010000 announce session changes on. */
export const SESSION_CHANGED_CHANNEL = 'jixiao_session_changed';
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;
/** How long a change's author waits for the announcement to come round, at most. */
const ECHO_TIMEOUT_MS = 2_000;
/** How often the listener proves it still hears announcements (heartbeat()). */
const HEARTBEAT_MS = 10_000;

/**
 * Keeps SessionCache right across processes: a connection of its own to the primary that LISTENs to the session
 * changes every process (and any SQL) commits. The cache is in use only while this connection listens: when it
 * drops, the cache is emptied and disabled (every check asks the database) until a new connection listens again
 * (retried with backoff) — what was missed meanwhile cannot be in the cache, which starts empty.
 * Embedded mode has one process and one connection: no listener, the cache relies on this process's own
 * invalidations.
 */
@Injectable()
export class SessionChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionChangeListener.name);
  private client?: Client;
  private retryTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private retryMs = RETRY_MIN_MS;
  private stopped = false;
  private readonly echoes = new Map<string, () => void>();
  private readonly gone = new WeakSet<Client>();

  constructor(
    private readonly cache: SessionCache,
    private readonly dataSource: DataSource,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.cache.configured) return;
    if (this.connection.embedded) {
      this.cache.setEnabled(true);
      return;
    }
    // Not awaited: the app starts at once and checks sessions in the database until the listener hears.
    void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    this.cache.setEnabled(false);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** True while the cache may be used (for tests and health). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** After this process committed a change of the session (logout, revocation): see announced(). */
  async sessionChanged(sessionId: string): Promise<void> {
    this.cache.invalidateSession(sessionId);
    await this.announced();
  }

  /** After this process committed a change of the user (role, department, status, password): see announced(). */
  async userChanged(userId: string): Promise<void> {
    this.cache.invalidateUser(userId);
    await this.announced();
  }

  /**
   * Called by the author of a session change after its commit, before answering: sends a marker on the channel
   * and waits until it comes back to this process. PostgreSQL delivers notifications to every listener in commit
   * order, so by then the change's own announcement (sent by the triggers at the commit) has reached this process's
   * listener, and was signalled to every other process's listener at that same commit, before this process
   * answers. A client that logs out on one instance and calls another next finds its session ended there. (The
   * announcement goes out whether or not this process listens; without a listener there is nothing to wait for.)
   */
  private async announced(): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (
      !(await this.echo((marker) =>
        client.query(`SELECT pg_notify($1, $2)`, [SESSION_CHANGED_CHANNEL, marker]),
      ))
    )
      this.logger.warn('A session change announcement did not come back within 2 s');
  }

  /**
   * Sent through the app's own pool, a marker must come back to the listener: proves that announcements made by
   * any connection reach it (not, e.g., a pooler in transaction mode that keeps no LISTEN). Checked before the
   * cache is used and every HEARTBEAT_MS after; a miss counts as a lost connection.
   */
  private async heartbeat(client: Client): Promise<void> {
    if (this.client !== client && this.client !== undefined) return;
    const ok = await this.echo((marker) =>
      this.dataSource.query(`SELECT pg_notify($1, $2)`, [SESSION_CHANGED_CHANNEL, marker]),
    );
    if (!ok) this.lost(client, new Error('a heartbeat announcement did not come back'));
  }

  /** True when the marker sent by `send` came back to the listener within ECHO_TIMEOUT_MS. */
  private async echo(send: (marker: string) => Promise<unknown>): Promise<boolean> {
    const marker = `echo:${randomUUID()}`;
    let timer: NodeJS.Timeout | undefined;
    const echoed = new Promise<boolean>((resolve) => {
      this.echoes.set(marker, () => resolve(true));
      timer = setTimeout(() => resolve(false), ECHO_TIMEOUT_MS);
    });
    try {
      await send(marker);
      return await echoed;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
      this.echoes.delete(marker);
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.connection.url,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    let lost = false;
    const onLost = (error?: Error): void => {
      if (lost) return;
      lost = true;
      this.lost(client, error);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => this.onNotification(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANGED_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    const heard = await this.echo((marker) =>
      this.dataSource.query(`SELECT pg_notify($1, $2)`, [SESSION_CHANGED_CHANNEL, marker]),
    );
    if (!heard) onLost(new Error('a first announcement did not come back'));
    if (lost) return;
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = setInterval(() => void this.heartbeat(client), HEARTBEAT_MS);
    this.heartbeatTimer.unref();
    // Starts empty: nothing announced before this LISTEN can be in it.
    this.cache.setEnabled(true);
  }

  private lost(client: Client, error?: Error): void {
    // Once per connection (an error, its end and a missed heartbeat may all report it), never a newer one's.
    if (this.gone.has(client) || (this.client !== undefined && this.client !== client)) return;
    this.gone.add(client);
    this.cache.setEnabled(false);
    clearInterval(this.heartbeatTimer);
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(
      `Session change listener disconnected (${error?.message ?? 'connection ended'}); sessions are checked in the database until it listens again`,
    );
    this.retryTimer = setTimeout(() => void this.listen(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private onNotification(payload: string | undefined): void {
    if (payload?.startsWith('echo:')) this.echoes.get(payload)?.();
    else if (payload?.startsWith('s:')) this.cache.invalidateSession(payload.slice(2));
    else if (payload?.startsWith('u:')) this.cache.invalidateUser(payload.slice(2));
    else this.cache.clear();
  }
}
