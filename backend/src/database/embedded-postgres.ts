import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readTemplate } from './pgdata-template';

/**
 * PostgreSQL inside the process (PGlite, PostgreSQL 18 compiled to WASM) served on a loopback port, so the
 * same `pg` driver, TypeORM code and SQL serve embedded and server mode.
 *
 * The socket server multiplexes connections onto one PGlite instance and interleaves their
 * extended-protocol messages; a client pool larger than one connection returns wrong rows or hangs.
 * Callers must therefore use exactly ONE connection (see EMBEDDED_POOL_SIZE).
 */
export const EMBEDDED_POOL_SIZE = 1;

export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lockFile?: string,
  ) {}

  /**
   * `dataDir` undefined → in memory (tests); otherwise the database lives in `<dataDir>/pgdata` and is
   * reopened on the next start. Two processes on one directory would corrupt it, hence the lock file.
   * A new directory starts from the build's migrated dump when there is one (pgdata-template.ts).
   */
  static async start(
    dataDir?: string,
    template: () => Blob | undefined = readTemplate,
  ): Promise<EmbeddedPostgres> {
    let location: string | undefined;
    let lockFile: string | undefined;
    if (dataDir) {
      const root = resolve(dataDir);
      mkdirSync(root, { recursive: true });
      lockFile = join(root, 'jixiao.lock');
      acquireLock(lockFile);
      location = join(root, 'pgdata');
    }
    let db: PGlite;
    try {
      const loadDataDir = location && !existsSync(join(location, 'PG_VERSION')) ? template() : undefined;
      db = await PGlite.create(location, loadDataDir ? { loadDataDir } : undefined);
    } catch (error) {
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
    // Two slots: the app's single connection plus a reconnect while the old socket is still closing.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
    await server.start();
    return new EmbeddedPostgres(
      db,
      server,
      `postgres://postgres@${server.getServerConn()}/postgres`,
      lockFile,
    );
  }

  /** Stops accepting connections, then closes PGlite so its files are flushed. */
  async stop(): Promise<void> {
    await this.server.stop();
    if (!this.db.closed) await this.db.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

function acquireLock(lockFile: string): void {
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(lockFile, 'utf8'));
  } catch {
    holder = undefined;
  }
  if (holder && isAlive(holder)) {
    throw new Error(`The embedded database directory is already in use by process ${holder} (${lockFile}).`);
  }
  // No holder, or a stale lock left by a process that died (kill -9): take it over.
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
