import { INestApplication } from '@nestjs/common';
import type { Light } from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DashboardService } from '../../src/modules/dashboard/dashboard.service';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import {
  IndicatorFixture,
  LIGHTS,
  LoadedDepartment,
  actualAt,
  annualIndicators,
  insertExecution,
  insertPeriod,
  insertReport,
  isPaced,
  loadDepartment,
  tally,
} from './read-fixtures';

const FACTORS = [0.3, 0.7, 1, 1.5];
const JUDGEMENTS = ['未达成', '部分达成', '达成'];

/**
 * Reports spread over the lights: paced indicators in turn at 30 %, 70 %, 100 % and 150 % of their pace,
 * the others judged in turn 未达成, 部分达成, 达成.
 */
function spread(): (indicator: IndicatorFixture, month: number) => string {
  let paced = 0;
  let judged = 0;
  return (indicator, month) =>
    isPaced(indicator.target)
      ? actualAt(indicator.target, month, FACTORS[paced++ % FACTORS.length])
      : JUDGEMENTS[judged++ % JUDGEMENTS.length];
}

/** A report right on pace (or 达成). */
const onPace = (indicator: IndicatorFixture, month: number): string =>
  isPaced(indicator.target) ? actualAt(indicator.target, month, 1) : '达成';

const FLAG_ORDER: Light[] = ['red', 'yellow', 'grey'];

