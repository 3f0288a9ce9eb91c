import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { serverUrl } from '../setup/test-database';

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 1)]);

/** Concurrency needs a server: embedded PGlite serves one connection at a time. */
const withServer = serverUrl() ? it : it.skip;

describe('period locks (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let projectId: string;
  let annual: { id: string }[];
  let lead: string;
  let leader: string;
  let admin: string;
  const code = uniqueCode();
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    const [{ id: departmentId }] = await ds.query(`SELECT id FROM departments WHERE code = $1`, [code]);
    [{ id: projectId }] = await ds.query(
      `SELECT p.id FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
        WHERE fy.department_id = $1 AND EXISTS (SELECT 1 FROM goals g JOIN indicators i ON i.goal_id = g.id WHERE g.project_id = p.id AND g.term = 'annual')
        ORDER BY p.seq LIMIT 1`,
      [departmentId],
    );
    annual = await ds.query(
      `SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.term = 'annual' ORDER BY g.seq, i.seq`,
      [projectId],
    );
    const signedLead = await signIn(app, ds, 'lead', departmentId);
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      projectId,
      signedLead.user.id,
    ]);
    lead = signedLead.bearer;
    ({ bearer: leader } = await signIn(app, ds, 'leader', departmentId));
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  const lockUrl = (period: string) => `/api/departments/${code}/years/2025/locks/${period}`;
  const lock = (period: string) =>
    http().put(lockUrl(period)).set('Authorization', admin).send({ reason: '年中盘点' }).expect(200);
  const release = (period: string) =>
    http().delete(lockUrl(period)).set('Authorization', admin).send({ reason: '盘点结束' }).expect(200);
  const report = (period: string, body: object, indicatorId = annual[0].id) =>
    http().put(`/api/indicators/${indicatorId}/reports/${period}`).set('Authorization', lead).send(body);
  const execution = (period: string, body: object) =>
    http().put(`/api/projects/${projectId}/budget-execution/${period}`).set('Authorization', lead).send(body);
  const action = (bearer: string, period: string, name: string, body: object = {}) =>
    http()
      .post(`/api/projects/${projectId}/periods/${period}/${name}`)
      .set('Authorization', bearer)
      .send(body);
  const upload = (period: string) =>
    http()
      .post(`/api/indicators/${annual[0].id}/reports/${period}/evidence`)
      .set('Authorization', lead)
      .attach('file', pdf, '佐证.pdf');

  /** Every annual indicator reported and the budget execution entered: the period can be submitted. */
  async function complete(period: string): Promise<void> {
    for (const indicator of annual) await report(period, { actual: '达成' }, indicator.id).expect(200);
    await execution(period, { executed: 1000 }).expect(200);
  }

  const status = async (period: string): Promise<string | undefined> =>
    (
      await ds.query(`SELECT status FROM report_periods WHERE project_id = $1 AND period = $2`, [
        projectId,
        period,
      ])
    )[0]?.status;

  const expectLocked = (res: request.Response, period: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 423, code: 'LOCKED' });
    expect(res.body.message).toContain(`${period} 期间已被绩效管理员锁定`);
  };

  it('should refuse report entry, budget execution, submit and evidence upload on a locked draft period', async () => {
    const period = '2025-02';
    await complete(period);
    await lock(period);
    expectLocked(await report(period, { actual: '未达成', version: 1 }), period);
    expectLocked(await execution(period, { executed: 2000, version: 1 }), period);
    expectLocked(await action(lead, period, 'submit'), period);
    expectLocked(await upload(period), period);
    expect(await status(period)).toBe('draft');
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM evidence_files e JOIN progress_reports r ON r.id = e.progress_report_id WHERE r.period = $1`,
      [period],
    );
    expect(n).toBe(0);

    await release(period);
    await upload(period).expect(201);
    expect((await action(lead, period, 'submit').expect(200)).body.status).toBe('submitted');
  });

  it('should refuse approve and return on a locked submitted period', async () => {
    const period = '2025-03';
    await complete(period);
    await action(lead, period, 'submit').expect(200);
    await lock(period);
    expectLocked(await action(leader, period, 'approve'), period);
    expectLocked(await action(leader, period, 'return', { reason: '请补充' }), period);
    expect(await status(period)).toBe('submitted');
    await release(period);
    expect((await action(leader, period, 'approve').expect(200)).body.status).toBe('approved');
  });

  it("should refuse the admin's unlock of an approved period while the period is locked", async () => {
    const period = '2025-04';
    await complete(period);
    await action(lead, period, 'submit').expect(200);
    await action(leader, period, 'approve').expect(200);
    await lock(period);
    expectLocked(await action(admin, period, 'unlock', { reason: '数据更正' }), period);
    expect(await status(period)).toBe('approved');
    await release(period);
    expect((await action(admin, period, 'unlock', { reason: '数据更正' }).expect(200)).body.status).toBe(
      'draft',
    );
  });

  withServer(
    'should let an evidence upload racing a submit land before the submit or be refused',
    async () => {
      const period = '2025-05';
      await complete(period);
      const blocker = new Client({ connectionString: process.env.JIXIAO_TEST_DATABASE_URL });
      const watcher = new Client({ connectionString: process.env.JIXIAO_TEST_DATABASE_URL });
      await Promise.all([blocker.connect(), watcher.connect()]);
      const waitingOn = async (pattern: string) => {
        for (let i = 0; i < 200; i++) {
          const { rows } = await watcher.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
            [pattern],
          );
          if (rows.length) return true;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return false;
      };
      try {
        // Hold the upload just before it stores the file: it has read the period's status by then.
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE evidence_files IN SHARE MODE');
        const uploading = upload(period).then((res) => res);
        expect(await waitingOn('INSERT INTO evidence_files%')).toBe(true);
        const submitting = action(lead, period, 'submit').then((res) => res);
        // The submit either finishes meanwhile (it did when the upload read the status without the row lock) or
        // waits for the upload's row lock.
        await Promise.race([submitting, waitingOn('%report_periods%FOR UPDATE%')]);
        await blocker.query('COMMIT');
        const [uploaded, submitted] = await Promise.all([uploading, submitting]);
        expect(submitted.status).toBe(200);
        const audit: { action: string }[] = await ds.query(
          `SELECT action FROM audit_log WHERE action IN ('evidence.upload', 'period.submit')
            AND (entity_id = $1 OR after->>'reportId' IN (SELECT id::text FROM progress_reports WHERE period = $2 AND indicator_id = $3))
          ORDER BY id`,
          [submitted.body.id, period, annual[0].id],
        );
        if (uploaded.status === 201)
          expect(audit.map((a) => a.action)).toEqual(['evidence.upload', 'period.submit']);
        else expect(uploaded.status).toBe(423);
      } finally {
        await blocker.end();
        await watcher.end();
      }
    },
  );
});
