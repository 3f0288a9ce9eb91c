import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { insertDepartmentYear, insertProject } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

describe('GET /me/tasks', () => {
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
  });

  afterAll(async () => {
    await app.close();
  });

  it('should give a lead every unsubmitted month of a past year as overdue, returned months as returned, and the leader the submitted ones', async () => {
    // 2024 is over: every month's due date has passed.
    const dept = await insertDepartmentYear(ds, { year: 2024 });
    const projectId = await insertProject(ds, dept.fiscalYearId, { seq: 1, name: '就业服务' });
    const lead = await signIn(app, ds, 'lead', dept.departmentId);
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      projectId,
      lead.user.id,
    ]);
    await ds.query(
      `INSERT INTO report_periods (fiscal_year_id, project_id, period, status, return_reason) VALUES
         ($1, $2, '2024-03', 'returned', '请补充佐证材料'), ($1, $2, '2024-04', 'submitted', NULL), ($1, $2, '2024-05', 'approved', NULL)`,
      [dept.fiscalYearId, projectId],
    );

    const res = await request(app.getHttpServer())
      .get('/api/me/tasks')
      .set('Authorization', lead.bearer)
      .expect(200);
    expect(res.body.counts).toEqual({
      'report-due': 0,
      'report-overdue': 9,
      'report-returned': 1,
      review: 0,
    });
    expect(res.body.tasks.find((t: { period: string }) => t.period === '2024-03')).toMatchObject({
      kind: 'report-returned',
      projectName: '就业服务',
      returnReason: '请补充佐证材料',
      dueDate: '2024-04-10',
    });
    expect(res.body.tasks.map((t: { period: string }) => t.period)).not.toContain('2024-04');

    const leader = await signIn(app, ds, 'leader', dept.departmentId);
    const review = await request(app.getHttpServer())
      .get('/api/me/tasks')
      .set('Authorization', leader.bearer)
      .expect(200);
    expect(review.body.tasks).toEqual([
      expect.objectContaining({ kind: 'review', period: '2024-04', projectId }),
    ]);
  });

  it('should list a leader’s returned or approved months with ?status=, pending by default, and refuse another status', async () => {
    const dept = await insertDepartmentYear(ds, { year: 2024 });
    const projectId = await insertProject(ds, dept.fiscalYearId, { seq: 1, name: '就业服务' });
    await ds.query(
      `INSERT INTO report_periods (fiscal_year_id, project_id, period, status, return_reason, reviewed_at) VALUES
         ($1, $2, '2024-03', 'returned', '缺少佐证材料', '2024-04-12'), ($1, $2, '2024-04', 'submitted', NULL, NULL),
         ($1, $2, '2024-05', 'approved', NULL, '2024-06-12'), ($1, $2, '2024-06', 'approved', NULL, '2024-07-12')`,
      [dept.fiscalYearId, projectId],
    );
    const leader = await signIn(app, ds, 'leader', dept.departmentId);
    const list = async (query: string) =>
      (
        await request(app.getHttpServer())
          .get(`/api/me/tasks${query}`)
          .set('Authorization', leader.bearer)
          .expect(200)
      ).body;

    const periods = (body: { tasks: { period: string }[] }) => body.tasks.map((t) => t.period);
    expect(periods(await list(''))).toEqual(['2024-04']);
    expect(periods(await list('?status=pending'))).toEqual(['2024-04']);
    const returned = await list('?status=returned');
    expect(returned.tasks).toEqual([
      expect.objectContaining({
        kind: 'review',
        period: '2024-03',
        status: 'returned',
        returnReason: '缺少佐证材料',
      }),
    ]);
    expect(returned.counts.review).toBe(1);
    // Latest decision first.
    expect(periods(await list('?status=approved'))).toEqual(['2024-06', '2024-05']);

    const wrong = await request(app.getHttpServer())
      .get('/api/me/tasks?status=draft')
      .set('Authorization', leader.bearer)
      .expect(400);
    expect(wrong.body.errors).toEqual({ status: expect.stringContaining('pending') });
  });
});
