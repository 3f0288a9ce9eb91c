import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { ErrorCode } from '../../src/common/errors/error-code';
import { dataSourceOptions } from '../../src/database/data-source.options';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { PgCluster } from './pg-cluster';

/**
 * The PostgreSQL server stops and starts again under a running app: meanwhile every request gets 503
 * DATABASE_UNAVAILABLE (with Retry-After), and afterwards the same app instance answers again by itself.
 * Runs against a cluster of its own on another port — never the shared server other tests use.
 */
describe('the PostgreSQL server restarting under the app', () => {
  const skip = PgCluster.unavailable();
  let cluster: PgCluster | undefined;
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  const code = uniqueCode();

  beforeAll(async () => {
    if (skip) return;
    cluster = await PgCluster.create(['fsync=off']);
    await cluster.start();
    const connection = { url: cluster.url(), poolSize: 4 };
    const migrator = await new DataSource(dataSourceOptions(connection)).initialize();
    await migrator.runMigrations();
    await migrator.destroy();
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot({ connection, logLevel: 'silent' })],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureApp(app);
    await app.init();
    ds = app.get(DataSource);
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await cluster?.drop();
  });

  const read = () =>
    request(app.getHttpServer())
      .get(`/api/departments/${code}/years/2025/dashboard`)
      .set('Authorization', admin);
  const write = (period: string) =>
    request(app.getHttpServer())
      .put(`/api/departments/${code}/years/2025/locks/${period}`)
      .set('Authorization', admin)
      .send({ reason: '数据库重启测试' });

  it('should answer 503 while the server is down and recover without a restart of the app', async () => {
    if (skip || !cluster) {
      process.stdout.write(`SKIPPED PostgreSQL restart: ${skip}\n`);
      return;
    }
    expect((await read()).status).toBe(200);
    expect((await write('2025-01')).status).toBe(200);

    await cluster.stop();
    for (const res of [await read(), await write('2025-02'), await read()]) {
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        statusCode: 503,
        code: ErrorCode.DatabaseUnavailable,
        message: expect.any(String),
      });
      expect(res.headers['retry-after']).toBe('5');
    }

    await cluster.start();
    const restarted = Date.now();
    let status = 0;
    while (Date.now() - restarted < 30_000 && (status = (await read()).status) !== 200)
      await new Promise((r) => setTimeout(r, 200));
    expect(status).toBe(200);
    expect((await write('2025-02')).status).toBe(200);
    const locks = await request(app.getHttpServer())
      .get(`/api/departments/${code}/years/2025/locks`)
      .set('Authorization', admin)
      .expect(200);
    expect(locks.body.map((l: { period: string }) => l.period)).toEqual(['2025-01', '2025-02']);
    process.stdout.write(
      `PostgreSQL restart: the app answered again ${Date.now() - restarted} ms after the server was up\n`,
    );
  }, 120_000);
});