describe(DashboardService.name, () => {
  let app: INestApplication;
  let ds: DataSource;
  let dept: LoadedDepartment;
  let other: LoadedDepartment;
  let indicators: IndicatorFixture[];
  let admin: string;
  const june: Light[] = [];
  const may: Light[] = [];
  const http = () => request(app.getHttpServer());
  const get = (bearer: string, url: string) => http().get(url).set('Authorization', bearer);
  const projectA = () =>
    dept.projects.find((p) =>
      indicators.some((i) => i.projectId === p.id),
    ) as LoadedDepartment['projects'][number];
  const projectB = () =>
    dept.projects.find(
      (p) => p.id !== projectA().id && indicators.some((i) => i.projectId === p.id),
    ) as LoadedDepartment['projects'][number];
  const projectC = () =>
    dept.projects.find(
      (p) => p.id !== projectA().id && p.id !== projectB().id,
    ) as LoadedDepartment['projects'][number];

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    dept = await loadDepartment(app, ds, uniqueCode());
    other = await loadDepartment(app, ds, uniqueCode());
    indicators = await annualIndicators(ds, dept.fiscalYearId);
    const next = spread();
    for (const indicator of indicators.filter((i) => i.projectId === projectA().id)) {
      june.push((await insertReport(ds, indicator, '2025-06', next(indicator, 6))).light);
      may.push((await insertReport(ds, indicator, '2025-05', onPace(indicator, 5))).light);
    }
    const [firstOfB] = indicators.filter((i) => i.projectId === projectB().id);
    june.push((await insertReport(ds, firstOfB, '2025-06', next(firstOfB, 6))).light);
    for (const indicator of indicators.filter((i) => i.projectId === null).slice(0, 2)) {
      june.push((await insertReport(ds, indicator, '2025-06', next(indicator, 6))).light);
    }
    await insertPeriod(ds, dept.fiscalYearId, projectA().id, '2025-06', 'submitted');
    await insertPeriod(ds, dept.fiscalYearId, projectA().id, '2025-05', 'draft');
    await insertPeriod(ds, dept.fiscalYearId, projectA().id, '2025-04', 'returned');
    await insertPeriod(ds, dept.fiscalYearId, projectA().id, '2025-03', 'approved');
    await insertPeriod(ds, dept.fiscalYearId, projectB().id, '2025-06', 'approved');
    await insertExecution(ds, projectA().id, '2025-06', projectA().budgetYuan * 0.3);
    await insertExecution(ds, projectB().id, '2025-05', projectB().budgetYuan * 0.45);
    await insertExecution(ds, projectC().id, '2025-06', projectC().budgetYuan * 0.1);
    // The second department: a few reports of its own, so the city view has two departments with data.
    const otherIndicators = await annualIndicators(ds, other.fiscalYearId);
    const nextOther = spread();
    for (const indicator of otherIndicators.slice(0, 5))
      await insertReport(ds, indicator, '2025-06', nextOther(indicator, 6));
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  const dashboard = (asOf = '2025-06', bearer = admin) =>
    get(bearer, `/api/departments/${dept.code}/years/2025/dashboard?asOf=${asOf}`).expect(200);

  it('should count every annual indicator by its light as of the month, as an independent tally does', async () => {
    const res = await dashboard();
    expect([...new Set(june)]).toEqual(expect.arrayContaining(['red', 'yellow', 'green']));
    expect(res.body.counts).toEqual(tally(june, indicators.length));
    expect(res.body).toMatchObject({ department: { code: dept.code }, year: 2025, asOf: '2025-06' });
  });

  it('should list flagged indicators red, then yellow, then grey, each colour by progress ascending', async () => {
    const { body } = await dashboard();
    const counts = body.counts;
    expect(body.flagged).toHaveLength(counts.red + counts.yellow + counts.grey);
    const ranks = body.flagged.map((f: { light: Light }) => FLAG_ORDER.indexOf(f.light));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const light of FLAG_ORDER) {
      const progress = body.flagged
        .filter((f: { light: Light }) => f.light === light)
        .map((f: { progress: number | null }) => f.progress);
      const numbers = progress.filter((p: number | null) => p !== null);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      // Rows without a progress ratio come after those with one.
      expect(progress.slice(0, numbers.length)).toEqual(numbers);
    }
    // The worst paced indicator (30 % of its pace) leads the list.
    expect(body.flagged[0]).toMatchObject({ light: 'red', progress: 30, projectId: projectA().id });
    expect(body.flagged.find((f: { light: Light }) => f.light === 'grey')).toMatchObject({
      actualRaw: null,
      lightReason: '本期未填报（已逾期）',
    });
  });

  it('should give the value expected by now: value × m/12 for counts, the value itself for levels', async () => {
    const { body } = await dashboard();
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const seen = new Set<string>();
    for (const flagged of body.flagged as { indicatorId: string; expectedByNow: number | null }[]) {
      const target = (byId.get(flagged.indicatorId) as IndicatorFixture).target;
      if (!isPaced(target)) continue;
      seen.add(target.accumulation);
      const expected =
        target.accumulation === 'cumulative' ? ((target.value as number) * 6) / 12 : target.value;
      expect(flagged.expectedByNow).toBeCloseTo(expected as number, 9);
    }
    expect([...seen].sort()).toEqual(['cumulative', 'level']);
    const qualitative = body.flagged.find(
      (f: { indicatorId: string }) => byId.get(f.indicatorId)?.target.operator === 'qualitative',
    );
    expect(qualitative.expectedByNow).toBeNull();
  });

  it('should list as overdue every project-month past its due date that is missing, a draft or returned', async () => {
    const { body } = await dashboard();
    const units = dept.projects.length + 1; // every project and the department-wide goals
    expect(body.overdue).toHaveLength(units * 6 - 3); // A 2025-06 submitted, A 2025-03 and B 2025-06 approved
    const ofA = (period: string) =>
      body.overdue.find(
        (o: { projectId: string; period: string }) => o.projectId === projectA().id && o.period === period,
      );
    expect(ofA('2025-06')).toBeUndefined();
    expect(ofA('2025-03')).toBeUndefined();
    expect(ofA('2025-05')).toMatchObject({ status: 'draft', dueDate: '2025-06-10' });
    expect(ofA('2025-04')).toMatchObject({ status: 'returned', dueDate: '2025-05-10' });
    const expectedDays = Math.round((Date.parse(body.today) - Date.parse('2025-07-10')) / 86_400_000);
    expect(ofA('2025-01')).toBeDefined();
    expect(
      body.overdue.find(
        (o: { projectId: string | null; period: string }) => o.projectId === null && o.period === '2025-06',
      ),
    ).toMatchObject({
      projectName: '部门整体',
      status: 'missing',
      daysOverdue: expectedDays,
    });
  });

  it('should compare budget execution with the time pace m/12 and light it with libs/domain budgetLight', async () => {
    const { body } = await dashboard();
    const row = (id: string) => body.budget.projects.find((p: { projectId: string }) => p.projectId === id);
    expect(row(projectA().id)).toMatchObject({
      rate: 30,
      pace: 50,
      light: 'yellow',
      executedPeriod: '2025-06',
    });
    expect(row(projectA().id).executedYuan).toBeCloseTo(projectA().budgetYuan * 0.3, 2);
    expect(row(projectB().id)).toMatchObject({
      rate: 45,
      pace: 50,
      light: 'green',
      executedPeriod: '2025-05',
    });
    expect(row(projectC().id)).toMatchObject({ rate: 10, light: 'red' });
    expect(row(dept.projects[dept.projects.length - 1].id)).toMatchObject({
      executedYuan: null,
      rate: null,
      light: 'grey',
    });
    const budgetTotal = dept.projects.reduce((sum, p) => sum + p.budgetYuan, 0);
    const executedTotal =
      projectA().budgetYuan * 0.3 + projectB().budgetYuan * 0.45 + projectC().budgetYuan * 0.1;
    expect(body.budget.total.budgetYuan).toBeCloseTo(budgetTotal, 2);
    expect(body.budget.total.executedYuan).toBeCloseTo(executedTotal, 2);
    expect(body.budget.total.rate).toBeCloseTo((executedTotal * 100) / budgetTotal, 2);
  });

  it('should give the monthly trend from January to the month, months without reports all grey', async () => {
    const { body } = await dashboard();
    expect(body.trend.map((t: { period: string }) => t.period)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(body.trend[0]).toEqual({ period: '2025-01', ...tally([], indicators.length) });
    expect(body.trend[4]).toEqual({ period: '2025-05', ...tally(may, indicators.length) });
    expect(body.trend[5]).toEqual({ period: '2025-06', ...body.counts });
  });

  it('should open at the latest month with reports when no month is asked for, and say which it is', async () => {
    const { body } = await get(admin, `/api/departments/${dept.code}/years/2025/dashboard`).expect(200);
    expect(body).toMatchObject({ asOf: '2025-06', latestReportedPeriod: '2025-06' });
    expect(body.counts).toEqual(tally(june, indicators.length));
    const { body: asOfMay } = await dashboard('2025-05');
    expect(asOfMay).toMatchObject({ asOf: '2025-05', latestReportedPeriod: '2025-06' });
    // The city opens at the city's latest month with reports: other test files share the database and may
    // report later months, so it is June (this department's latest) or a later month that has reports.
    const { body: city } = await get(admin, `/api/dashboard?year=2025`).expect(200);
    expect(city.asOf >= '2025-06').toBe(true);
    const [reported] = await ds.query(`SELECT count(*)::int AS n FROM progress_reports WHERE period = $1`, [
      city.asOf,
    ]);
    expect(reported.n).toBeGreaterThan(0);
  });

  it('should open a department without reports at December of a past year, with no latest month', async () => {
    const empty = await loadDepartment(app, ds, uniqueCode());
    const { body } = await get(admin, `/api/departments/${empty.code}/years/2025/dashboard`).expect(200);
    expect(body).toMatchObject({ asOf: '2025-12', latestReportedPeriod: null });
    expect(body.counts.grey).toBe(body.counts.total);
  });

  it('should look back in time: as of May, June reports do not count', async () => {
    const { body } = await dashboard('2025-05');
    expect(body.counts).toEqual(tally(may, indicators.length));
    expect(body.trend).toHaveLength(5);
  });

  it('should roll the city view up over the departments, each also shown on its own', async () => {
    const { body } = await get(admin, '/api/dashboard?year=2025&asOf=2025-06').expect(200);
    const codes = body.departments.map((d: { department: { code: string } }) => d.department.code);
    expect(codes).toEqual(expect.arrayContaining([dept.code, other.code]));
    for (const light of [...LIGHTS, 'total'] as const) {
      expect(body.counts[light]).toBe(
        body.departments.reduce(
          (sum: number, d: { counts: Record<string, number> }) => sum + d.counts[light],
          0,
        ),
      );
    }
    expect(body.overdue).toHaveLength(
      body.departments.reduce((sum: number, d: { overdue: number }) => sum + d.overdue, 0),
    );
    const own = (await dashboard()).body;
    const mine = body.departments.find(
      (d: { department: { code: string } }) => d.department.code === dept.code,
    );
    expect(mine.counts).toEqual(own.counts);
    expect(mine.budget).toEqual(own.budget.total);
    expect(
      body.flagged.filter((f: { department: { code: string } }) => f.department.code === dept.code),
    ).toHaveLength(own.flagged.length);
  });

  it('should limit the city view of a leader to their own department', async () => {
    const { bearer } = await signIn(app, ds, 'leader', dept.departmentId);
    const { body } = await get(bearer, '/api/dashboard?asOf=2025-06').expect(200);
    expect(body.departments.map((d: { department: { code: string } }) => d.department.code)).toEqual([
      dept.code,
    ]);
    expect(body.counts).toEqual((await dashboard()).body.counts);
  });

  it.each([
    ['lead', 403],
    ['leader', 403],
  ] as const)('should refuse a %s of another department with %d', async (role, status) => {
    const { bearer } = await signIn(app, ds, role, other.departmentId);
    const res = await get(bearer, `/api/departments/${dept.code}/years/2025/dashboard?asOf=2025-06`).expect(
      status,
    );
    expect(res.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: '无权查看其他部门的数据' });
  });

  it.each(['auditor', 'lead'] as const)(
    'should let a %s of the right scope read the dashboard',
    async (role) => {
      const { bearer } = await signIn(app, ds, role, role === 'lead' ? dept.departmentId : null);
      const res = await dashboard('2025-06', bearer);
      expect(res.body.counts.total).toBe(indicators.length);
    },
  );

  it('should refuse a caller without a session', async () => {
    await http().get(`/api/departments/${dept.code}/years/2025/dashboard`).expect(401);
    await http().get('/api/dashboard').expect(401);
  });

  it.each([
    ['a month 13', '/years/2025/dashboard?asOf=2025-13', 'asOf', 'YYYY-MM'],
    ['a month outside the fiscal year', '/years/2025/dashboard?asOf=2024-05', 'asOf', '2025 年内'],
    ['a free-text month', '/years/2025/dashboard?asOf=June', 'asOf', 'YYYY-MM'],
    ['an unknown parameter', '/years/2025/dashboard?month=6', 'month', '不允许'],
  ])('should answer 400 naming the field for %s', async (_case, path, field, message) => {
    const res = await get(admin, `/api/departments/${dept.code}${path}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors[field]).toContain(message);
  });

  it.each([
    ['/api/dashboard?year=2025&asOf=2026-01', 'asOf'],
    ['/api/dashboard?year=20x5', 'year'],
    ['/api/dashboard?asOf=2025-00', 'asOf'],
  ])('should answer 400 for the city view at %s naming %s', async (url, field) => {
    const res = await get(admin, url).expect(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });

  it('should answer 404 for a department-year that does not exist', async () => {
    const res = await get(admin, `/api/departments/${dept.code}/years/2030/dashboard`).expect(404);
    expect(res.body.message).toBe(`部门 ${dept.code} 的 2030 年度预算不存在`);
  });
});
