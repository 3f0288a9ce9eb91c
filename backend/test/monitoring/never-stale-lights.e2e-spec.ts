import { INestApplication } from '@nestjs/common';
import { parseTarget } from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { REEVALUATE_REASON } from '../../src/modules/monitoring/report-lights.writer';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import {
  annualIndicators,
  IndicatorFixture,
  LoadedDepartment,
  loadDepartment,
} from '../read-api/read-fixtures';
import { createTestApp } from '../setup/test-app';

interface FlaggedRow {
  indicatorId: string;
  light: string;
  lightReason: string;
  explanation: string;
  progress: number | null;
}

/** A light is never stale, and a report against a target nobody can read is 无法判定, counted apart from 未填报. */
describe('never-stale lights (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let dept: LoadedDepartment;
  let admin: string;
  let leader: string;
  let lead: string;
  let counted: IndicatorFixture; // a yearly count: ≥ N per year
  let unreadable: IndicatorFixture;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    dept = await loadDepartment(app, ds, uniqueCode());
    const indicators = await annualIndicators(ds, dept.fiscalYearId);
    const ofProjects = indicators.filter((i) => i.projectId !== null);
    counted = ofProjects.find(
      (i) =>
        i.target.accumulation === 'cumulative' &&
        i.target.operator === '>=' &&
        !i.target.unit?.includes('元'),
    ) as IndicatorFixture;
    unreadable = ofProjects.find(
      (i) => i.id !== counted.id && i.projectId === counted.projectId,
    ) as IndicatorFixture;
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    ({ bearer: leader } = await signIn(app, ds, 'leader', dept.departmentId));
    const signedLead = await signIn(app, ds, 'lead', dept.departmentId);
    lead = signedLead.bearer;
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      counted.projectId,
      signedLead.user.id,
    ]);
  });

  afterAll(async () => {
    await app.close();
  });

  const dashboard = async () =>
    (
      await http()
        .get(`/api/departments/${dept.code}/years/2025/dashboard?asOf=2025-06`)
        .set('Authorization', leader)
        .expect(200)
    ).body;
  const flaggedRow = async (id: string): Promise<FlaggedRow | undefined> =>
    (await dashboard()).flagged.find((row: FlaggedRow) => row.indicatorId === id);
  const report = (indicator: IndicatorFixture, actual: string) =>
    http()
      .put(`/api/indicators/${indicator.id}/reports/2025-06`)
      .set('Authorization', lead)
      .send({ actual })
      .expect(200);

  it('should re-evaluate stored reports when the admin corrects the target, so the next dashboard shows the new light', async () => {
    const value = counted.target.value as number;
    const saved = await report(counted, String(value / 2)); // exactly on pace in June
    expect(saved.body).toMatchObject({ light: 'green', progress: 100 });
    expect(saved.body.explanation).toBe(
      `进度值 = ${value / 2} ÷ (${value} × 6/12) × 100 = 100.0；80 ≤ 100.0 < 120 → 绿灯`,
    );
    const before = await dashboard();
    expect(await flaggedRow(counted.id)).toBeUndefined();

    const [{ version }] = await ds.query(`SELECT version FROM indicators WHERE id = $1`, [counted.id]);
    const corrected = await http()
      .put(`/api/indicators/${counted.id}/target`)
      .set('Authorization', admin)
      .send({
        version,
        operator: '>=',
        value: value * 2,
        ...(counted.target.unit ? { unit: counted.target.unit } : {}),
        direction: 'higher',
        accumulation: 'cumulative',
        note: '目标值更正为原来的两倍',
      })
      .expect(200);
    expect(corrected.body.reevaluated).toBe(1);

    const after = await dashboard();
    expect(after.counts.red).toBe(before.counts.red + 1);
    expect(after.counts.green).toBe(before.counts.green - 1);
    expect(await flaggedRow(counted.id)).toMatchObject({
      light: 'red',
      progress: 50,
      explanation: `进度值 = ${value / 2} ÷ (${value * 2} × 6/12) × 100 = 50.0；50.0 < 60 → 红灯`,
    });
    const [audit] = await ds.query(
      `SELECT a.before->>'light' AS before, a.after->>'light' AS after, a.reason
         FROM audit_log a JOIN progress_reports r ON r.id::text = a.entity_id
        WHERE a.action = 'progress-report.reevaluate' AND r.indicator_id = $1`,
      [counted.id],
    );
    expect(audit).toEqual({ before: 'green', after: 'red', reason: REEVALUATE_REASON });
  });

  it('should show the same explanation on the project’s goal tree', async () => {
    const { body } = await http()
      .get(`/api/projects/${counted.projectId}?asOf=2025-06`)
      .set('Authorization', leader)
      .expect(200);
    const indicators = body.goals.flatMap((g: { indicators: { children: { indicators: unknown[] }[] }[] }) =>
      g.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)),
    ) as { id: string; light: string; explanation: string; thresholds: object }[];
    const node = indicators.find((i) => i.id === counted.id);
    expect(node).toMatchObject({
      light: 'red',
      thresholds: { yellowFrom: 60, greenFrom: 80, blueFrom: 120 },
    });
    expect(node?.explanation).toContain('50.0 < 60 → 红灯');
  });

  it('should re-evaluate with the indicator’s own thresholds when the admin sets them, and refuse an order that skips a light', async () => {
    const [{ version, target }] = await ds.query(
      `SELECT version, target_parsed AS target FROM indicators WHERE id = $1`,
      [counted.id],
    );
    const body = {
      operator: target.operator,
      value: target.value,
      ...(target.unit ? { unit: target.unit } : {}),
      direction: target.direction,
      accumulation: target.accumulation,
    };
    const refused = await http()
      .put(`/api/indicators/${counted.id}/target`)
      .set('Authorization', admin)
      .send({ ...body, version, thresholds: { yellowFrom: 90 } })
      .expect(400);
    expect(refused.body.errors.thresholds).toContain('黄灯起点 ≤ 绿灯起点');
    const set = await http()
      .put(`/api/indicators/${counted.id}/target`)
      .set('Authorization', admin)
      .send({ ...body, version, thresholds: { yellowFrom: 40 } })
      .expect(200);
    expect(set.body).toMatchObject({ thresholds: { yellowFrom: 40 }, reevaluated: 1 });
    expect(await flaggedRow(counted.id)).toMatchObject({
      light: 'yellow',
      explanation: expect.stringContaining('；40 ≤ 50.0 < 80 → 黄灯'),
    });
  });

  it('should count a report against an unreadable target as 无法判定, apart from 未填报', async () => {
    const target = parseTarget('给予生 活困难 补助， 加强社 会稳定。');
    await ds.query(
      `UPDATE indicators SET target_raw = $2, target_operator = $3, target_value = NULL, target_min = NULL, target_max = NULL,
              target_unit = NULL, target_deadline = NULL, target_direction = $4, target_accumulation = $5,
              target_confidence = 'unparsed', target_parsed = $6 WHERE id = $1`,
      [
        unreadable.id,
        target.raw,
        target.operator,
        target.direction,
        target.accumulation,
        JSON.stringify(target),
      ],
    );
    const before = await dashboard();
    const saved = await report(unreadable, '达成');
    expect(saved.body).toMatchObject({ light: 'undetermined' });
    expect(saved.body.explanation).toBe(`指标值“${target.raw}”无法识别，无从比较 → 无法判定`);

    const after = await dashboard();
    expect(after.counts.undetermined).toBe(before.counts.undetermined + 1);
    expect(after.counts.grey).toBe(before.counts.grey - 1);
    expect(after.counts.total).toBe(before.counts.total);
    expect(await flaggedRow(unreadable.id)).toMatchObject({ light: 'undetermined' });
    const june = after.trend.find((point: { period: string }) => point.period === '2025-06');
    expect(june.undetermined).toBe(after.counts.undetermined);
  });
});
