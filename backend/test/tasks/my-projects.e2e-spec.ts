import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { insertDepartmentYear, insertProject, uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { assignedLead, loadSeedYear, SeededYear } from '../self-evaluation/scripted-year';

type Month = {
  period: string;
  status: string | null;
  overdue: boolean;
  started: boolean;
  returnReason: string | null;
  reportedCount: number;
  redCount: number;
};

/** Issue #19, a lead's home: every month of the lead's projects, not only what is due. */
describe('GET /me/projects', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  const http = () => request(app.getHttpServer());
  const home = async (bearer: string, query = '') =>
    (await http().get(`/api/me/projects${query}`).set('Authorization', bearer).expect(200)).body;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    // 2025 is over when this runs: every month has begun and every due date has passed.
    seeded = await loadSeedYear(app, ds, uniqueCode());
    lead = await assignedLead(app, ds, seeded.departmentId, seeded.projectId);
    await ds.query(
      `INSERT INTO report_periods (fiscal_year_id, project_id, period, status, return_reason) VALUES
         ($1, $2, '2025-03', 'approved', NULL), ($1, $2, '2025-04', 'returned', '请补充佐证材料'),
         ($1, $2, '2025-05', 'submitted', NULL)`,
      [seeded.fiscalYearId, seeded.projectId],
    );
    await ds.query(
      `INSERT INTO progress_reports (indicator_id, period, actual_raw, light) VALUES
         ($1, '2025-05', '5套', 'red'), ($2, '2025-05', '99.9%', 'green'), ($1, '2025-03', '3套', 'green')`,
      [seeded.indicators['维护设备及系统数量'], seeded.indicators['机房正常运行时长占比']],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it('should give each month of the lead’s project with its status, return reason and counts, this month first', async () => {
    const body = await home(lead);
    expect(body).toMatchObject({ year: 2025, years: [2025], currentPeriod: '2025-05' });
    expect(body.projects).toHaveLength(1);
    const [project] = body.projects;
    expect(project).toMatchObject({
      projectId: seeded.projectId,
      projectName: '信息化建设',
      department: { code: seeded.code },
      indicatorCount: 7,
    });
    expect(project.current).toMatchObject({
      period: '2025-05',
      status: 'submitted',
      overdue: false,
      reportedCount: 2,
      redCount: 1,
    });
    const months = project.months as Month[];
    expect(months.map((month) => month.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    expect(months[2]).toMatchObject({ status: 'approved', overdue: false, reportedCount: 1, redCount: 0 });
    expect(months[3]).toMatchObject({ status: 'returned', returnReason: '请补充佐证材料', overdue: true });
    expect(months[0]).toMatchObject({ status: null, overdue: true, started: true, reportedCount: 0 });
    // Every month but the approved and the submitted one is late.
    expect(project.overdueCount).toBe(10);
  });

  it('should show nothing of the project to a lead it is not assigned to, nor to another department’s lead', async () => {
    const colleague = (await signIn(app, ds, 'lead', seeded.departmentId)).bearer;
    expect(await home(colleague)).toMatchObject({ year: null, years: [], projects: [] });

    const other = await insertDepartmentYear(ds, { year: 2025 });
    const theirs = await insertProject(ds, other.fiscalYearId, { seq: 1, name: '他部门项目' });
    const stranger = await assignedLead(app, ds, other.departmentId, theirs);
    const body = await home(stranger);
    expect(body.projects.map((p: { projectId: string }) => p.projectId)).toEqual([theirs]);
  });

  it('should answer another year empty, a leader with no projects, and 400 naming year for a bad one', async () => {
    expect(await home(lead, '?year=2024')).toMatchObject({ year: 2024, years: [2025], projects: [] });
    const leader = (await signIn(app, ds, 'leader', seeded.departmentId)).bearer;
    expect((await home(leader)).projects).toEqual([]);
    const wrong = await http().get('/api/me/projects?year=abc').set('Authorization', lead).expect(400);
    expect(wrong.body.errors).toEqual({ year: expect.stringContaining('year') });
  });

  it('should give whoever reports 部门整体 its months: every admin by default, the designated lead once assigned', async () => {
    type Entry = { overall: boolean; department: { code: string }; indicatorCount: number; months: Month[] };
    const overallOf = (body: { projects: Entry[] }) =>
      body.projects.filter((p) => p.overall && p.department.code === seeded.code);
    await ds.query(
      `INSERT INTO report_periods (fiscal_year_id, project_id, period, status) VALUES ($1, NULL, '2025-02', 'approved')`,
      [seeded.fiscalYearId],
    );
    const admin = await signIn(app, ds, 'admin');
    const [entry] = overallOf(await home(admin.bearer, '?year=2025'));
    expect(entry).toMatchObject({
      projectId: null,
      overall: true,
      projectCode: null,
      department: { code: seeded.code },
    });
    expect(entry.indicatorCount).toBeGreaterThan(0);
    const months = entry.months;
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({ period: '2025-02', status: 'approved', overdue: false });
    expect(months[0]).toMatchObject({ status: null, overdue: true });
    // The lead's own home has only the project until the department-wide goals are theirs to report.
    expect(overallOf(await home(lead))).toEqual([]);

    const [{ id: leadId }] = await ds.query(
      `SELECT a.user_id AS id FROM project_assignments a WHERE a.project_id = $1`,
      [seeded.projectId],
    );
    await http()
      .put(`/api/departments/${seeded.code}/years/2025/reporter`)
      .set('Authorization', admin.bearer)
      .send({ userId: leadId })
      .expect(200);
    const mine = await home(lead);
    expect(mine.projects.map((p: { projectId: string | null }) => p.projectId)).toEqual([
      seeded.projectId,
      null,
    ]);
    expect(overallOf(mine)[0]).toMatchObject({ projectName: expect.any(String), months: expect.any(Array) });
    // Designated: the admins no longer report this department-year.
    expect(overallOf(await home(admin.bearer, '?year=2025'))).toEqual([]);
  });

  it('should open at the year being monitored, not at a next year created ahead of time (结转)', async () => {
    const admin = await signIn(app, ds, 'admin');
    await http()
      .post(`/api/departments/${seeded.code}/years/2025/carry-forward`)
      .set('Authorization', admin.bearer)
      .expect(201);
    const body = await home(lead);
    expect(body).toMatchObject({ year: 2025, years: [2026, 2025] });
    expect((await home(lead, '?year=2026')).year).toBe(2026);
  });
});
