import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import {
  IndicatorFixture,
  LoadedDepartment,
  annualIndicators,
  insertExecution,
  insertReport,
  isPaced,
  loadDepartment,
} from './read-fixtures';

interface IndicatorBody {
  id: string;
  monitored: boolean;
  light: string | null;
  projection: {
    value: number;
    low: number;
    high: number;
    method: string;
    light: string;
    explanation: string;
  } | null;
}
interface GoalBody {
  indicators: { children: { indicators: IndicatorBody[] }[] }[];
}
const indicatorsOf = (goals: GoalBody[]): IndicatorBody[] =>
  goals.flatMap((g) => g.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)));

// Year-to-date shares of the target, January–June: on pace in June (110 %), but the last three months slowed to 5 a month.
const FALLING = [35, 70, 95, 105, 108, 110].map((share) => share / 200);
const STEADY = [1, 2, 3, 4, 5, 6].map((month) => month / 12);

describe('Year-end projection (GET /api/projects/:id, the dashboard)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let dept: LoadedDepartment;
  let admin: string;
  let falling: IndicatorFixture;
  let steady: IndicatorFixture;
  let qualitative: IndicatorFixture;
  const get = (url: string) => request(app.getHttpServer()).get(url).set('Authorization', admin);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    dept = await loadDepartment(app, ds, uniqueCode());
    const indicators = await annualIndicators(ds, dept.fiscalYearId);
    const counts = indicators.filter(
      (i) => i.projectId !== null && isPaced(i.target) && i.target.accumulation === 'cumulative',
    );
    [falling, steady] = counts;
    qualitative = indicators.find(
      (i) => i.projectId !== null && i.target.operator === 'qualitative',
    ) as IndicatorFixture;
    const value = falling.target.value as number;
    for (const [index, share] of FALLING.entries())
      await insertReport(ds, falling, `2025-0${index + 1}`, String(value * share));
    for (const [index, share] of STEADY.entries())
      await insertReport(
        ds,
        steady,
        `2025-0${index + 1}`,
        String(Math.round((steady.target.value as number) * share * 100) / 100),
      );
    await insertReport(ds, qualitative, '2025-06', '达成');
    const project = dept.projects.find(
      (p) => p.id === falling.projectId,
    ) as LoadedDepartment['projects'][number];
    for (const month of [1, 2, 3, 4, 5, 6])
      await insertExecution(ds, project.id, `2025-0${month}`, (project.budgetYuan * month) / 20);
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should project each monitored indicator of the project, the falling one yellow on its recent trend', async () => {
    const { body } = await get(`/api/projects/${falling.projectId}?asOf=2025-06`).expect(200);
    const all = indicatorsOf(body.goals);
    const fallingRow = all.find((i) => i.id === falling.id) as IndicatorBody;
    const value = falling.target.value as number;
    expect(fallingRow.light).toBe('green');
    expect(fallingRow.projection).toMatchObject({
      value: Math.round(value * 0.7 * 100) / 100,
      low: Math.round(value * 0.7 * 100) / 100,
      high: Math.round(value * 1.1 * 100) / 100,
      method: 'trend',
      light: 'yellow',
    });
    expect(fallingRow.projection?.explanation).toContain('按近3月（4–6月）平均增量');
    expect(fallingRow.projection?.explanation).toContain('预计黄灯');
    // Long-term indicators are not monitored and get none.
    expect(all.filter((i) => !i.monitored).every((i) => i.projection === null)).toBe(true);
    // Budget: 5 % a month → 60 % at year end.
    expect(body.budgetExecution.projection).toMatchObject({ rate: 60, method: 'pace', light: 'yellow' });
  });

  it('should give a 定性 indicator no numeric projection (null)', async () => {
    const { body } = await get(`/api/projects/${qualitative.projectId}?asOf=2025-06`).expect(200);
    const row = indicatorsOf(body.goals).find((i) => i.id === qualitative.id) as IndicatorBody;
    expect(row.light).toBe('green');
    expect(row.projection).toBeNull();
  });

  it('should flag the falling indicator as 预计年末未达标 on the dashboard, count it, and filter the flagged list to it', async () => {
    const url = `/api/departments/${dept.code}/years/2025/dashboard?asOf=2025-06`;
    const { body } = await get(url).expect(200);
    const ids = body.projectedMisses.map((f: { indicatorId: string }) => f.indicatorId);
    expect(ids).toContain(falling.id);
    expect(ids).not.toContain(steady.id);
    expect(body.projectedMiss).toBe(body.projectedMisses.length);
    const row = body.projectedMisses.find((f: { indicatorId: string }) => f.indicatorId === falling.id);
    expect(row).toMatchObject({ light: 'green', projection: { light: 'yellow', method: 'trend' } });
    expect(body.flagged.map((f: { indicatorId: string }) => f.indicatorId)).not.toContain(falling.id);
    const filtered = await get(`${url}&projectedMiss=true`).expect(200);
    expect(filtered.body.flagged.map((f: { indicatorId: string }) => f.indicatorId)).toEqual(ids);
    // The city view counts the same misses for the department, by the same rule.
    const city = await get(`/api/dashboard?asOf=2025-06`).expect(200);
    const rollup = city.body.departments.find(
      (d: { department: { code: string } }) => d.department.code === dept.code,
    );
    expect(rollup.projectedMiss).toBe(body.projectedMiss);
    expect(rollup.projectedMiss).toBeGreaterThan(0);
    // The city's flagged page carries the same projection as the department dashboard.
    const page = await get(`/api/dashboard/flagged?asOf=2025-06&department=${dept.code}&pageSize=100`).expect(
      200,
    );
    for (const item of page.body.items as { indicatorId: string; projection: unknown }[]) {
      const same = body.flagged.find((f: { indicatorId: string }) => f.indicatorId === item.indicatorId);
      expect(item.projection).toEqual(same.projection);
    }
  });

  it('should refuse a projectedMiss that is not true or false, naming the field', async () => {
    const res = await get(`/api/departments/${dept.code}/years/2025/dashboard?projectedMiss=yes`).expect(400);
    expect(JSON.stringify(res.body)).toContain('projectedMiss：只能是 true 或 false');
  });
});
