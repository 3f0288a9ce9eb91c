import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { createTestApp } from '../setup/test-app';
import { assignedLead, loadSeedYear } from '../self-evaluation/scripted-year';

/** Issue #19, entry that catches mistakes: numbers required, warnings saved and acknowledged, 万元 typed. */
describe('entry that catches mistakes (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let lead: string;
  let projectId: string;
  let staff: string; // 派驻劳动监察协管员人数, target 80 人
  let patrols: string; // 劳动监察日常巡查次数, target 300 (the document's unit column says 次)
  let patrolsName: string;
  const http = () => request(app.getHttpServer());
  const put = (id: string, period: string, body: object) =>
    http().put(`/api/indicators/${id}/reports/${period}`).set('Authorization', lead).send(body);
  const budget = (period: string, body: object) =>
    http().put(`/api/projects/${projectId}/budget-execution/${period}`).set('Authorization', lead).send(body);
  const submit = (period: string, body: object) =>
    http().post(`/api/projects/${projectId}/periods/${period}/submit`).set('Authorization', lead).send(body);
  const codes = (res: { body: { warnings: { code: string }[] } }) => res.body.warnings.map((w) => w.code);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    const seeded = await loadSeedYear(app, ds, uniqueCode());
    const rows: { id: string; name: string; projectId: string }[] = await ds.query(
      `SELECT i.id, i.name, g.project_id AS "projectId" FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE g.fiscal_year_id = $1 AND g.term = 'annual' AND g.project_id IS NOT NULL
          AND (i.name LIKE '派驻劳动监察协管员%' OR i.name LIKE '劳动监察日常巡查次数%')`,
      [seeded.fiscalYearId],
    );
    const byName = (name: string) => rows.find((row) => row.name.startsWith(name)) as (typeof rows)[number];
    staff = byName('派驻劳动监察协管员').id;
    patrols = byName('劳动监察日常巡查次数').id;
    patrolsName = byName('劳动监察日常巡查次数').name;
    projectId = byName('派驻劳动监察协管员').projectId;
    expect(byName('劳动监察日常巡查次数').projectId).toBe(projectId);
    lead = await assignedLead(app, ds, seeded.departmentId, projectId);
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse a 定量 value without a number with 400 naming actual, and store nothing', async () => {
    const res = await put(staff, '2025-05', { actual: 'abc' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual({ actual: 'actual：请填写数值，如 105 或 105人' });
    const forecast = await put(staff, '2025-05', { actual: '40', forecast: '见附件' }).expect(400);
    expect(Object.keys(forecast.body.errors)).toEqual(['forecast']);
    const stored = await ds.query(`SELECT 1 FROM progress_reports WHERE indicator_id = $1`, [staff]);
    expect(stored).toEqual([]);
  });

  it('should still take a judgement for a 定量 target', async () => {
    const res = await put(staff, '2025-04', { actual: '已完成' }).expect(200);
    expect(res.body).toMatchObject({ light: 'green', warnings: [] });
  });

  it('should save 1.2万 against 80 人 with a unit warning (and more than 3× due), not silently as 12000', async () => {
    const res = await put(staff, '2025-06', { actual: '1.2万' }).expect(200);
    expect(res.body.actualValue).toBe(12000);
    expect(codes(res)).toEqual(['unit-scale', 'far-above-expected']);
    expect(res.body.warnings[0].message).toBe(
      '完成值“1.2万”按“万/千/亿”计为 12000人，而目标为 80人，请确认单位',
    );
    expect(res.body.warningsAcknowledged).toBe(false);
    const [row] = await ds.query(`SELECT warnings FROM progress_reports WHERE id = $1`, [res.body.id]);
    expect(row.warnings).toEqual(res.body.warnings);
  });

  it('should warn of a value more than 3× what is due by the month', async () => {
    // 300 次 a year: 25 due by January.
    const res = await put(patrols, '2025-01', { actual: '100' }).expect(200);
    expect(res.body.warnings).toEqual([
      {
        code: 'far-above-expected',
        message: '完成值 100 超过截至 1 月应完成值 25 的 3 倍，请核对是否填错',
      },
    ]);
  });

  it('should warn when a cumulative count falls (June 105, July 90), and show the warning with the report', async () => {
    expect(codes(await put(patrols, '2025-06', { actual: '105' }).expect(200))).toEqual([]);
    const july = await put(patrols, '2025-07', { actual: '90' }).expect(200);
    expect(july.body.warnings).toEqual([
      {
        code: 'cumulative-decrease',
        message: '累计完成值 90 低于 6 月填报的 105，累计数不应减少，请核对',
      },
    ]);
    const detail = await http()
      .get(`/api/projects/${projectId}?asOf=2025-07`)
      .set('Authorization', lead)
      .expect(200);
    type Indicator = {
      id: string;
      latestReport: { warnings: unknown[]; warningsAcknowledged: boolean } | null;
    };
    type Level1 = { children: { indicators: Indicator[] }[] };
    const indicators = (detail.body.goals as { indicators: Level1[] }[]).flatMap((goal) =>
      goal.indicators.flatMap((level1) => level1.children.flatMap((level2) => level2.indicators)),
    );
    const row = indicators.find((indicator) => indicator.id === patrols);
    expect(row?.latestReport).toMatchObject({ warnings: july.body.warnings, warningsAcknowledged: false });
  });

  it('should take budget execution typed in 万元 or 元 and answer in 元', async () => {
    expect((await budget('2025-05', { executed: '350万' }).expect(200)).body.executedYuan).toBe(3500000);
    expect(
      (await budget('2025-05', { executed: '3,600,000', version: 1 }).expect(200)).body.executedYuan,
    ).toBe(3600000);
    expect(
      (await budget('2025-05', { executed: '350 万元', version: 2 }).expect(200)).body.executedYuan,
    ).toBe(3500000);
    expect((await budget('2025-05', { executed: 3700000, version: 3 }).expect(200)).body.executedYuan).toBe(
      3700000,
    );
    const wrong = await budget('2025-05', { executed: '三百万', version: 4 }).expect(400);
    expect(Object.keys(wrong.body.errors)).toEqual(['executed']);
    expect(wrong.body.errors.executed).toContain('350万');
  });

  it('should refuse a submit without acknowledged warnings, listing them per indicator, and write nothing', async () => {
    // Every other annual indicator reported for July as stored, then the two with warnings through the API.
    await ds.query(
      `INSERT INTO progress_reports (indicator_id, period, actual_raw)
       SELECT i.id, '2025-07', '达成' FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE g.project_id = $1 AND g.term = 'annual' AND i.id <> ALL($2::uuid[])`,
      [projectId, [staff, patrols]],
    );
    await put(staff, '2025-07', { actual: '1.2万' }).expect(200);
    const snapshot = () =>
      ds.query(
        `SELECT r.id, r.version, r.warnings_acknowledged, rp.status, rp.version AS period_version
           FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
           JOIN report_periods rp ON rp.project_id = g.project_id AND rp.period = r.period
          WHERE g.project_id = $1 AND r.period = '2025-07' ORDER BY r.id`,
        [projectId],
      );
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(2);

    // Budget execution missing and warnings unacknowledged: every problem at once, acknowledging or not.
    const incomplete = await submit('2025-07', { acknowledgeWarnings: true }).expect(400);
    expect(Object.keys(incomplete.body.errors)).toEqual(['budgetExecution']);
    const refused = await submit('2025-07', {}).expect(400);
    expect(Object.keys(refused.body.errors).sort()).toEqual(
      ['budgetExecution', `warnings.${patrols}`, `warnings.${staff}`].sort(),
    );
    expect(refused.body.errors[`warnings.${patrols}`]).toBe(
      `warnings.${patrols}：${patrolsName}：累计完成值 90 低于 6 月填报的 105，累计数不应减少，请核对`,
    );
    expect(await snapshot()).toEqual(before);

    await budget('2025-07', { executed: '100万' }).expect(200);
    const unacknowledged = await submit('2025-07', {}).expect(400);
    expect(unacknowledged.body.message).toBe('本期有提醒尚未确认，请核对后确认再提交');
    expect(Object.keys(unacknowledged.body.errors).sort()).toEqual(
      [`warnings.${patrols}`, `warnings.${staff}`].sort(),
    );
    expect(await snapshot()).toEqual(before);
    const audits = await ds.query(
      `SELECT 1 FROM audit_log WHERE action = 'period.submit' AND entity_id = $1`,
      [before[0].id],
    );
    expect(audits).toEqual([]);
  });

  it('should submit with acknowledgeWarnings, marking the warnings acknowledged in the audited submit', async () => {
    const res = await submit('2025-07', { acknowledgeWarnings: true });
    expect(res.body).toMatchObject({ status: 'submitted' });
    expect(res.body.status).toBe('submitted');
    const rows = await ds.query(
      `SELECT i.name, warnings_acknowledged AS ack FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id
        WHERE r.indicator_id = ANY($1::uuid[]) AND r.period = '2025-07'`,
      [[staff, patrols]],
    );
    expect(rows.map((row: { ack: boolean }) => row.ack)).toEqual([true, true]);
    const names = rows.map((row: { name: string }) => row.name);
    const [audit] = await ds.query(
      `SELECT after FROM audit_log WHERE action = 'period.submit' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.after.acknowledgedWarnings.map((item: { name: string }) => item.name).sort()).toEqual(
      names.sort(),
    );
  });
});
