import { INestApplication } from '@nestjs/common';
import { type BudgetDocument, budgetStatus, worstLight } from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProjectsService } from '../../src/modules/projects/projects.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { insertUser, signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import {
  IndicatorFixture,
  LoadedDepartment,
  annualIndicators,
  insertExecution,
  insertPeriod,
  insertReport,
  loadDepartment,
  tally,
} from './read-fixtures';

describe(ProjectsService.name, () => {
  let app: INestApplication;
  let ds: DataSource;
  let dept: LoadedDepartment;
  let doc: BudgetDocument;
  let project: LoadedDepartment['projects'][number];
  let documented: BudgetDocument['projects'][number];
  let indicators: IndicatorFixture[];
  let counted: IndicatorFixture;
  let judged: IndicatorFixture;
  let admin: string;
  let leadId: string;
  const stored: Record<string, { light: string; reason: string; explanation: string }> = {};
  const get = (bearer: string, url: string) =>
    request(app.getHttpServer()).get(url).set('Authorization', bearer);
  const detail = (asOf = '2025-06', bearer = admin) =>
    get(bearer, `/api/projects/${project.id}?asOf=${asOf}`).expect(200);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    const code = uniqueCode();
    doc = seedDocument(code);
    dept = await loadDepartment(app, ds, code);
    indicators = await annualIndicators(ds, dept.fiscalYearId);
    // 表10 order: the first project, 信息化建设, has a full header, funds, procurement and both goal terms.
    project = dept.projects[0];
    documented = doc.projects[0];
    const own = indicators.filter((i) => i.projectId === project.id);
    counted = own.find(
      (i) => i.target.accumulation === 'cumulative' && i.target.direction === 'higher',
    ) as IndicatorFixture;
    judged = own.find((i) => i.target.operator === 'qualitative') as IndicatorFixture;
    stored.march = await insertReport(ds, counted, '2025-03', '3');
    stored.may = await insertReport(ds, counted, '2025-05', '5');
    stored.judged = await insertReport(ds, judged, '2025-06', '部分达成', {
      forecast: '达成',
      likelihood: '有可能',
    });
    await ds.query(
      `UPDATE progress_reports SET reasons = $2, reason_text = $3, corrective_action = $4, evidence = $5 WHERE indicator_id = $1`,
      [judged.id, ['人员保障'], '驻点人员变动', '补充驻点人员', '运维日志'],
    );
    await insertPeriod(ds, dept.fiscalYearId, project.id, '2025-05', 'draft');
    await insertPeriod(ds, dept.fiscalYearId, project.id, '2025-06', 'submitted');
    await insertExecution(ds, project.id, '2025-03', 100_000);
    await insertExecution(ds, project.id, '2025-06', 300_000);
    const lead = await insertUser(ds, { role: 'lead', departmentId: dept.departmentId });
    leadId = lead.id;
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      project.id,
      lead.id,
    ]);
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should show every 表12 header field as published, budgets in 万元', async () => {
    const { body } = await detail();
    const header = [
      'code',
      'name',
      'category',
      'budget',
      'competentDepartment',
      'executingUnit',
      'leadName',
      'phone',
      'address',
      'postcode',
      'attribute',
      'expenditureCategory',
      'startYear',
      'endYear',
      'legalBasis',
      'implementationPlan',
      'totalBudget',
      'currentBudget',
      'priorBudgetChanges',
    ] as const;
    for (const field of header) expect([field, body[field]]).toEqual([field, documented[field]]);
    expect(body).toMatchObject({
      id: project.id,
      department: { code: dept.code, name: doc.department.name },
      year: 2025,
      asOf: '2025-06',
    });
  });

  it('should list funding sources, spending details and procurement in document order, amounts in 万元', async () => {
    const { body } = await detail();
    expect(
      body.fundingSources.map((f: { name: string; amount: number | null }) => [f.name, f.amount]),
    ).toEqual(documented.fundingSources.map((f) => [f.name, f.amount]));
    expect(
      body.spendingDetails.map((s: { activity: string; amount: number | null }) => [s.activity, s.amount]),
    ).toEqual(documented.spendingDetails.map((s) => [s.activity, s.amount]));
    expect(
      body.procurements.map((p: { item: string; quantity: number; amount: number }) => [
        p.item,
        p.quantity,
        p.amount,
      ]),
    ).toEqual(documented.procurements.map((p) => [p.item, p.quantity, p.amount]));
  });

  it('should give each goal its tree 一级 › 二级 › 三级 with the published and the structured target', async () => {
    const { body } = await detail();
    expect(
      body.goals.map((g: { term: string; label: string; title: string }) => [g.term, g.label, g.title]),
    ).toEqual(documented.goals.map((g) => [g.term, g.label, g.title]));
    for (const [index, goal] of body.goals.entries()) {
      const flat = goal.indicators.flatMap(
        (l1: { name: string; children: { name: string; indicators: object[] }[] }) =>
          l1.children.flatMap((l2) =>
            l2.indicators.map((i) => ({
              level1: l1.name,
              level2: l2.name,
              ...(i as { name: string; targetRaw: string; prev1: string | null }),
            })),
          ),
      );
      const published = treeOrder(documented.goals[index].indicators);
      expect(
        flat.map((i: { level1: string; level2: string; name: string; targetRaw: string }) => [
          i.level1,
          i.level2,
          i.name,
          i.targetRaw,
        ]),
      ).toEqual(published.map((i) => [i.level1, i.level2, i.name, i.target]));
      for (const indicator of flat)
        expect(indicator.target).toMatchObject({ raw: indicator.targetRaw, operator: expect.any(String) });
    }
  });

  it('should show the latest report up to the month, and grey when the month itself is not reported', async () => {
    const { body } = await detail();
    const indicator = findIndicator(body, counted.id);
    expect(indicator).toMatchObject({
      monitored: true,
      light: 'grey',
      lightReason: '本期未填报（已逾期）',
      expectedByNow: ((counted.target.value as number) * 6) / 12,
      latestReport: {
        period: '2025-05',
        actualRaw: '5',
        actualValue: 5,
        light: stored.may.light,
        status: 'draft',
        version: 1,
      },
    });
    const missing = (period: string) => ({
      period,
      actualRaw: null,
      actualValue: null,
      light: 'grey',
      explanation: `${period} 无填报 → 灰灯（未填报）`,
    });
    expect(indicator.history).toEqual([
      missing('2025-01'),
      missing('2025-02'),
      {
        period: '2025-03',
        actualRaw: '3',
        actualValue: 3,
        light: stored.march.light,
        explanation: stored.march.explanation,
      },
      missing('2025-04'),
      {
        period: '2025-05',
        actualRaw: '5',
        actualValue: 5,
        light: stored.may.light,
        explanation: stored.may.explanation,
      },
      missing('2025-06'),
    ]);
    const asOfMay = findIndicator((await detail('2025-05')).body, counted.id);
    expect(asOfMay).toMatchObject({
      light: stored.may.light,
      lightReason: stored.may.reason,
    });
    expect(asOfMay.expectedByNow).toBeCloseTo(((counted.target.value as number) * 5) / 12, 9);
    expect(asOfMay.history).toHaveLength(5);
  });

  it('should carry every field of the latest report with the status of its period', async () => {
    const indicator = findIndicator((await detail()).body, judged.id);
    expect(indicator).toMatchObject({
      light: stored.judged.light,
      lightReason: stored.judged.reason,
      expectedByNow: null,
    });
    expect(indicator.latestReport).toEqual({
      period: '2025-06',
      actualRaw: '部分达成',
      actualValue: null,
      forecastRaw: '达成',
      forecastValue: null,
      likelihood: '有可能',
      light: 'yellow',
      lightReason: stored.judged.reason,
      explanation: '达成情况 = 部分达成 → 黄灯',
      status: 'submitted',
      version: 1,
      reasons: ['人员保障'],
      reasonText: '驻点人员变动',
      correctiveAction: '补充驻点人员',
      evidence: '运维日志',
      warnings: [],
      warningsAcknowledged: false,
      updatedAt: expect.any(String),
    });
  });

  it('should leave long-term indicators out of monitoring', async () => {
    const { body } = await detail();
    const longGoal = body.goals.find((g: { term: string }) => g.term === 'long');
    const [first] = longGoal.indicators[0].children[0].indicators;
    expect(first).toMatchObject({
      monitored: false,
      light: null,
      lightReason: '长期目标的指标不参与年度监控',
      expectedByNow: null,
      history: [],
    });
  });

  it('should sum the project light from its annual indicators: the worst light', async () => {
    const { body } = await detail();
    const own = indicators.filter((i) => i.projectId === project.id);
    expect(body.lightSummary).toEqual(tally([stored.judged.light as 'yellow'], own.length));
    expect(body.projectLight).toBe(worstLight(['yellow', 'grey']));
  });

  it('should list budget execution by period against 当年预算 with the pace light of each month', async () => {
    const { body } = await detail();
    const budget = (documented.currentBudget ?? documented.budget) * 10000;
    expect(body.budgetExecution.budgetYuan).toBe(budget);
    expect(body.budgetExecution.periods).toEqual([
      expect.objectContaining({
        period: '2025-03',
        executedYuan: 100_000,
        rate: Math.round((100_000 / budget) * 10000) / 100,
        pace: 25,
        light: budgetStatus({ month: 3, executed: 100_000, budget }).light,
        explanation: budgetStatus({ month: 3, executed: 100_000, budget }).explanation,
        version: 1,
      }),
      expect.objectContaining({
        period: '2025-06',
        executedYuan: 300_000,
        pace: 50,
        light: budgetStatus({ month: 6, executed: 300_000, budget }).light,
      }),
    ]);
  });

  it('should list the report periods from January with status, due date and whether they are late', async () => {
    const { body } = await detail();
    expect(
      body.reportPeriods.map(
        (p: { period: string; status: string | null; dueDate: string; overdue: boolean }) => [
          p.period,
          p.status,
          p.dueDate,
          p.overdue,
        ],
      ),
    ).toEqual([
      ['2025-01', null, '2025-02-10', true],
      ['2025-02', null, '2025-03-10', true],
      ['2025-03', null, '2025-04-10', true],
      ['2025-04', null, '2025-05-10', true],
      ['2025-05', 'draft', '2025-06-10', true],
      ['2025-06', 'submitted', '2025-07-10', false],
    ]);
  });

  it('should name the assigned leads', async () => {
    const { body } = await detail();
    expect(body.leads).toEqual([
      { id: leadId, username: expect.any(String), displayName: expect.stringContaining('测试用户') },
    ]);
  });

  it('should show a project whose header was lost with what the document still has', async () => {
    const index = doc.projects.findIndex((p) => p.name === '人社局就业管理工作经费');
    const { body } = await get(admin, `/api/projects/${dept.projects[index].id}`).expect(200);
    expect(body).toMatchObject({
      name: '人社局就业管理工作经费',
      budget: 466,
      currentBudget: null,
      // Without ?asOf: the latest month with reports in the department-year, though this project has none.
      asOf: '2025-06',
    });
  });

  it.each([
    { who: 'a leader of the department', role: 'leader', ownDepartment: true, status: 200 },
    { who: 'a lead of the department not assigned to it', role: 'lead', ownDepartment: true, status: 200 },
    { who: 'an auditor', role: 'auditor', ownDepartment: false, status: 200 },
    { who: 'a lead of another department', role: 'lead', ownDepartment: false, status: 403 },
    { who: 'a leader of another department', role: 'leader', ownDepartment: false, status: 403 },
  ] as const)('should answer $who with $status', async ({ role, ownDepartment, status }) => {
    const otherDepartment = (
      await ds.query(`INSERT INTO departments (code, name) VALUES ($1, '其他部门') RETURNING id`, [
        uniqueCode(),
      ])
    )[0].id;
    const { bearer } = await signIn(
      app,
      ds,
      role,
      role === 'auditor' ? null : ownDepartment ? dept.departmentId : otherDepartment,
    );
    const res = await get(bearer, `/api/projects/${project.id}`).expect(status);
    if (status === 403) expect(res.body.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a non-UUID id', '/api/projects/not-a-uuid', 'id'],
    ['a bad month', `/api/projects/{id}?asOf=2025-13`, 'asOf'],
    ['a month of another year', `/api/projects/{id}?asOf=2024-12`, 'asOf'],
  ])('should answer 400 for %s (%s) naming %s', async (_case, url, field) => {
    const res = await get(admin, url.replace('{id}', project.id)).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });

  it('should answer 404 for an unknown project', async () => {
    const res = await get(admin, '/api/projects/00000000-0000-4000-8000-000000000000').expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '项目不存在' });
  });
});

/** Published indicators as a tree shows them: by 一级, then 二级, each in order of first appearance. */
function treeOrder<T extends { level1: string; level2: string }>(published: T[]): T[] {
  const level1s = [...new Set(published.map((i) => i.level1))];
  const level2s = [...new Set(published.map((i) => i.level2))];
  return [...published].sort(
    (a, b) =>
      level1s.indexOf(a.level1) - level1s.indexOf(b.level1) ||
      level2s.indexOf(a.level2) - level2s.indexOf(b.level2),
  );
}

type TreeIndicator = { id: string; [key: string]: unknown } & { history: unknown[] };

function findIndicator(
  body: { goals: { indicators: { children: { indicators: TreeIndicator[] }[] }[] }[] },
  id: string,
): TreeIndicator {
  const all = body.goals.flatMap((g) =>
    g.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)),
  );
  return all.find((i) => i.id === id) as TreeIndicator;
}
