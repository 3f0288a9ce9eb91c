import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { readDatabaseConfig } from '../../src/config/database.config';
import { AppDataSource, dataSourceOptions, isReplicaRead } from '../../src/database/data-source.options';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { PgCluster } from './pg-cluster';

/**
 * Read scaling for real: a PostgreSQL 15 primary and a hot standby made from it with pg_basebackup (two clusters of
 * this test's own, on free ports), the app on both through DATABASE_REPLICA_URL. Shown: raw reads outside a
 * transaction are answered by the standby, transactions by the primary; with replay paused on the standby an HTTP
 * write is invisible to HTTP reads until replay resumes; sessions are checked on the primary; reads fall back to the
 * primary while the standby is down.
 */
describe('reads from a streaming replica (DATABASE_REPLICA_URL)', () => {
  const skip = PgCluster.unavailable();
  let primary: PgCluster | undefined;
  let standby: PgCluster | undefined;
  let app: INestApplication;
  let ds: DataSource;
  const code = uniqueCode();

  const sql = async <T>(url: string, text: string): Promise<T[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    if (skip) return;
    primary = await PgCluster.create(['fsync=off']);
    await primary.start();
    standby = await PgCluster.standbyOf(primary);
    await standby.start();
    await until('the standby to accept connections', async () =>
      sql<{ r: boolean }>(standby!.url(), 'SELECT pg_is_in_recovery() AS r').then(
        ([row]) => row.r,
        () => false,
      ),
    );
    const migrator = await new DataSource(
      dataSourceOptions({ url: primary.url(), poolSize: 1 }),
    ).initialize();
    await migrator.runMigrations();
    await migrator.destroy();
    const connection = { url: primary.url(), poolSize: 4, replicaUrl: standby.url() };
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ connection, logLevel: 'silent' })],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureApp(app);
    await app.init();
    ds = app.get(DataSource);
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await standby?.drop();
    await primary?.drop();
  });

  it('should classify statements: reads outside transactions may go to the replica, nothing else', () => {
    expect(isReplicaRead('SELECT 1')).toBe(true);
    expect(isReplicaRead(' WITH a AS (SELECT 1) SELECT * FROM a')).toBe(true);
    expect(isReplicaRead('SELECT updated_at, deleted FROM projects')).toBe(true);
    expect(isReplicaRead('INSERT INTO departments (code) VALUES ($1)')).toBe(false);
    expect(isReplicaRead('WITH d AS (DELETE FROM period_locks RETURNING id) SELECT * FROM d')).toBe(false);
    expect(isReplicaRead('SELECT * FROM report_periods FOR UPDATE')).toBe(false);
    expect(isReplicaRead('SELECT pg_advisory_xact_lock(hashtext($1))')).toBe(false);
    // Sessions are checked on the primary, so logout takes effect at once.
    expect(isReplicaRead('SELECT u.id FROM refresh_tokens s JOIN users u ON u.id = s.user_id')).toBe(false);
    // So are credentials: a login right after a password change or a new account must see it.
    expect(isReplicaRead('SELECT id, password_hash AS "passwordHash" FROM users WHERE username = $1')).toBe(
      false,
    );
  });

  it('should take DATABASE_REPLICA_URL with a server only, and refuse one that is not a postgres:// URL', () => {
    const server = 'postgres://app@db-primary:5432/jixiao';
    const replica = 'postgres://app@db-replica:5432/jixiao';
    expect(readDatabaseConfig({ DATABASE_URL: server, DATABASE_REPLICA_URL: replica }).replicaUrl).toBe(
      replica,
    );
    // Embedded mode has no replica to read from.
    expect(readDatabaseConfig({ DATABASE_REPLICA_URL: replica }).replicaUrl).toBeUndefined();
    expect(() => readDatabaseConfig({ DATABASE_URL: server, DATABASE_REPLICA_URL: 'mysql://x' })).toThrow(
      /DATABASE_REPLICA_URL/,
    );
    expect(dataSourceOptions({ url: server, poolSize: 2, replicaUrl: replica })).toMatchObject({
      replication: { master: { url: server }, slaves: [{ url: replica }] },
    });
    expect(dataSourceOptions({ url: server, poolSize: 2 })).toMatchObject({ url: server });
  });

  it('should answer raw reads from the standby and transactions from the primary', async () => {
    if (skip || !primary || !standby) {
      process.stdout.write(`SKIPPED replica: ${skip}\n`);
      return;
    }
    expect(ds).toBeInstanceOf(AppDataSource);
    const server = `SELECT inet_server_port() AS port, pg_is_in_recovery() AS standby`;
    expect(await ds.query(server)).toEqual([{ port: standby.port, standby: true }]);
    expect(await ds.transaction((m) => m.query(server))).toEqual([{ port: primary.port, standby: false }]);
  });

  it('should serve HTTP reads from the replica and show a write there once it is replayed', async () => {
    if (skip || !primary || !standby) return;
    const http = () => request(app.getHttpServer());
    await until('the seed import on the standby', async () =>
      sql<{ n: number }>(
        standby!.url(),
        `SELECT count(*)::int AS n FROM departments WHERE code = '${code}'`,
      ).then(([row]) => row.n === 1),
    );
    const { bearer } = await signIn(app, ds, 'admin');
    const locks = () => http().get(`/api/departments/${code}/years/2025/locks`).set('Authorization', bearer);
    expect((await locks().expect(200)).body).toEqual([]);

    await sql(standby.url(), 'SELECT pg_wal_replay_pause()');
    try {
      // A fresh login (a write on the primary) works at once: sessions are not read from the paused standby.
      const { bearer: fresh } = await signIn(app, ds, 'admin');
      await http()
        .put(`/api/departments/${code}/years/2025/locks/2025-03`)
        .set('Authorization', fresh)
        .send({ reason: '只读副本测试' })
        .expect(200);
      // The primary has the lock; reads through the app do not see it yet: they come from the standby.
      expect(
        await sql<{ n: number }>(
          primary.url(),
          `SELECT count(*)::int AS n FROM period_locks WHERE period = '2025-03'`,
        ),
      ).toEqual([{ n: 1 }]);
      expect((await locks().expect(200)).body).toEqual([]);
      const dashboard = await http()
        .get(`/api/departments/${code}/years/2025/dashboard`)
        .set('Authorization', fresh)
        .expect(200);
      expect(dashboard.body.counts.total).toBeGreaterThan(0);
    } finally {
      await sql(standby.url(), 'SELECT pg_wal_replay_resume()');
    }
    await until('the lock to be replayed and read through the app', async () =>
      locks().then((res) => res.body.length === 1),
    );
    expect((await locks().expect(200)).body).toEqual([expect.objectContaining({ period: '2025-03' })]);
  });

  it('should fall back to the primary for reads while the standby is down', async () => {
    if (skip || !primary || !standby) return;
    const { bearer } = await signIn(app, ds, 'admin');
    await standby.stop();
    try {
      const res = await request(app.getHttpServer())
        .get(`/api/departments/${code}/years/2025/locks`)
        .set('Authorization', bearer)
        .expect(200);
      expect(res.body).toEqual([expect.objectContaining({ period: '2025-03' })]);
      expect(await ds.query(`SELECT inet_server_port() AS port`)).toEqual([{ port: primary.port }]);
    } finally {
      await standby.start();
    }
  });
});
