import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort } from './compiled-server';

const run = promisify(execFile);
const VERSION = '15';
/** Clusters of these tests are named jxt_<pid of the test process>_<random>: stale ones can be told apart. */
const NAME = /^jxt_(\d+)_[0-9a-f]+$/;

/** A PostgreSQL 15 cluster of the machine's postgresql-common tools, owned by one test and dropped after it. */
export class PgCluster {
  private constructor(
    readonly name: string,
    readonly port: number,
  ) {}

  /** Why clusters cannot be created here (no tools, not root), or undefined when they can. */
  static unavailable(): string | undefined {
    for (const tool of ['/usr/bin/pg_createcluster', '/usr/bin/pg_ctlcluster', '/usr/bin/pg_dropcluster'])
      if (!existsSync(tool)) return `${tool} is not installed (postgresql-common)`;
    if (!existsSync(`/usr/lib/postgresql/${VERSION}/bin/postgres`))
      return `PostgreSQL ${VERSION} is not installed`;
    if (process.getuid?.() !== 0)
      return 'creating PostgreSQL clusters needs root (pg_createcluster writes /etc/postgresql)';
    return undefined;
  }

  /** initdb a new cluster on a free port (not started at boot), after dropping clusters left by dead test runs. */
  static async create(options: string[] = []): Promise<PgCluster> {
    await PgCluster.dropStale();
    const name = `jxt_${process.pid}_${randomBytes(3).toString('hex')}`;
    const port = await freePort();
    const settings = [
      '-o',
      'max_connections=40',
      '-o',
      'shared_buffers=32MB',
      ...options.flatMap((o) => ['-o', o]),
    ];
    await run('pg_createcluster', [
      '-q',
      '--start-conf=manual',
      '-p',
      String(port),
      ...settings,
      VERSION,
      name,
      '--',
      '--auth=trust',
    ]);
    return new PgCluster(name, port);
  }

  /** A cluster made by `pg_basebackup` from a running primary, configured as its hot standby (not started). */
  static async standbyOf(primary: PgCluster): Promise<PgCluster> {
    const name = `jxt_${process.pid}_${randomBytes(3).toString('hex')}`;
    const port = await freePort();
    await run('pg_createcluster', [
      '-q',
      '--start-conf=manual',
      '-p',
      String(port),
      VERSION,
      name,
      '--',
      '--auth=trust',
    ]);
    const standby = new PgCluster(name, port);
    const dataDir = `/var/lib/postgresql/${VERSION}/${name}`;
    try {
      // Empty the new data directory (keeping it, owned by postgres) and fill it with a copy of the primary.
      await run('find', [dataDir, '-mindepth', '1', '-delete']);
      // -R writes standby.signal and primary_conninfo; -X stream copies the WAL needed to start consistent.
      await run('su', [
        'postgres',
        '-c',
        `pg_basebackup -h 127.0.0.1 -p ${primary.port} -U postgres -D ${dataDir} -R -X stream -c fast -d 'application_name=${name}'`,
      ]);
    } catch (error) {
      await standby.drop();
      throw error;
    }
    return standby;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, this.name, 'start']);
  }

  async stop(): Promise<void> {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, this.name, 'stop', '-m', 'fast']);
  }

  async drop(): Promise<void> {
    await run('pg_dropcluster', ['--stop', VERSION, this.name]).catch(() => undefined);
  }

  private static async dropStale(): Promise<void> {
    const { stdout } = await run('pg_lsclusters', ['-h']);
    for (const line of stdout.split('\n')) {
      const [version, name] = line.trim().split(/\s+/);
      const pid = NAME.exec(name ?? '')?.[1];
      if (version === VERSION && pid && !isAlive(Number(pid)))
        await run('pg_dropcluster', ['--stop', VERSION, name]).catch(() => undefined);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
