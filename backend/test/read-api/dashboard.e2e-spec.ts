import { INestApplication } from '@nestjs/common';
import { flagRank, type Light } from '@jixiao/domain';
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

  const cityRow = (body: { departments: { department: { code: string } }[] }, code: string) =>
    body.departments.find((d) => d.department.code === code) as unknown as {
      counts: Record<string, number>;
      budget: Record<string, unknown>;
      overdue: number;
      projectedMiss: number;
    };

  it('should roll the city view up over the departments, each row what its own dashboard says', async () => {
    const { body } = await get(admin, '/api/dashboard?year=2025&asOf=2025-06').expect(200);
    const codes = body.departments.map((d: { department: { code: string } }) => d.department.code);
    expect(codes).toEqual(expect.arrayContaining([dept.code, other.code]));
    expect(codes).toEqual([...codes].sort());
    const sum = (pick: (d: Record<string, never>) => number) =>
      body.departments.reduce((total: number, d: Record<string, never>) => total + pick(d), 0);
    for (const light of [...LIGHTS, 'total'] as const) {
      expect(body.counts[light]).toBe(sum((d) => (d.counts as Record<string, number>)[light]));
    }
    expect(body.overdue).toBe(sum((d) => d.overdue));
    expect(body.projectedMiss).toBe(sum((d) => d.projectedMiss));
    expect(body.budget.budgetYuan).toBeCloseTo(
      sum((d) => (d.budget as { budgetYuan: number }).budgetYuan),
      2,
    );
    // By design, no list of indicators or projects: those are paged (flagged) or on the department's own view.
    expect(Object.keys(body).sort()).toEqual(
      [
        'asOf',
        'budget',
        'counts',
        'departments',
        'overdue',
        'projectedMiss',
        'today',
        'trend',
        'year',
      ].sort(),
    );
    for (const code of [dept.code, other.code]) {
      const own = (await get(admin, `/api/departments/${code}/years/2025/dashboard?asOf=2025-06`).expect(200))
        .body;
      const row = cityRow(body, code);
      expect(row.counts).toEqual(own.counts);
      // The figures and the light; the reason and explanation stay on the department's own dashboard.
      const { budgetYuan, executedYuan, rate, light } = own.budget.total;
      expect(row.budget).toEqual({ budgetYuan, executedYuan, rate, light });
      expect(row.overdue).toBe(own.overdue.length);
      expect(row.projectedMiss).toBe(own.projectedMiss);
    }
    expect(cityRow(body, dept.code).overdue).toBeGreaterThan(0);
  });

  it('should limit the city view of a leader to their own department', async () => {
    const { bearer } = await signIn(app, ds, 'leader', dept.departmentId);
    const { body } = await get(bearer, '/api/dashboard?asOf=2025-06').expect(200);
    expect(body.departments.map((d: { department: { code: string } }) => d.department.code)).toEqual([
      dept.code,
    ]);
    const own = (await dashboard()).body;
    expect(body.counts).toEqual(own.counts);
    expect(body.budget).toEqual(own.budget.total);
    expect(body.overdue).toBe(own.overdue.length);
    expect(body.trend).toEqual(own.trend);
  });

  describe('GET /api/dashboard/flagged', () => {
    const flagged = (query: string, bearer = admin) =>
      get(bearer, `/api/dashboard/flagged?year=2025&asOf=2025-06&${query}`);
    const ids = (items: { indicatorId: string }[]) => items.map((i) => i.indicatorId);
    /** Every page of a query, put together (pages of 100, the most one may ask for). */
    const all = async (query: string, bearer = admin) => {
      const first = (await flagged(`${query}&pageSize=100`, bearer).expect(200)).body;
      const items = [...first.items];
      for (let page = 2; page <= Math.ceil(first.total / 100); page++)
        items.push(...(await flagged(`${query}&pageSize=100&page=${page}`, bearer).expect(200)).body.items);
      expect(items).toHaveLength(first.total);
      return { items, total: first.total as number };
    };

    it('should list a department’s flagged indicators as its dashboard does, in the same order', async () => {
      const own = (await dashboard()).body;
      const { body } = await flagged(`department=${dept.code}&pageSize=100`).expect(200);
      expect(body).toMatchObject({ total: own.flagged.length, page: 1, pageSize: 100 });
      expect((await all(`department=${dept.code}`)).items).toEqual(own.flagged);
    });

    it('should page the list: pages put together are the whole list, the total on every page', async () => {
      const whole = await all(`department=${dept.code}`);
      expect(whole.total).toBeGreaterThan(100);
      const pages: { indicatorId: string }[] = [];
      for (let page = 1; page <= Math.ceil(whole.total / 30); page++) {
        const { body } = await flagged(`department=${dept.code}&pageSize=30&page=${page}`).expect(200);
        expect(body).toMatchObject({ total: whole.total, page, pageSize: 30 });
        expect(body.items.length).toBe(Math.min(30, whole.total - (page - 1) * 30));
        pages.push(...body.items);
      }
      expect(ids(pages)).toEqual(ids(whole.items));
      const past = (await flagged(`department=${dept.code}&pageSize=3&page=999`).expect(200)).body;
      expect(past).toEqual({ items: [], total: whole.total, page: 999, pageSize: 3 });
      const first = (await flagged(`department=${dept.code}`).expect(200)).body;
      expect(first.pageSize).toBe(20);
      expect(ids(first.items)).toEqual(ids(whole.items).slice(0, 20));
    });

    it('should filter by light (one or several), project and 一级指标, with totals of the filtered list', async () => {
      const own = (await dashboard()).body;
      const red = (await flagged(`department=${dept.code}&light=red&pageSize=100`).expect(200)).body;
      expect(red.total).toBe(own.counts.red);
      expect(red.items.every((i: { light: string }) => i.light === 'red')).toBe(true);
      const two = await all(`department=${dept.code}&light=red&light=grey`);
      expect(two.total).toBe(own.counts.red + own.counts.grey);
      expect(ids(two.items)).toEqual(
        ids(own.flagged.filter((f: { light: string }) => f.light === 'red' || f.light === 'grey')),
      );
      const ofA = await all(`project=${projectA().id}`);
      expect(ids(ofA.items)).toEqual(
        ids(own.flagged.filter((f: { projectId: string }) => f.projectId === projectA().id)),
      );
      expect(ofA.total).toBeGreaterThan(0);
      const level1 = own.flagged[0].level1 as string;
      const byLevel = await all(`department=${dept.code}&level1=${encodeURIComponent(level1)}`);
      expect(ids(byLevel.items)).toEqual(
        ids(own.flagged.filter((f: { level1: string }) => f.level1 === level1)),
      );
      expect(byLevel.total).toBeLessThan(own.flagged.length);
    });

    it('should sort the city worst first by default, or by department, or by project', async () => {
      const rank = (items: { light: Light }[]) => items.map((i) => flagRank(i.light));
      const worst = (await flagged('pageSize=100').expect(200)).body;
      expect(rank(worst.items)).toEqual([...rank(worst.items)].sort((a, b) => a - b));
      const byDepartment = (await flagged('sort=department&pageSize=100').expect(200)).body;
      const codes = byDepartment.items.map((i: { department: { code: string } }) => i.department.code);
      expect(codes).toEqual([...codes].sort());
      expect(byDepartment.total).toBe(worst.total);
      const byProject = await all(`sort=project&department=${dept.code}`);
      const projects = byProject.items.map((i: { projectId: string | null }) => i.projectId ?? '');
      // Each project's rows together, the department-wide goals first, projects in document order.
      const runs = projects.filter((id: string, i: number) => i === 0 || projects[i - 1] !== id);
      expect(runs).toEqual([...new Set(projects)]);
      expect(projects[0]).toBe('');
      const seq = dept.projects.map((p) => p.id);
      const order = runs.filter((id: string) => id !== '').map((id: string) => seq.indexOf(id));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    it('should show a leader only their own department, and refuse another one', async () => {
      const { bearer } = await signIn(app, ds, 'leader', other.departmentId);
      const { body } = await flagged('pageSize=100', bearer).expect(200);
      expect(body.total).toBeGreaterThan(0);
      expect(new Set(body.items.map((i: { department: { code: string } }) => i.department.code))).toEqual(
        new Set([other.code]),
      );
      await flagged(`department=${dept.code}`, bearer).expect(403);
    });

    it('should answer 404 for a department without a budget that year', async () => {
      const res = await flagged('department=NOPE999').expect(404);
      expect(res.body.message).toBe('部门 NOPE999 的 2025 年度预算不存在');
    });

    it.each([
      ['page=0', 'page', '页码不能小于 1'],
      ['page=x', 'page', '页码必须是整数'],
      ['pageSize=101', 'pageSize', '每页条数不能超过 100'],
      ['pageSize=0', 'pageSize', '每页条数不能小于 1'],
      ['light=green', 'light', '预警灯只能是'],
      ['light=red&light=blue', 'light', '预警灯只能是'],
      ['sort=name', 'sort', '排序只能是'],
      ['project=abc', 'project', '项目 id 格式不正确'],
      ['department=%25', 'department', '部门编码'],
      [`level1=${'很'.repeat(51)}`, 'level1', '一级指标名称过长'],
      ['year=20x5', 'year', '预算年度必须是整数'],
      ['year=2025&asOf=2026-01', 'asOf', '2025 年内'],
      ['month=6', 'month', '不允许'],
    ])('should answer 400 for %s naming %s', async (query, field, message) => {
      const res = await get(admin, `/api/dashboard/flagged?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(Object.keys(res.body.errors)).toEqual([field]);
      expect(res.body.errors[field]).toContain(message);
    });
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
