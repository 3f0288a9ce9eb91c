import { INestApplication } from '@nestjs/common';
import { DEFAULT_SCORING_PROFILE, type RuleSettings } from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { assignedLead, loadSeedYear, scriptYear, SeededYear } from '../self-evaluation/scripted-year';

interface ItemBody {
  name: string;
  weight: number;
  score: number | null;
  explanation: string | null;
}

/** The scoring profile of the department-year's rules is stored with each evaluation: its score is reproducible. */
describe('scoring profile of the rules (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  let admin: string;
  const http = () => request(app.getHttpServer());
  const url = () => `/api/projects/${seeded.projectId}/self-evaluation/2025`;
  const rulesUrl = () => `/api/departments/${seeded.code}/years/2025/rules`;
  const evaluation = async () => (await http().get(url()).set('Authorization', lead).expect(200)).body;
  const change = async (edit: (s: RuleSettings) => void) => {
    const { body } = await http().get(rulesUrl()).set('Authorization', admin).expect(200);
    edit(body.settings);
    await http()
      .put(rulesUrl())
      .set('Authorization', admin)
      .send({ ...body.settings, version: body.version })
      .expect(200);
  };
  const scoreOf = (body: { items: ItemBody[] }, name: string) =>
    body.items.find((item) => item.name === name) as ItemBody;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    await scriptYear(ds, seeded);
    lead = await assignedLead(app, ds, seeded.departmentId, seeded.projectId);
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should score by the national profile until the rules say otherwise', async () => {
    const body = await evaluation();
    expect(body.scoringProfile).toEqual(DEFAULT_SCORING_PROFILE);
    // 反向: (1 − (9 − 8) ÷ 8) × 10
    expect(scoreOf(body, '机房年度维护成本增加率').score).toBe(8.75);
    expect(body.budget).toMatchObject({ weight: 10, score: 9 });
  });

  it('should store the profile in force when the evaluation is created, and keep the score after the rules change', async () => {
    await change((s) => {
      s.scoring.lowerFormula = 'ratio';
      s.scoring.sections = { budget: 20, output: 40, benefit: 30, satisfaction: 10 };
    });
    const proposed = await evaluation();
    // Not created yet: the department-year's profile now — 反向 as 8 ÷ 9 × W (产出 40 shared), the budget worth 20.
    const lower = scoreOf(proposed, '机房年度维护成本增加率');
    expect(lower.score).toBe(Math.round((8 / 9) * lower.weight * 100) / 100);
    expect(lower.explanation).toContain('8 ÷ 9');
    expect(proposed.budget).toMatchObject({ weight: 20, score: 18 });
    expect(proposed.sections).toEqual({ budget: 20, output: 40, benefit: 30, satisfaction: 10 });

    const created = await http()
      .put(url())
      .set('Authorization', lead)
      .send({ version: 0, overallResult: '全年运维保障到位' })
      .expect(200);
    const [row] = await ds.query(
      `SELECT scoring_profile AS profile, budget_weight::float8 AS "budgetWeight" FROM self_evaluations WHERE id = $1`,
      [created.body.id],
    );
    expect(row).toEqual({
      profile: { ...DEFAULT_SCORING_PROFILE, lowerFormula: 'ratio', sections: proposed.sections },
      budgetWeight: 20,
    });

    // The rules change back to the national profile: the evaluation keeps the one it was created with.
    await change((s) => {
      s.scoring.lowerFormula = 'linear';
      s.scoring.decimals = 0;
      s.scoring.sections = { budget: 10, output: 50, benefit: 30, satisfaction: 10 };
    });
    const after = await evaluation();
    expect(after.scoringProfile).toMatchObject({ lowerFormula: 'ratio', decimals: 2 });
    expect(scoreOf(after, '机房年度维护成本增加率')).toEqual(scoreOf(created.body, '机房年度维护成本增加率'));
    expect(after.budget).toMatchObject({ weight: 20, score: 18 });
    expect(after.indicatorScore).toBe(created.body.indicatorScore);
    expect(after.total).toBe(created.body.total);
  });
});
