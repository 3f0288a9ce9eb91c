import { INestApplication } from '@nestjs/common';
import { AUDIT_ACTION_LABELS } from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { seedDocument } from '../factories/seed-document.factory';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

interface IndicatorRow {
  id: string;
  name: string;
  target_raw: string;
  target_operator: string | null;
}

/** 部门整体 reported like a project (docs/domain.md §11): reporter, submit / approve / return, locks, audit, tasks. */
describe('department-wide (部门整体) reporting (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let departmentId: string;
  let fiscalYearId: string;
  let overall: IndicatorRow[];
  let admin: string;
  let leader: string;
  let lead: string;
  let leadId: string;
  let otherLead: string;
  let leaderId: string;
  const code = uniqueCode();
  const http = () => request(app.getHttpServer());
  const base = `/api/departments/${code}/years/2025`;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    [{ departmentId, fiscalYearId }] = await ds.query(
      `SELECT d.id AS "departmentId", fy.id AS "fiscalYearId" FROM departments d JOIN fiscal_years fy ON fy.department_id = d.id
        WHERE d.code = $1 AND fy.year = 2025`,
      [code],
    );
    overall = await ds.query(
      `SELECT i.id, i.name, i.target_raw, i.target_operator FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE g.fiscal_year_id = $1 AND g.project_id IS NULL AND g.term = 'annual' ORDER BY g.seq, i.seq`,
      [fiscalYearId],
    );
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    const signedLeader = await signIn(app, ds, 'leader', departmentId);
    ({ bearer: leader } = signedLeader);
    leaderId = signedLeader.user.id;
    const signedLead = await signIn(app, ds, 'lead', departmentId);
    ({ bearer: lead } = signedLead);
    leadId = signedLead.user.id;
    ({ bearer: otherLead } = await signIn(app, ds, 'lead', departmentId));
  });

  afterAll(async () => {
    await app.close();
  });

  /** The target itself as the actual (a 定性 target: 达成). */
  const actualFor = (indicator: IndicatorRow) =>
    indicator.target_operator ? indicator.target_raw.replace(/^[≥≤><=＞＜]+/, '') : '达成';
  const report = (bearer: string, period: string, indicator: IndicatorRow, version = 0) =>
    http()
      .put(`/api/indicators/${indicator.id}/reports/${period}`)
      .set('Authorization', bearer)
      .send({ actual: actualFor(indicator), version });
  const action = (bearer: string, period: string, name: string, body: object = {}) =>
    http().post(`${base}/periods/${period}/${name}`).set('Authorization', bearer).send(body);
  const fill = async (bearer: string, period: string) => {
    for (const indicator of overall) await report(bearer, period, indicator).expect(200);
  };
  const periodRow = async (period: string) =>
    (
      await ds.query(
        `SELECT id, status, version, return_reason AS "returnReason" FROM report_periods
          WHERE fiscal_year_id = $1 AND project_id IS NULL AND period = $2`,
        [fiscalYearId, period],
      )
    )[0] as { id: string; status: string; version: number; returnReason: string | null } | undefined;
  const auditActions = async (entityId: string): Promise<string[]> =>
    (await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId])).map(
      (row: { action: string }) => row.action,
    );
  const overallTasks = async (bearer: string) =>
    (await http().get('/api/me/tasks').set('Authorization', bearer).expect(200)).body.tasks.filter(
      (task: { projectId: string | null; departmentCode: string }) =>
        task.projectId === null && task.departmentCode === code,
    ) as { kind: string; period: string; projectName: string }[];

  it('has department-wide annual indicators to report', () => {
    expect(overall.length).toBeGreaterThan(1);
  });

  it('should refuse a submit with missing rows and write nothing', async () => {
    await report(admin, '2025-03', overall[0]).expect(200);
    const before = await periodRow('2025-03');
    const refused = await action(admin, '2025-03', 'submit', { acknowledgeWarnings: true }).expect(400);
    expect(refused.body.errors.reports).toContain(overall[1].name);
    expect(refused.body.errors.budgetExecution).toBeUndefined();
    expect(await periodRow('2025-03')).toEqual(before);
    expect(before?.status).toBe('draft');
    expect(await auditActions(before!.id)).toEqual([]);
  });

  it('should list the month as overdue until it is submitted, then drop it from the tasks and the dashboard', async () => {
    const overdueOnDashboard = async () =>
      (
        await http().get(`${base}/dashboard?asOf=2025-06`).set('Authorization', leader).expect(200)
      ).body.overdue.filter((row: { projectId: string | null }) => row.projectId === null);
    expect((await overallTasks(admin)).filter((task) => task.period === '2025-04')).toEqual([
      expect.objectContaining({ kind: 'report-overdue', projectName: '部门整体' }),
    ]);
    expect((await overdueOnDashboard()).map((row: { period: string }) => row.period)).toContain('2025-04');

    await fill(admin, '2025-04');
    const submitted = await action(admin, '2025-04', 'submit', { acknowledgeWarnings: true }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', projectId: null, period: '2025-04' });

    expect((await overallTasks(admin)).map((task) => task.period)).not.toContain('2025-04');
    expect((await overdueOnDashboard()).map((row: { period: string }) => row.period)).not.toContain(
      '2025-04',
    );
    // Still overdue: the months nobody submitted.
    expect((await overallTasks(admin)).map((task) => task.period)).toContain('2025-05');
    // The leader's 审核 list has it.
    const review = (await http().get('/api/me/tasks').set('Authorization', leader).expect(200)).body.tasks;
    expect(review).toContainEqual(
      expect.objectContaining({
        kind: 'review',
        projectId: null,
        projectName: '部门整体',
        period: '2025-04',
      }),
    );
  });

  it('should lock a submitted month against entry, let the leader return it with a reason and approve it', async () => {
    const period = '2025-04';
    const entry = await report(admin, period, overall[0], 1);
    expect({ status: entry.status, code: entry.body.code }).toEqual({ status: 423, code: 'LOCKED' });
    await action(lead, period, 'approve').expect(403);
    await action(admin, period, 'approve').expect(403);
    const noReason = await action(leader, period, 'return', { reason: ' ' }).expect(400);
    expect(noReason.body.errors.reason).toBeDefined();

    const returned = await action(leader, period, 'return', { reason: '请补充佐证' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请补充佐证' });
    const day = await http().get(`${base}?asOf=2025-06`).set('Authorization', admin).expect(200);
    expect(day.body.reportPeriods.find((p: { period: string }) => p.period === period)).toMatchObject({
      status: 'returned',
      returnReason: '请补充佐证',
    });
    expect((await overallTasks(admin)).find((task) => task.period === period)).toMatchObject({
      kind: 'report-returned',
    });

    await report(admin, period, overall[0], 1).expect(200);
    await action(admin, period, 'submit', {
      acknowledgeWarnings: true,
      version: returned.body.version,
    }).expect(200);
    const approved = await action(leader, period, 'approve').expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', reviewedBy: leaderId });

    const row = await periodRow(period);
    expect(await auditActions(row!.id)).toEqual([
      'period.submit',
      'period.return',
      'period.submit',
      'period.approve',
    ]);
    for (const action of ['period.submit', 'period.return', 'period.approve'])
      expect(AUDIT_ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fa5]/);
    const audit = await http()
      .get('/api/audit?action=period.return&pageSize=100')
      .set('Authorization', admin)
      .expect(200);
    const entryOfReturn = audit.body.items.find((item: { entityId: string }) => item.entityId === row!.id);
    expect(entryOfReturn).toMatchObject({ actionLabel: '退回月度填报' });
    expect(entryOfReturn.summary).toContain('退回月度填报');
    expect(entryOfReturn.summary).toContain(period);
    expect(entryOfReturn.summary).toContain('请补充佐证');
  });

  it('should refuse entry and submit in a month the admin locked', async () => {
    const period = '2025-07';
    await fill(admin, period);
    await http()
      .put(`${base}/locks/${period}`)
      .set('Authorization', admin)
      .send({ reason: '年中盘点' })
      .expect(200);
    const entry = await report(admin, period, overall[0], 1);
    expect({ status: entry.status, code: entry.body.code }).toEqual({ status: 423, code: 'LOCKED' });
    const submit = await action(admin, period, 'submit', { acknowledgeWarnings: true });
    expect({ status: submit.status, code: submit.body.code }).toEqual({ status: 423, code: 'LOCKED' });
    expect((await periodRow(period))?.status).toBe('draft');
  });

  it('should refuse entry and submit to a lead who is not the reporter, and allow them once assigned', async () => {
    const period = '2025-08';
    const refused = await report(lead, period, overall[0]);
    expect(refused.status).toBe(403);
    await action(lead, period, 'submit').expect(403);
    await http().put(`${base}/reporter`).set('Authorization', lead).send({ userId: leadId }).expect(403);

    // Only a lead of the department or an admin can be the reporter.
    const bad = await http()
      .put(`${base}/reporter`)
      .set('Authorization', admin)
      .send({ userId: leaderId })
      .expect(400);
    expect(bad.body.errors.userId).toBeDefined();
    await http().put(`${base}/reporter`).set('Authorization', admin).send({}).expect(400);

    const assigned = await http()
      .put(`${base}/reporter`)
      .set('Authorization', admin)
      .send({ userId: leadId })
      .expect(200);
    expect(assigned.body).toMatchObject({ departmentCode: code, year: 2025, reporter: { id: leadId } });
    const read = await http().get(`${base}/reporter`).set('Authorization', leader).expect(200);
    expect(read.body.reporter.id).toBe(leadId);
    const [audit] = await ds.query(
      `SELECT before, after FROM audit_log WHERE action = 'department.assign-reporter' AND entity_id = $1`,
      [fiscalYearId],
    );
    expect(audit.before.reporter).toBe('绩效管理员');
    expect(audit.after.reporter).toContain('测试用户');
    expect(AUDIT_ACTION_LABELS['department.assign-reporter']).toBe('指定部门整体填报人');

    await fill(lead, period);
    await action(lead, period, 'submit', { acknowledgeWarnings: true }).expect(200);
    expect((await report(otherLead, '2025-09', overall[0])).status).toBe(403);
    // The lead's tasks now hold the department-wide months; the admins' no longer do.
    expect((await overallTasks(lead)).map((task) => task.period)).toContain('2025-09');
    expect(await overallTasks(admin)).toEqual([]);
    // An admin still may report.
    await report(admin, '2025-09', overall[0]).expect(200);

    await http().put(`${base}/reporter`).set('Authorization', admin).send({ userId: null }).expect(200);
    expect((await report(lead, '2025-10', overall[0])).status).toBe(403);
  });
});
