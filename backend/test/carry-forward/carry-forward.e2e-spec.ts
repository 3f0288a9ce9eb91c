import { INestApplication } from '@nestjs/common';
import { parseTarget, type Target } from '@jixiao/domain';
import type { Workbook } from 'exceljs';
import { randomInt } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { cellText } from '../../src/modules/exports/target-sheet.reader';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { binary, readWorkbook } from '../factories/xlsx.factory';
import { createTestApp } from '../setup/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface IndicatorRow {
  id: string;
  name: string;
  project: string;
  target_raw: string;
  target_value: string | null;
  prev1_raw: string | null;
}

/** Every cell of a workbook as text, to find what an export wrote. */
const textsOf = (workbook: Workbook): string[] =>
  workbook.worksheets.flatMap((sheet) => {
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cellText(cell))));
    return texts;
  });

/** Next year from this year (结转): POST /api/departments/:code/years/:year/carry-forward and its proposals. */
describe('carry-forward to next year (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  let leader: string;
  let lead: string;
  let otherLead: string;
  let departmentId: string;
  // Digits only: the normalized document (JSON export) allows no other 部门编码.
  const code = `9${randomInt(1e9)}`;
  const http = () => request(app.getHttpServer());
  const carry = (bearer = admin, year = 2025, dept = code) =>
    http().post(`/api/departments/${dept}/years/${year}/carry-forward`).set('Authorization', bearer);
  const download = async (url: string): Promise<Buffer> =>
    (await http().get(url).set('Authorization', admin).buffer(true).parse(binary).expect(200)).body;
  const upload = (content: Buffer, filename: string, contentType: string) =>
    http()
      .post('/api/imports?mode=preview')
      .set('Authorization', admin)
      .attach('file', content, { filename, contentType });

  /** A 2025 annual indicator of a project matching `where`, with what the carry-forward reads of it. */
  const pick = async (where: string): Promise<IndicatorRow> => {
    const [row] = await ds.query(
      `SELECT i.id, i.name, p.name AS project, i.target_raw, i.target_value, i.prev1_raw
         FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN projects p ON p.id = g.project_id
         JOIN fiscal_years fy ON fy.id = g.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND fy.year = 2025 AND g.term = 'annual' AND ${where}
        ORDER BY p.seq, g.seq, i.seq LIMIT 1`,
      [code],
    );
    expect(row).toBeDefined();
    return row;
  };
  const report = (indicatorId: string, period: string, raw: string, value: number) =>
    ds.query(
      `INSERT INTO progress_reports (indicator_id, period, actual_raw, actual_value) VALUES ($1, $2, $3, $4)`,
      [indicatorId, period, raw, value],
    );
  /** The 2026 copy of a 2025 indicator. */
  const copyOf = async (
    id: string,
  ): Promise<{
    id: string;
    version: number;
    target_raw: string;
    target_parsed: Target;
    prev1_raw: string | null;
    prev2_raw: string | null;
    target_proposal: Record<string, unknown> | null;
  }> => {
    const [row] = await ds.query(
      `SELECT id, version, target_raw, target_parsed, prev1_raw, prev2_raw, target_proposal
         FROM indicators WHERE carried_from_id = $1`,
      [id],
    );
    return row;
  };

  let raised: IndicatorRow; // 正向 rate, met: 97 %
  let lowered: IndicatorRow; // 反向, under its ceiling
  let missed: IndicatorRow; // 正向 count, short of its target

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    [{ id: departmentId }] = await ds.query(`SELECT id FROM departments WHERE code = $1`, [code]);
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    ({ bearer: leader } = await signIn(app, ds, 'leader', departmentId));
    raised = await pick(
      `i.target_operator = '>=' AND i.target_direction = 'higher' AND i.target_unit = '%' AND i.target_value <= 95`,
    );
    lowered = await pick(
      `i.target_operator IN ('<=', '<') AND i.target_direction = 'lower' AND i.target_value >= 2 AND i.target_accumulation <> 'zero-tolerance'`,
    );
    missed = await pick(
      `i.target_operator = '>=' AND i.target_direction = 'higher' AND i.target_accumulation = 'cumulative' AND i.target_value >= 10`,
    );
    await report(raised.id, '2025-03', '60%', 60);
    await report(raised.id, '2025-11', '97%', 97);
    await report(lowered.id, '2025-10', 'half', Number(lowered.target_value) / 2);
    await report(missed.id, '2025-12', 'short', Number(missed.target_value) / 2);
    const lead1 = await signIn(app, ds, 'lead', departmentId);
    lead = lead1.bearer;
    ({ bearer: otherLead } = await signIn(app, ds, 'lead', departmentId));
    await ds.query(
      `INSERT INTO project_assignments (project_id, user_id)
       SELECT g.project_id, $2 FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE i.id = $1`,
      [raised.id, lead1.user.id],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse anyone but the admin (403) and an unknown department or year (404)', async () => {
    await carry(leader).expect(403);
    await carry(lead).expect(403);
    await carry(admin, 2030).expect(404);
    await carry(admin, 2025, uniqueCode()).expect(404);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM fiscal_years WHERE department_id = $1 AND year = 2026`,
      [departmentId],
    );
    expect(n).toBe(0);
  });

  describe('once carried forward', () => {
    let body: Record<string, unknown> & { proposals: { total: number; changed: number } };

    beforeAll(async () => {
      body = (await carry().expect(201)).body;
    });

    it('should create 2026 with every current project, goal and indicator of 2025, audited', async () => {
      const [live] = await ds.query(
        `SELECT (SELECT count(*)::int FROM projects p WHERE p.fiscal_year_id = fy.id AND p.archived_at IS NULL) AS projects,
                (SELECT count(*)::int FROM goals g WHERE g.fiscal_year_id = fy.id AND g.archived_at IS NULL) AS goals,
                (SELECT count(*)::int FROM indicators i JOIN goals g ON g.id = i.goal_id
                  WHERE g.fiscal_year_id = fy.id AND i.archived_at IS NULL) AS indicators,
                (SELECT count(*)::int FROM indicators i JOIN goals g ON g.id = i.goal_id
                  WHERE g.fiscal_year_id = fy.id AND g.term = 'annual' AND i.archived_at IS NULL) AS annual
           FROM fiscal_years fy WHERE fy.department_id = $1 AND fy.year = 2025`,
        [departmentId],
      );
      expect(live.projects).toBeGreaterThan(10);
      expect(body).toMatchObject({
        departmentCode: code,
        fromYear: 2025,
        year: 2026,
        projects: live.projects,
        goals: live.goals,
        indicators: live.indicators,
        assignments: 1,
      });
      expect(body.proposals.total).toBe(live.annual);
      const [fy] = await ds.query(
        `SELECT fy.status, (SELECT count(*)::int FROM projects p WHERE p.fiscal_year_id = fy.id) AS projects
           FROM fiscal_years fy WHERE fy.id = $1`,
        [body.fiscalYearId],
      );
      expect(fy).toEqual({ status: 'draft', projects: live.projects });
      const [audit] = await ds.query(
        `SELECT action, after FROM audit_log WHERE action = 'fiscal-year.carry-forward' AND entity_id = $1`,
        [body.fiscalYearId],
      );
      expect(audit.after).toMatchObject({ year: 2026, indicators: live.indicators });
    });

    it('should answer 409 the second time and write nothing more', async () => {
      const res = await carry().expect(409);
      expect(res.body.message).toContain('2026 年度已存在');
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM fiscal_years WHERE department_id = $1`, [
        departmentId,
      ]);
      expect(n).toBe(2);
    });

    it('should keep 2025 the year pages open at: 2026 has no report yet (currentYear)', async () => {
      const res = await http().get('/api/departments').set('Authorization', admin).expect(200);
      const department = (res.body as { code: string; years: number[]; currentYear: number }[]).find(
        (item) => item.code === code,
      );
      expect(department).toMatchObject({ years: [2025, 2026], currentYear: 2025 });
    });

    it('should make this year’s latest actual 上年 and this year’s 上年 前年', async () => {
      const next = await copyOf(raised.id);
      expect(next.prev1_raw).toBe('97%');
      expect(next.prev2_raw).toBe(raised.prev1_raw);
      const withoutReport = await copyOf(
        (await pick(`NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.indicator_id = i.id)`)).id,
      );
      expect(withoutReport.prev1_raw).toBeNull();
    });

    it('should propose a 正向 target above this year’s actual, in the same form, for the lead to confirm', async () => {
      const next = await copyOf(raised.id);
      expect(next.target_parsed.value).toBeGreaterThan(97);
      expect(next.target_parsed.value).toBeLessThanOrEqual(100);
      expect(next.target_parsed).toMatchObject({ operator: '>=', unit: '%', direction: 'higher' });
      expect(next.target_proposal).toEqual({
        basis: 'raised-to-actual',
        from: raised.target_raw,
        actual: '97%',
        actualPeriod: '2025-11',
      });
    });

    it('should propose a 反向 target never above this year’s actual', async () => {
      const next = await copyOf(lowered.id);
      expect(next.target_parsed.value).toBeLessThanOrEqual(Number(lowered.target_value) / 2);
      expect(next.target_proposal).toMatchObject({ basis: 'lowered-to-actual' });
    });

    it('should keep a 正向 target that was missed (it stays above the actual)', async () => {
      const next = await copyOf(missed.id);
      expect(next.target_raw).toBe(missed.target_raw);
      expect(next.target_proposal).toMatchObject({ basis: 'kept-above-actual' });
    });

    it('should never propose below the actual for 正向 nor above it for 反向, over every proposal', async () => {
      const rows: { target_parsed: Target; actual_value: string }[] = await ds.query(
        `SELECT ni.target_parsed, r.actual_value FROM indicators ni
           JOIN goals g ON g.id = ni.goal_id JOIN progress_reports r ON r.indicator_id = ni.carried_from_id
          WHERE g.fiscal_year_id = $1 AND ni.target_proposal IS NOT NULL AND r.actual_value IS NOT NULL`,
        [body.fiscalYearId],
      );
      const checked = rows.filter((r) => ['>=', '<='].includes(r.target_parsed.operator));
      expect(checked.length).toBeGreaterThanOrEqual(3);
      for (const { target_parsed: t, actual_value } of checked) {
        if (t.direction === 'higher') expect(t.value).toBeGreaterThanOrEqual(Number(actual_value));
        if (t.direction === 'lower') expect(t.value).toBeLessThanOrEqual(Number(actual_value));
      }
    });

    it('should list the pending proposals and let the project’s lead confirm one (stale → 409)', async () => {
      const list = (
        await http()
          .get(`/api/departments/${code}/years/2026/target-proposals`)
          .set('Authorization', leader)
          .expect(200)
      ).body as { indicatorId: string; version: number; proposal: { basis: string } }[];
      expect(list).toHaveLength(body.proposals.total);
      const next = await copyOf(raised.id);
      const item = list.find((p) => p.indicatorId === next.id);
      expect(item?.proposal.basis).toBe('raised-to-actual');
      const confirm = (bearer: string, send: object) =>
        http().post(`/api/indicators/${next.id}/confirm-proposal`).set('Authorization', bearer).send(send);
      await confirm(otherLead, { version: next.version }).expect(403);
      await confirm(lead, { version: next.version + 1 }).expect(409);
      await confirm(lead, { version: next.version, target: '  ' }).expect(400);
      const confirmed = (await confirm(lead, { version: next.version }).expect(200)).body;
      expect(confirmed).toMatchObject({ id: next.id, version: next.version + 1, target: next.target_raw });
      expect((await copyOf(raised.id)).target_proposal).toBeNull();
      await confirm(lead, { version: confirmed.version }).expect(409);
      const [audit] = await ds.query(
        `SELECT before, after FROM audit_log WHERE action = 'indicator.confirm-proposal' AND entity_id = $1`,
        [next.id],
      );
      expect(audit.before.proposal.basis).toBe('raised-to-actual');
    });

    it('should let the admin confirm with their own target, read in 2026', async () => {
      const next = await copyOf(lowered.id);
      const res = await http()
        .post(`/api/indicators/${next.id}/confirm-proposal`)
        .set('Authorization', admin)
        .send({ version: next.version, target: '≤1小时' })
        .expect(200);
      expect(res.body.reading).toMatchObject({ operator: '<=', value: 1, unit: '小时', direction: 'lower' });
      expect(await copyOf(lowered.id)).toMatchObject({ target_raw: '≤1小时', target_proposal: null });
    });

    it('should export 2026 in the 表12 layout with the proposals and 上年, and import it back with nothing to change', async () => {
      const before = await ds.query(
        `SELECT i.id, i.version FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.fiscal_year_id = $1 ORDER BY i.id`,
        [body.fiscalYearId],
      );
      const content = await download(`/api/departments/${code}/years/2026/targets.xlsx`);
      const texts = textsOf(await readWorkbook(content));
      expect(texts).toContain('（2026 年度）');
      expect(texts).toContain((await copyOf(raised.id)).target_raw);
      expect(texts).toContain('97%');
      const res = await upload(content, 'targets.xlsx', XLSX).expect(200);
      expect(res.body).toMatchObject({ departmentCode: code, year: 2026, preview: true });
      if (!res.body.unchanged)
        for (const kind of ['projects', 'goals', 'indicators'])
          expect(res.body.summary[kind]).toMatchObject({ created: 0, updated: 0, archived: 0 });
      expect(
        await ds.query(
          `SELECT i.id, i.version FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.fiscal_year_id = $1 ORDER BY i.id`,
          [body.fiscalYearId],
        ),
      ).toEqual(before);
    });

    it('should export 2026 in the provincial layout and preview its re-import into 2026', async () => {
      const content = await download(`/api/departments/${code}/years/2026/targets-provincial.xlsx`);
      const workbook = await readWorkbook(content);
      expect(workbook.worksheets.length).toBeGreaterThan(5);
      expect(textsOf(workbook)).toContain(raised.name);
      const res = await upload(content, 'provincial.xlsx', XLSX).expect(200);
      expect(res.body).toMatchObject({ departmentCode: code, year: 2026, preview: true, unchanged: false });
      expect(res.body.summary.projects).toMatchObject({ created: 0, archived: 0 });
      expect(res.body.summary.goals).toMatchObject({ created: 0, archived: 0 });
      expect(res.body.markdown).toContain('## 载入预览（未写入）');
    });

    it('should export 2026 as the normalized document and preview its re-import with no change', async () => {
      const json = (
        await http()
          .get(`/api/departments/${code}/years/2026/export`)
          .set('Authorization', admin)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;
      const doc = JSON.parse(json.toString('utf8'));
      expect(doc.year).toBe(2026);
      const res = await upload(json, 'doc.json', 'application/json').expect(200);
      expect(res.body).toMatchObject({ year: 2026, preview: true });
      for (const kind of ['projects', 'goals', 'indicators'])
        expect(res.body.summary[kind]).toMatchObject({ created: 0, archived: 0 });
      // The proposals the import would read again are the stored texts: each still reads the same.
      const stored = await copyOf(missed.id);
      expect(parseTarget(stored.target_raw).value).toBe(stored.target_parsed.value);
    });
  });
});
