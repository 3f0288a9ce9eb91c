import { INestApplication } from '@nestjs/common';
import { type BudgetDocument, type Light, worstLight } from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DepartmentsService } from '../../src/modules/departments/departments.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { insertUser, signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import {
  IndicatorFixture,
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

describe(DepartmentsService.name, () => {
  let app: INestApplication;
  let ds: DataSource;
  let doc: BudgetDocument;
  let dept: LoadedDepartment;
  let other: LoadedDepartment;
  let indicators: IndicatorFixture[];
  let admin: string;
  const lightsOf = new Map<string, Light[]>();
  const leads: { projectId: string; username: string }[] = [];
  const get = (bearer: string, url: string) =>
    request(app.getHttpServer()).get(url).set('Authorization', bearer);
  const record = async (indicator: IndicatorFixture, period: string, raw: string) => {
    const { light } = await insertReport(ds, indicator, period, raw);
    if (period === '2025-06')
      lightsOf.set(indicator.projectId ?? '', [...(lightsOf.get(indicator.projectId ?? '') ?? []), light]);
  };

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    const code = uniqueCode();
    doc = seedDocument(code);
    dept = await loadDepartment(app, ds, code);
    other = await loadDepartment(app, ds, uniqueCode());
    indicators = await annualIndicators(ds, dept.fiscalYearId);
    // Department-wide goals: three reported in June (one behind), one only in May.
    const overall = indicators.filter((i) => i.projectId === null && isPaced(i.target));
    await record(overall[0], '2025-06', actualAt(overall[0].target, 6, 0.3));
    await record(overall[1], '2025-06', actualAt(overall[1].target, 6, 1));
    await record(overall[2], '2025-06', actualAt(overall[2].target, 6, 0.7));
    await record(overall[3], '2025-05', actualAt(overall[3].target, 5, 1));
    // Projects: the first two with reports, the first with a workflow and budget execution.
    const [first, second] = dept.projects.filter((p) => indicators.some((i) => i.projectId === p.id));
    for (const indicator of indicators.filter((i) => i.projectId === first.id).slice(0, 3)) {
      await record(
        indicator,
        '2025-06',
        isPaced(indicator.target) ? actualAt(indicator.target, 6, 1) : '达成',
      );
    }
    const [ofSecond] = indicators.filter((i) => i.projectId === second.id);
    await record(ofSecond, '2025-04', '未达成');
    await insertPeriod(ds, dept.fiscalYearId, first.id, '2025-06', 'submitted');
    await insertExecution(ds, first.id, '2025-05', first.budgetYuan / 4);
    for (const project of [first, first, second]) {
      const user = await insertUser(ds, { role: 'lead', departmentId: dept.departmentId });
      await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
        project.id,
        user.id,
      ]);
      leads.push({ projectId: project.id, username: user.username });
    }
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /departments/:code/years/:year', () => {
    const year = (asOf = '2025-06', bearer = admin) =>
      get(bearer, `/api/departments/${dept.code}/years/2025?asOf=${asOf}`).expect(200);

    it('should show the department, the month and the 表11 overview', async () => {
      const { body } = await year();
      expect(body).toMatchObject({
        department: { code: dept.code, name: doc.department.name },
        year: 2025,
        asOf: '2025-06',
      });
      expect(body.overview.overall.functions).toBe(doc.overall.functions);
      expect(body.overview.overall.funds).toEqual(doc.overall.funds);
      expect(body.overview.moneyUnit).toBe('万元');
    });

    it('should give the department-wide goals only, each with its tree and targets', async () => {
      const { body } = await year();
      expect(body.goals.map((g: { term: string; label: string }) => [g.term, g.label])).toEqual(
        [...doc.overall.goals]
          .sort((a, b) => (a.term === b.term ? 0 : a.term === 'long' ? -1 : 1))
          .map((g) => [g.term, g.label]),
      );
      const names = body.goals.flatMap(
        (g: { indicators: { children: { indicators: { name: string }[] }[] }[] }) =>
          g.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators.map((i) => i.name))),
      );
      expect(names.sort()).toEqual(doc.overall.goals.flatMap((g) => g.indicators.map((i) => i.name)).sort());
    });

    it('should count the department-wide lights as of the month, as an independent tally does', async () => {
      const { body } = await year();
      const overall = indicators.filter((i) => i.projectId === null);
      const counts = tally(lightsOf.get('') ?? [], overall.length);
      expect(body.lightCounts).toEqual(counts);
      expect(body.light).toBe(worstLight((lightsOf.get('') ?? []).concat('grey')));
      expect(counts.red).toBe(1);
    });

    it('should default to the latest month with reports, not to December of a past year', async () => {
      const { body } = await get(admin, `/api/departments/${dept.code}/years/2025`).expect(200);
      expect(body.asOf).toBe('2025-06');
      expect(body.lightCounts).toEqual((await year()).body.lightCounts);
      const { body: projects } = await get(admin, `/api/departments/${dept.code}/years/2025/projects`).expect(
        200,
      );
      const { body: june } = await get(
        admin,
        `/api/departments/${dept.code}/years/2025/projects?asOf=2025-06`,
      ).expect(200);
      expect(projects).toEqual(june);
    });

    it('should default to December for a past year without any report', async () => {
      const { body } = await get(admin, `/api/departments/${other.code}/years/2025`).expect(200);
      expect(body.asOf).toBe('2025-12');
      expect(body.lightCounts.grey).toBe(body.lightCounts.total);
    });

    it.each([
      { who: 'a leader of the department', role: 'leader', own: true, status: 200 },
      { who: 'an auditor', role: 'auditor', own: false, status: 200 },
      { who: 'a leader of another department', role: 'leader', own: false, status: 403 },
      { who: 'a lead of another department', role: 'lead', own: false, status: 403 },
    ] as const)('should answer $who with $status', async ({ role, own, status }) => {
      const scope = role === 'auditor' ? null : own ? dept.departmentId : other.departmentId;
      const { bearer } = await signIn(app, ds, role, scope);
      await get(bearer, `/api/departments/${dept.code}/years/2025`).expect(status);
      await get(bearer, `/api/departments/${dept.code}/years/2025/projects`).expect(status);
    });

    it('should answer 400 naming asOf for a month out of range', async () => {
      const res = await get(admin, `/api/departments/${dept.code}/years/2025?asOf=2025-13`).expect(400);
      expect(res.body.errors).toEqual({ asOf: 'asOf：截至月份格式应为 YYYY-MM，月份为 01–12' });
    });
  });

  describe('GET /departments/:code/years/:year/projects', () => {
    const list = async (asOf = '2025-06') =>
      (await get(admin, `/api/departments/${dept.code}/years/2025/projects?asOf=${asOf}`).expect(200)).body;

    it('should keep the 表10 fields the frontend uses', async () => {
      const body = await list();
      expect(
        body.map((p: { name: string; budget: number; category: string | null; code: string | null }) => [
          p.name,
          p.budget,
          p.category,
          p.code,
        ]),
      ).toEqual(doc.projects.map((p) => [p.name, p.budget, p.category, p.code]));
    });

    it('should add each project’s leads, light summary and project light as of the month', async () => {
      const body = await list();
      for (const project of body) {
        const own = indicators.filter((i) => i.projectId === project.id);
        const lights = lightsOf.get(project.id) ?? [];
        expect([project.name, project.lightSummary]).toEqual([project.name, tally(lights, own.length)]);
        expect([project.name, project.projectLight]).toEqual([
          project.name,
          own.length
            ? worstLight([...lights, ...(lights.length < own.length ? ['grey' as const] : [])])
            : null,
        ]);
        expect(project.leads.map((l: { username: string }) => l.username).sort()).toEqual(
          leads
            .filter((l) => l.projectId === project.id)
            .map((l) => l.username)
            .sort(),
        );
      }
    });

    it('should give the last report and the latest budget execution up to the month', async () => {
      const [first, second, third] = (await list()).filter(
        (p: { lightSummary: { total: number } }) => p.lightSummary.total > 0,
      );
      expect(first.lastReport).toEqual({
        period: '2025-06',
        status: 'submitted',
        updatedAt: expect.any(String),
      });
      expect(second.lastReport).toEqual({
        period: '2025-04',
        status: 'draft',
        updatedAt: expect.any(String),
      });
      expect(third.lastReport).toBeNull();
      const budget = dept.projects.find((p) => p.id === first.id)?.budgetYuan as number;
      expect(first.budgetExecution).toMatchObject({
        period: '2025-05',
        executedYuan: budget / 4,
        rate: 25,
        pace: 50,
        light: 'red',
      });
      expect(second.budgetExecution).toMatchObject({
        period: null,
        executedYuan: null,
        rate: null,
        light: 'grey',
      });
      const asOfApril = (await list('2025-04')).find((p: { id: string }) => p.id === first.id);
      expect(asOfApril).toMatchObject({ lastReport: null, budgetExecution: { executedYuan: null } });
    });

    it('should give a project without monitored indicators no light', async () => {
      const orphan = (await list()).find((p: { name: string }) => p.name === '往来资金');
      expect(orphan).toMatchObject({ projectLight: null, lightSummary: { total: 0 } });
    });
  });

  describe('GET /departments', () => {
    it('should list only their own department to a leader, every department to an auditor', async () => {
      const { bearer: leader } = await signIn(app, ds, 'leader', dept.departmentId);
      const mine = await get(leader, '/api/departments').expect(200);
      expect(mine.body.map((d: { code: string }) => d.code)).toEqual([dept.code]);
      const { bearer: auditor } = await signIn(app, ds, 'auditor');
      const all = await get(auditor, '/api/departments').expect(200);
      expect(all.body.map((d: { code: string }) => d.code)).toEqual(
        expect.arrayContaining([dept.code, other.code]),
      );
    });
  });
});
