import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { loadSeedYear, SeededYear } from '../self-evaluation/scripted-year';

const JULY_TO_DECEMBER = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];

describe('plausible entries (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  const http = () => request(app.getHttpServer());
  const put = (id: string, period: string, body: object) =>
    http().put(`/api/indicators/${id}/reports/${period}`).set('Authorization', lead).send(body);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    const signed = await signIn(app, ds, 'lead', seeded.departmentId);
    lead = signed.bearer;
    await ds.query(
      `INSERT INTO project_assignments (project_id, user_id) SELECT id, $2 FROM projects WHERE fiscal_year_id = $1`,
      [seeded.fiscalYearId, signed.user.id],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  /** 人社局社会保险经办机构工作经费 › 举办失业保险相关政策培训、培训人次。 (target "≥1 场、 ≥90 人"). */
  async function trainingIndicator(): Promise<string> {
    const [row] = await ds.query(
      `SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN projects p ON p.id = g.project_id
        WHERE p.fiscal_year_id = $1 AND p.name = '人社局社会保险经办机构工作经费' AND g.term = 'annual'
          AND i.name = '举办失业保险相关政策培训、培训人次。'`,
      [seeded.fiscalYearId],
    );
    return row.id;
  }

  it('should answer 400 naming actual, not 500, when a two-part target gets one value (the six reports of issue #18)', async () => {
    const id = await trainingIndicator();
    const answers = await Promise.all(JULY_TO_DECEMBER.map((period) => put(id, period, { actual: '1' })));
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.body.errors.actual).toMatch(/^actual：该指标有 2 项要求/);
    }
  });

  it('should answer 400 naming forecast when only the forecast has the wrong number of parts', async () => {
    const res = await put(await trainingIndicator(), '2025-07', { actual: '1场、90人', forecast: '2' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['forecast']);
  });
});
