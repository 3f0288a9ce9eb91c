import { INestApplication } from '@nestjs/common';
import { DEFAULT_RULE_SETTINGS, defaultRuleSettings, type RuleSettings } from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RULES_REEVALUATE_REASON } from '../../src/modules/monitoring/report-lights.writer';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import {
  actualAt,
  annualIndicators,
  IndicatorFixture,
  isPaced,
  LoadedDepartment,
  loadDepartment,
} from '../read-api/read-fixtures';
import { createTestApp } from '../setup/test-app';

/** 监控规则 per department-year: read, previewed, changed (audited, 409 when stale), and obeyed by lights and submits. */
describe('monitoring rules (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let dept: LoadedDepartment;
  let admin: string;
  let leader: string;
  let lead: string;
  let projectId: string;
  let paced: IndicatorFixture[]; // cumulative 正向 counts of the project
  let others: IndicatorFixture[]; // the project's other annual indicators
  const http = () => request(app.getHttpServer());
  const rulesUrl = () => `/api/departments/${dept.code}/years/2025/rules`;
  const rules = async (): Promise<{ settings: RuleSettings; version: number }> =>
    (await http().get(rulesUrl()).set('Authorization', leader).expect(200)).body;
  const save = (settings: RuleSettings, version: number, bearer = admin) =>
    http()
      .put(rulesUrl())
      .set('Authorization', bearer)
      .send({ ...settings, version });
  const change = async (edit: (s: RuleSettings) => void) => {
    const current = await rules();
    edit(current.settings);
    return save(current.settings, current.version).expect(200);
  };
  const report = (indicator: IndicatorFixture, period: string, body: object) =>
    http().put(`/api/indicators/${indicator.id}/reports/${period}`).set('Authorization', lead).send(body);
  const dashboardLight = async (id: string): Promise<string | undefined> => {
    const { body } = await http()
      .get(`/api/departments/${dept.code}/years/2025/dashboard?asOf=2025-06`)
      .set('Authorization', leader)
      .expect(200);
    return (
      body.flagged.find((row: { indicatorId: string }) => row.indicatorId === id)?.light ?? 'not flagged'
    );
  };

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    dept = await loadDepartment(app, ds, uniqueCode());
    const indicators = (await annualIndicators(ds, dept.fiscalYearId)).filter((i) => i.projectId !== null);
    const counted = (i: IndicatorFixture) =>
      isPaced(i.target) && i.target.accumulation === 'cumulative' && !i.target.unit?.includes('元');
    // The project with the most counts: a red, a yellow and an over-completed one are needed.
    projectId = dept.projects
      .map((p) => p.id)
      .sort(
        (a, b) =>
          indicators.filter((i) => i.projectId === b && counted(i)).length -
          indicators.filter((i) => i.projectId === a && counted(i)).length,
      )[0];
    paced = indicators.filter((i) => i.projectId === projectId && counted(i));
    others = indicators.filter((i) => i.projectId === projectId && !counted(i));
    expect(paced.length).toBeGreaterThanOrEqual(3);
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    ({ bearer: leader } = await signIn(app, ds, 'leader', dept.departmentId));
    const signedLead = await signIn(app, ds, 'lead', dept.departmentId);
    lead = signedLead.bearer;
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      projectId,
      signedLead.user.id,
    ]);
  });

  afterAll(async () => {
    await app.close();
  });

  it('should read the national rules until the admin changes them, to anyone who may read the department', async () => {
    const body = await rules();
    expect(body).toMatchObject({ code: dept.code, year: 2025, version: 0, updatedBy: null });
    expect(body.settings).toEqual(DEFAULT_RULE_SETTINGS);
    await http().get(rulesUrl()).set('Authorization', lead).expect(200);
  });

  it('should preview, then change the thresholds: the stored light changes, audited, and the dashboard shows it', async () => {
    const [counted] = paced;
    const saved = await report(counted, '2025-06', { actual: actualAt(counted.target, 6, 0.7) }).expect(200);
    expect(saved.body.light).toBe('yellow'); // v = 70 under 60 / 80 / 120
    expect(await dashboardLight(counted.id)).toBe('yellow');

    const stricter = defaultRuleSettings();
    stricter.thresholds.yellowFrom = 75;
    const preview = await http()
      .post(`${rulesUrl()}/preview`)
      .set('Authorization', admin)
      .send({ ...stricter, version: 0 })
      .expect(200);
    expect(preview.body.asOf).toBe('2025-06');
    expect(preview.body.changed).toMatchObject({ indicators: 1 });
    expect(preview.body.changes).toContainEqual(
      expect.objectContaining({ kind: 'indicator', id: counted.id, from: 'yellow', to: 'red' }),
    );
    // The preview changes nothing.
    expect(await dashboardLight(counted.id)).toBe('yellow');

    const put = await save(stricter, 0).expect(200);
    expect(put.body).toMatchObject({ version: 1, reevaluated: 1, updatedBy: expect.any(String) });
    expect(put.body.settings.thresholds).toEqual({ yellowFrom: 75, greenFrom: 80, blueFrom: 120 });
    expect(await dashboardLight(counted.id)).toBe('red');
    const [stored] = await ds.query(
      `SELECT light, light_explanation AS explanation FROM progress_reports WHERE indicator_id = $1`,
      [counted.id],
    );
    expect(stored.light).toBe('red');
    expect(stored.explanation).toContain('< 75 → 红灯');

    const audit = await ds.query(
      `SELECT action, before, after FROM audit_log WHERE action = 'monitoring-rules.update' AND entity_id = $1`,
      [
        (
          await ds.query(`SELECT id FROM monitoring_rule_settings WHERE fiscal_year_id = $1`, [
            dept.fiscalYearId,
          ])
        )[0].id,
      ],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].before.settings.thresholds.yellowFrom).toBe(60);
    expect(audit[0].after).toMatchObject({ code: dept.code, year: 2025, reevaluated: 1 });
    expect(audit[0].after.settings.thresholds.yellowFrom).toBe(75);
    const [relit] = await ds.query(
      `SELECT a.reason FROM audit_log a JOIN progress_reports r ON r.id::text = a.entity_id
        WHERE a.action = 'progress-report.reevaluate' AND r.indicator_id = $1`,
      [counted.id],
    );
    expect(relit.reason).toBe(RULES_REEVALUATE_REASON);
    // New reports follow the department-year's rules too.
    const again = await report(counted, '2025-06', {
      actual: actualAt(counted.target, 6, 0.78),
      version: saved.body.version + 1,
    }).expect(200);
    expect(again.body.light).toBe('yellow');
  });

  it('should answer 409 to a stale version and change nothing', async () => {
    const current = await rules();
    const res = await save({ ...current.settings, consistencyGap: 10 }, current.version - 1).expect(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    await save({ ...current.settings, consistencyGap: 10 }, undefined as never).expect(409);
    expect((await rules()).settings.consistencyGap).toBeNull();
  });

  it('should answer 400 naming each field it refuses, 403 to anyone but the admin', async () => {
    const current = await rules();
    const bad = {
      ...current.settings,
      thresholds: { yellowFrom: 90, greenFrom: 80, blueFrom: 120 },
      scoring: {
        ...current.settings.scoring,
        sections: { budget: 20, output: 50, benefit: 30, satisfaction: 10 },
      },
    };
    const res = await save(bad, current.version).expect(400);
    expect(res.body.errors).toEqual({
      'thresholds.greenFrom': 'thresholds.greenFrom：绿灯起点不能低于黄灯起点',
      'scoring.sections': 'scoring.sections：预算执行率与产出、效益、满意度分值之和须为 100，当前为 110',
    });
    const unknown = await http()
      .put(rulesUrl())
      .set('Authorization', admin)
      .send({ ...current.settings, version: current.version, colour: 'red' })
      .expect(400);
    expect(Object.keys(unknown.body.errors)).toEqual(['colour']);
    await save(current.settings, current.version, leader).expect(403);
    await save(current.settings, current.version, lead).expect(403);
    await http()
      .post(`${rulesUrl()}/preview`)
      .set('Authorization', leader)
      .send(current.settings)
      .expect(403);
    expect((await rules()).version).toBe(current.version);
  });

  it('should turn a budget red when a checkpoint of the rules is missed', async () => {
    const budget = dept.projects.find((p) => p.id === projectId)!.budgetYuan;
    await http()
      .put(`/api/projects/${projectId}/budget-execution/2025-06`)
      .set('Authorization', lead)
      .send({ executed: Math.round(budget * 0.38) })
      .expect(200)
      .expect((res) => expect(res.body.light).toBe('yellow')); // v = 76
    await change((s) => (s.budgetCheckpoints = [{ month: 6, minRate: 40 }]));
    const { body } = await http()
      .get(`/api/projects/${projectId}?asOf=2025-06`)
      .set('Authorization', leader)
      .expect(200);
    const june = body.budgetExecution.periods.find((p: { period: string }) => p.period === '2025-06');
    expect(june).toMatchObject({
      light: 'red',
      lightReason: expect.stringContaining('6 月底应至少执行 40%'),
    });
    await change((s) => (s.budgetCheckpoints = []));
  });

  it('should warn on the dashboard when target and budget progress drift apart by more than the set points', async () => {
    const row = async () =>
      (
        await http()
          .get(`/api/departments/${dept.code}/years/2025/dashboard?asOf=2025-06`)
          .set('Authorization', leader)
          .expect(200)
      ).body.budget.projects.find((p: { projectId: string }) => p.projectId === projectId);
    // Nationally there is no such warning.
    expect((await row()).dualWarning).toBeNull();
    await change((s) => (s.consistencyGap = 5));
    // June: the indicator at v = 78, the budget at v = 76 → 2 points, within 5.
    expect((await row()).dualWarning).toBeNull();
    await change((s) => (s.consistencyGap = 1));
    expect((await row()).dualWarning).toBe(
      '双监控不一致：目标完成进度 78 与预算执行进度 76 相差 2 个百分点，超过 1 个百分点',
    );
    await change((s) => (s.consistencyGap = null));
  });

  describe('reasons at submit', () => {
    const period = '2025-08';
    const submit = () =>
      http()
        .post(`/api/projects/${projectId}/periods/${period}/submit`)
        .set('Authorization', lead)
        .send({ acknowledgeWarnings: true });
    let red: IndicatorFixture;
    let yellow: IndicatorFixture;
    let over: IndicatorFixture;
    const versions = new Map<string, number>();

    beforeAll(async () => {
      await change((s) => (s.thresholds = { yellowFrom: 60, greenFrom: 80, blueFrom: 120 }));
      [red, yellow, over] = paced;
      const write = async (indicator: IndicatorFixture, actual: string) => {
        const res = await report(indicator, period, { actual }).expect(200);
        versions.set(indicator.id, res.body.version);
        return res.body.light;
      };
      expect(await write(red, actualAt(red.target, 8, 0.3))).toBe('red');
      expect(await write(yellow, actualAt(yellow.target, 8, 0.7))).toBe('yellow');
      // 1.4 × the year's target by August: blue, and 140 % of the target.
      expect(await write(over, String((over.target.value as number) * 1.4))).toBe('blue');
      for (const indicator of [...paced.slice(3), ...others]) await write(indicator, '达成');
      await http()
        .put(`/api/projects/${projectId}/budget-execution/${period}`)
        .set('Authorization', lead)
        .send({ executed: 1000 })
        .expect(200);
    });

    it('should refuse a red report without 偏差原因 when red is set, naming the indicator, yellow passing', async () => {
      await change((s) => (s.reasonLights = ['red']));
      const res = await submit().expect(400);
      expect(res.body.errors).toEqual({
        [`reasons.${red.id}`]: `reasons.${red.id}：${red.name}（红灯）未填写偏差原因`,
      });
      expect(res.body.message).toBe('按本部门监控规则，以下指标须填写偏差原因后才能提交');
    });

    it('should refuse yellow too when it is set, naming each indicator', async () => {
      await change((s) => (s.reasonLights = ['red', 'yellow']));
      const res = await submit().expect(400);
      expect(Object.keys(res.body.errors).sort()).toEqual(
        [`reasons.${red.id}`, `reasons.${yellow.id}`].sort(),
      );
      expect(res.body.errors[`reasons.${yellow.id}`]).toContain(`${yellow.name}（黄灯）`);
    });

    it('should ask an explanation of 130 % or more when set, and submit once every reason is given', async () => {
      await change((s) => (s.overCompletionFrom = 130));
      for (const indicator of [red, yellow]) {
        const res = await report(indicator, period, {
          actual: actualAt(indicator.target, 8, indicator === red ? 0.3 : 0.7),
          reasons: ['经费保障'],
          reasonText: '资金拨付滞后',
          version: versions.get(indicator.id),
        }).expect(200);
        versions.set(indicator.id, res.body.version);
      }
      const refused = await submit().expect(400);
      expect(refused.body.errors).toEqual({
        [`overCompletion.${over.id}`]: `overCompletion.${over.id}：${over.name}完成值达到目标的 140%（≥ 130%），须说明超额完成的原因及整改措施`,
      });
      await report(over, period, {
        actual: String((over.target.value as number) * 1.4),
        reasonText: '需求集中释放，超额完成',
        version: versions.get(over.id),
      }).expect(200);
      expect((await submit().expect(200)).body.status).toBe('submitted');
    });
  });
});
