import { INestApplication } from '@nestjs/common';
import {
  assignWeights,
  budgetScore,
  consistencyWarning,
  gradeFor,
  level1For,
  parseActual,
  scoreIndicator,
  type Target,
} from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { assignedLead, loadSeedYear, scriptYear, SeededYear } from './scripted-year';

interface ItemBody {
  indicatorId: string;
  explanation: string | null;
  name: string;
  level1: string;
  level2: string;
  target: Target;
  actual: string | null;
  actualSource: string | null;
  actualPeriod: string | null;
  weight: number;
  score: number | null;
  band: [number, number] | null;
  problem: string | null;
}

describe('self-evaluation (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  let leader: string;
  let admin: string;
  let auditor: string;
  const http = () => request(app.getHttpServer());
  const url = () => `/api/projects/${seeded.projectId}/self-evaluation/2025`;
  const get = (bearer: string) => http().get(url()).set('Authorization', bearer);
  const put = (bearer: string, body: object) => http().put(url()).set('Authorization', bearer).send(body);
  const action = (bearer: string, name: string, body: object = {}) =>
    http().post(`${url()}/${name}`).set('Authorization', bearer).send(body);
  const item = (body: { items: ItemBody[] }, name: string) =>
    body.items.find((i) => i.name === name) as ItemBody;
  const id = (name: string) => seeded.indicators[name];

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    await scriptYear(ds, seeded);
    lead = await assignedLead(app, ds, seeded.departmentId, seeded.projectId);
    ({ bearer: leader } = await signIn(app, ds, 'leader', seeded.departmentId));
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    ({ bearer: auditor } = await signIn(app, ds, 'auditor'));
  });

  afterAll(async () => {
    await app.close();
  });

  describe('scoring a scripted year', () => {
    it('should start from the last report of each indicator and the last budget execution of the year', async () => {
      const { body } = await get(lead).expect(200);
      expect(body).toMatchObject({ status: 'draft', version: 0, id: null, scope: 'project' });
      expect(item(body, '维护设备及系统数量')).toMatchObject({
        actual: '12套',
        actualSource: 'report',
        actualPeriod: '2025-12',
      });
      expect(item(body, '系统故障修复响应时间')).toMatchObject({ actual: '2天', actualPeriod: '2025-11' });
      expect(body.budget).toMatchObject({
        initialBudgetYuan: 530000,
        annualBudgetYuan: 530000,
        executedYuan: 477000,
        executedSource: 'report',
        executedPeriod: '2025-12',
        rate: 90,
        weight: 10,
        score: 9,
      });
    });

    it.each([
      ['机房年度维护成本增加率', '9%', 10, 8.75], // 反向: (1 − (9−8)/8) × 10
      ['维护设备及系统数量', '12套', 10, 9.23], // 正向: 12/13 × 10
      ['机房正常运行时长占比', '99.8%', 10, 10],
      ['系统故障修复响应时间', '2天', 10, 10], // 48 小时 ≤ 48 小时
      ['系统运维响应时间', '45分钟', 10, 5], // (1 − 15/30) × 10
      ['员工满意度', '95%', 10, 10],
    ])(
      'should score %s with %s at weight %d as %d, as libs/domain does',
      async (name, actual, weight, score) => {
        const { body } = await get(lead).expect(200);
        const scored = item(body, name);
        expect(scored).toMatchObject({ actual, weight, score, band: null, problem: null });
        expect(scoreIndicator(scored.target, parseActual(actual, scored.target), weight)).toEqual({ score });
      },
    );

    it('should give every indicator the weight libs/domain assigns (10/50/30/10 by default)', async () => {
      const { body } = await get(lead).expect(200);
      const expected = assignWeights(
        body.items.map((i: ItemBody) => ({ level1: level1For(i.level2) ?? i.level1 })),
      );
      expect(body.items.map((i: ItemBody) => i.weight)).toEqual(expected);
      expect(body.sections).toEqual({ budget: 10, output: 50, benefit: 30, satisfaction: 10 });
      expect(body.weightCheck).toEqual({ valid: true, total: 100, problems: [] });
    });

    it('should leave a judged indicator to the evaluator, with its band, and no total until it is scored', async () => {
      const { body } = await get(lead).expect(200);
      expect(item(body, '保障业务正常开展')).toMatchObject({
        actual: '部分达成',
        weight: 30,
        band: [18, 24],
        score: null,
        judgement: '部分达成',
        problemField: 'score',
      });
      expect(body).toMatchObject({ indicatorScore: 52.98, total: null, grade: null, complete: false });
    });

    it.each([
      [25, '[18, 24)'],
      [24, '[18, 24)'],
      [17.99, '[18, 24)'],
    ])('should refuse a pick of %d outside the band %s, naming the field', async (score, band) => {
      const res = await put(lead, {
        version: 0,
        items: [{ indicatorId: id('保障业务正常开展'), score }],
      }).expect(400);
      expect(res.body.errors['items[0].score']).toContain(band);
      expect(
        (await ds.query(`SELECT 1 FROM self_evaluations WHERE project_id = $1`, [seeded.projectId])).length,
      ).toBe(0);
    });

    it('should total, grade and check consistency with libs/domain once the pick is inside the band', async () => {
      const { body } = await put(lead, {
        version: 0,
        items: [
          {
            indicatorId: id('保障业务正常开展'),
            score: 21,
            deviationAnalysis: '下半年机房搬迁，部分业务短时中断；已完成双链路改造',
          },
        ],
        overallResult: '机房软硬件运行稳定，全年网络无重大故障',
      }).expect(200);
      const scores = body.items.map((i: ItemBody) => i.score);
      expect(scores).toEqual([8.75, 9.23, 10, 10, 5, 21, 10]);
      expect(body).toMatchObject({
        version: 1,
        status: 'draft',
        indicatorScore: 73.98,
        total: 82.98,
        grade: '良',
        complete: true,
        overallResult: '机房软硬件运行稳定，全年网络无重大故障',
      });
      expect(body.budget.score).toBe(budgetScore(477000, 530000));
      expect(body.grade).toBe(gradeFor(body.total));
      expect(body.consistency).toEqual(consistencyWarning(73.98, 9));
      expect(item(body, '保障业务正常开展')).toMatchObject({ score: 21, pickedScore: 21 });
      // Every score carries its formula with the figures.
      expect(body.items.every((i: ItemBody) => i.explanation)).toBe(true);
      expect(item(body, '保障业务正常开展').explanation).toBe(
        '定性指标评定为“部分达成”，得分区间 [18, 24)，评定得分 21',
      );
      expect(body.budget.explanation).toBe(
        '执行率 = 477000 ÷ 530000 × 100% = 90.00%；得分 = 10 × 477000 ÷ 530000 = 9',
      );
      expect(body.totalExplanation).toBe('总分 = 预算执行率得分 9 + 指标得分 73.98 = 82.98 → 等级“良”');
      const [stored] = await ds.query(
        `SELECT total_score::float8 AS total, grade FROM self_evaluations WHERE project_id = $1`,
        [seeded.projectId],
      );
      expect(stored).toEqual({ total: 82.98, grade: '良' });
    });
  });

  describe('writes by the lead', () => {
    it('should refuse a save from a stale version with the current evaluation', async () => {
      const res = await put(lead, { version: 0, overallResult: '覆盖' }).expect(409);
      expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 1 } } });
      await put(lead, { overallResult: '覆盖' }).expect(409);
    });

    it('should take an entered final actual over the reports, and go back to the report when cleared', async () => {
      const entered = await put(lead, {
        version: 1,
        items: [{ indicatorId: id('维护设备及系统数量'), actual: '13套' }],
      }).expect(200);
      expect(item(entered.body, '维护设备及系统数量')).toMatchObject({
        actual: '13套',
        actualSource: 'entered',
        score: 10,
      });
      expect(entered.body.total).toBe(83.75);
      const cleared = await put(lead, {
        version: 2,
        items: [{ indicatorId: id('维护设备及系统数量'), actual: null }],
      }).expect(200);
      expect(item(cleared.body, '维护设备及系统数量')).toMatchObject({
        actual: '12套',
        actualSource: 'report',
      });
    });

    it.each([
      ['an actual in a unit the target cannot compare', { actual: '5小时' }, 'items[0].actual', /单位/],
      ['a pick on an indicator scored by formula', { score: 5 }, 'items[0].score', /公式/],
    ])('should answer 400 for %s', async (_case, change, field, message) => {
      const res = await put(lead, {
        version: 3,
        items: [{ indicatorId: id('机房正常运行时长占比'), ...change }],
      }).expect(400);
      expect(res.body.errors[field]).toMatch(message);
    });

    it.each([
      [
        'an indicator of another project',
        { indicatorId: '00000000-0000-4000-8000-000000000000' },
        'items[0].indicatorId',
      ],
      ['a negative executed amount', { executedYuan: -1 }, 'executedYuan'],
      ['an unknown field', { grade: '优' }, 'grade'],
      ['a budget the project takes from its 当年预算', { annualBudgetYuan: 1 }, 'annualBudgetYuan'],
    ])('should answer 400 naming the field for %s', async (_case, body, field) => {
      const payload = 'indicatorId' in body ? { version: 3, items: [body] } : { version: 3, ...body };
      const res = await put(lead, payload).expect(400);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('should let the lead correct the executed amount', async () => {
      const { body } = await put(lead, { version: 3, executedYuan: 265000 }).expect(200);
      expect(body.budget).toMatchObject({
        executedYuan: 265000,
        executedSource: 'entered',
        rate: 50,
        score: 5,
      });
      expect(body.consistency).toMatchObject({ light: 'red' });
      const back = await put(lead, { version: 4, executedYuan: null }).expect(200);
      expect(back.body.budget).toMatchObject({ executedYuan: 477000, score: 9 });
    });
  });

  describe('weights', () => {
    it('should refuse weights that do not add up to 100, naming the field, and write nothing', async () => {
      const res = await put(admin, {
        version: 5,
        items: [{ indicatorId: id('员工满意度'), weight: 20 }],
      }).expect(400);
      expect(res.body.errors.weights).toContain('总分值为 110，必须等于 100');
      const [{ version }] = await ds.query(`SELECT version FROM self_evaluations WHERE project_id = $1`, [
        seeded.projectId,
      ]);
      expect(version).toBe(5);
    });

    it('should let the admin set sections and per-indicator weights that add up to 100', async () => {
      const { body } = await put(admin, {
        version: 5,
        sections: { budget: 20, output: 40 },
        items: [{ indicatorId: id('维护设备及系统数量'), weight: 12 }],
      }).expect(200);
      expect(body.sections).toEqual({ budget: 20, output: 40, benefit: 30, satisfaction: 10 });
      expect(item(body, '维护设备及系统数量')).toMatchObject({ weight: 12, weightSource: 'evaluation' });
      expect(item(body, '机房年度维护成本增加率').weight).toBe(7); // (40 − 12) / 4
      expect(body.budget).toMatchObject({ weight: 20, score: 18 });
      expect(body.weightCheck.total).toBe(100);
    });

    it('should keep weights to the admin and values to the lead', async () => {
      const byLead = await put(lead, { version: 6, items: [{ indicatorId: id('员工满意度'), weight: 10 }] });
      expect(byLead.status).toBe(403);
      const byAdmin = await put(admin, {
        version: 6,
        items: [{ indicatorId: id('员工满意度'), actual: '99%' }],
      });
      expect(byAdmin.status).toBe(403);
    });

    it('should restore the default split when the admin clears the weights', async () => {
      const { body } = await put(admin, {
        version: 6,
        sections: { budget: 10, output: 50 },
        items: [{ indicatorId: id('维护设备及系统数量'), weight: null }],
      }).expect(200);
      expect(body.items.map((i: ItemBody) => i.weight)).toEqual([10, 10, 10, 10, 10, 30, 10]);
      expect(body.total).toBe(82.98);
    });

    it('should show why the default weights cannot add up when a section has no indicator', async () => {
      const [{ id: partyProject }] = await ds.query(
        `SELECT id FROM projects WHERE fiscal_year_id = $1 AND name = '党建'`,
        [seeded.fiscalYearId],
      );
      const { body } = await http()
        .get(`/api/projects/${partyProject}/self-evaluation/2025`)
        .set('Authorization', leader)
        .expect(200);
      expect(body.weightCheck).toMatchObject({
        valid: false,
        problems: expect.arrayContaining(['满意度指标没有三级指标，其 10 分无法分配']),
      });
      expect(body.complete).toBe(false);
    });
  });

  describe('workflow', () => {
    it('should go draft → submitted (frozen) → returned → submitted → approved (423), then unlocked', async () => {
      const submitted = await action(lead, 'submit', { version: 7 }).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', total: 82.98, grade: '良' });

      // A report changed after submission does not change the submitted evaluation.
      await ds.query(
        `UPDATE progress_reports SET actual_raw = '80%' WHERE indicator_id = $1 AND period = '2025-12'`,
        [id('员工满意度')],
      );
      const frozen = await get(leader).expect(200);
      expect(item(frozen.body, '员工满意度')).toMatchObject({
        actual: '95%',
        score: 10,
        actualSource: 'report',
      });
      const locked = await put(lead, { version: frozen.body.version, overallResult: '改' }).expect(423);
      expect(locked.body.message).toContain('退回');

      await action(lead, 'approve').expect(403);
      const noReason = await action(leader, 'return', { reason: ' ' }).expect(400);
      expect(noReason.body.errors.reason).toBeDefined();
      const returned = await action(leader, 'return', { reason: '请补充满意度调查材料' }).expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请补充满意度调查材料' });
      // Returned: the draft follows the reports again.
      expect(item(returned.body, '员工满意度')).toMatchObject({ actual: '80%', score: 8.89 });

      await put(lead, {
        version: returned.body.version,
        items: [{ indicatorId: id('员工满意度'), actual: '95%', deviationAnalysis: '以年终问卷为准' }],
      }).expect(200);
      const again = await action(lead, 'submit').expect(200);
      expect(again.body.status).toBe('submitted');
      const approved = await action(leader, 'approve', { version: again.body.version }).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', total: 82.98, grade: '良' });

      const refused = await put(lead, { version: approved.body.version, overallResult: '改' }).expect(423);
      expect(refused.body.message).toContain('解锁');
      await action(lead, 'submit').expect(409);
      await action(leader, 'unlock', { reason: '更正' }).expect(403);
      const unlocked = await action(admin, 'unlock', { reason: '审计发现满意度样本不足' }).expect(200);
      expect(unlocked.body.status).toBe('draft');

      const audit = await ds.query(
        `SELECT action, reason FROM audit_log WHERE entity = 'self-evaluation' AND entity_id = $1 ORDER BY id`,
        [unlocked.body.id],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual([
        'self-evaluation.create',
        'self-evaluation.update',
        'self-evaluation.update',
        'self-evaluation.update',
        'self-evaluation.update',
        'self-evaluation.update',
        'self-evaluation.update',
        'self-evaluation.submit',
        'self-evaluation.return',
        'self-evaluation.update',
        'self-evaluation.submit',
        'self-evaluation.approve',
        'self-evaluation.unlock',
      ]);
      expect(audit.at(-1).reason).toBe('审计发现满意度样本不足');
    });
  });

  describe('permissions', () => {
    it('should refuse the lead of another project, the leader and the auditor as writers', async () => {
      const { version } = (await get(lead).expect(200)).body;
      const otherLead = await signIn(app, ds, 'lead', seeded.departmentId);
      for (const bearer of [otherLead.bearer, leader, auditor])
        expect((await put(bearer, { version, overallResult: '越权' })).status).toBe(403);
      expect((await action(otherLead.bearer, 'submit')).status).toBe(403);
      expect((await action(auditor, 'approve')).status).toBe(403);
    });

    it('should let the auditor read and keep other departments out', async () => {
      await get(auditor).expect(200);
      const [other] = await ds.query(
        `INSERT INTO departments (code, name) VALUES ($1, '其他部门') RETURNING id`,
        [uniqueCode()],
      );
      const outsider = await signIn(app, ds, 'leader', other.id);
      expect((await get(outsider.bearer)).status).toBe(403);
      expect(
        (
          await http()
            .get(`/api/departments/${seeded.code}/years/2025/self-evaluation`)
            .set('Authorization', outsider.bearer)
        ).status,
      ).toBe(403);
    });

    it('should answer 404 for a year the project does not belong to', async () => {
      await http()
        .get(`/api/projects/${seeded.projectId}/self-evaluation/2024`)
        .set('Authorization', lead)
        .expect(404);
    });
  });

  describe('the department as a whole', () => {
    const deptUrl = () => `/api/departments/${seeded.code}/years/2025/self-evaluation`;

    it('should evaluate the 表11 annual goals and list every project', async () => {
      const { body } = await http().get(deptUrl()).set('Authorization', leader).expect(200);
      expect(body.overall).toMatchObject({ scope: 'department', projectId: null, status: 'draft' });
      expect(body.overall.goals).toHaveLength(4);
      expect(body.overall.items).toHaveLength(50);
      expect(body.overall.budget).toMatchObject({
        annualBudgetYuan: 121988200, // 支出总计 12198.82 万元
        executedYuan: null,
        projectsExecutedYuan: 477000,
        score: null,
      });
      expect(body.overall.budget.problem).toContain('绩效管理员');
      expect(body.projects).toHaveLength(12);
      expect(body.projects[0]).toMatchObject({
        name: '信息化建设',
        status: 'draft',
        total: 82.98,
        grade: '良',
        budgetScore: 9,
        rate: 90,
        indicators: 7,
      });
    });

    it('should let only the admin write it, and score its budget once the executed amount is entered', async () => {
      await http()
        .put(deptUrl())
        .set('Authorization', lead)
        .send({ version: 0, executedYuan: 1 })
        .expect(403);
      const { body } = await http()
        .put(deptUrl())
        .set('Authorization', admin)
        .send({ version: 0, executedYuan: 115888790 })
        .expect(200);
      expect(body.budget).toMatchObject({ executedYuan: 115888790, rate: 95, score: 9.5 });
      const weights = await http()
        .put(deptUrl())
        .set('Authorization', admin)
        .send({ version: 1, sections: { satisfaction: 5 } })
        .expect(400);
      expect(weights.body.errors.weights).toContain('必须等于 100');
    });
  });
});
