import { INestApplication } from '@nestjs/common';
import type { Target } from '@jixiao/domain';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { insertReport, type LoadedDepartment, loadDepartment } from '../read-api/read-fixtures';
import { createTestApp } from '../setup/test-app';

/** Editing the trees by hand (docs/domain.md, "Editing the trees"): every route, its errors and who may call it. */
describe('tree editing (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let own: LoadedDepartment;
  let other: LoadedDepartment;
  let admin: string;
  let lead: string; // assigned to own.projects[0]
  let otherLead: string; // a lead of the other department
  let projectId: string;
  let annualGoal: { id: string; version: number };
  let secondGoal: { id: string };
  let otherProjectGoal: { id: string };

  const http = () => request(app.getHttpServer());
  const auth = (method: 'post' | 'patch' | 'delete', url: string, bearer: string) =>
    http()[method](url).set('Authorization', bearer);
  const auditOf = async (action: string, entityId: string) =>
    ds.query(`SELECT before, after, reason FROM audit_log WHERE action = $1 AND entity_id = $2`, [
      action,
      entityId,
    ]);
  const goalOf = (projectId: string | null, term: string, fiscalYearId: string) =>
    ds
      .query(
        `SELECT id, version FROM goals WHERE fiscal_year_id = $1 AND project_id IS NOT DISTINCT FROM $2::uuid AND term = $3
          AND archived_at IS NULL ORDER BY seq`,
        [fiscalYearId, projectId, term],
      )
      .then((rows: { id: string; version: number }[]) => rows);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    own = await loadDepartment(app, ds, uniqueCode());
    other = await loadDepartment(app, ds, uniqueCode());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    const signedLead = await signIn(app, ds, 'lead', own.departmentId);
    lead = signedLead.bearer;
    ({ bearer: otherLead } = await signIn(app, ds, 'lead', other.departmentId));
    projectId = own.projects[0].id;
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      projectId,
      signedLead.user.id,
    ]);
    // A loaded document's trees are approved (§17); the lead's project goes back to a draft, as a returned 申报 does.
    await ds.query(`UPDATE goal_trees SET status = 'draft' WHERE project_id = $1`, [projectId]);
    [annualGoal] = await goalOf(projectId, 'annual', own.fiscalYearId);
    const created = await auth('post', `/api/projects/${projectId}/goals`, admin)
      .send({ term: 'annual', title: '第二个年度目标' })
      .expect(201);
    secondGoal = created.body;
    [otherProjectGoal] = await goalOf(own.projects[1].id, 'annual', own.fiscalYearId);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('the tree lifecycle (§17)', () => {
    it('should refuse a lead’s edit of an approved tree, pointing to 调整, while the admin still corrects it', async () => {
      await ds.query(`UPDATE goal_trees SET status = 'approved' WHERE project_id = $1`, [projectId]);
      try {
        const refused = await auth('post', `/api/goals/${annualGoal.id}/indicators`, lead)
          .send({ level1: '产出指标', level2: '数量指标', name: '批复后新增', target: '≥3次' })
          .expect(409);
        expect(refused.body.message).toMatch(/调整/);
        const corrected = await auth('post', `/api/goals/${annualGoal.id}/indicators`, admin)
          .send({ level1: '产出指标', level2: '数量指标', name: '批复后管理员更正', target: '≥3次' })
          .expect(201);
        expect(await auditOf('indicator.create', corrected.body.id)).toHaveLength(1);
        await auth(
          'delete',
          `/api/indicators/${corrected.body.id}?version=${corrected.body.version}`,
          admin,
        ).expect(200);
      } finally {
        await ds.query(`UPDATE goal_trees SET status = 'draft' WHERE project_id = $1`, [projectId]);
      }
    });
  });

  describe('POST /api/departments/:code/years', () => {
    it('should create the next year once (201, audited), then answer 409 naming year', async () => {
      const res = await auth('post', `/api/departments/${own.code}/years`, admin)
        .send({ year: 2026 })
        .expect(201);
      expect(res.body).toMatchObject({ code: own.code, year: 2026, version: 1 });
      expect(await auditOf('fiscal-year.create', res.body.id)).toHaveLength(1);
      const again = await auth('post', `/api/departments/${own.code}/years`, admin)
        .send({ year: 2026 })
        .expect(409);
      expect(again.body.errors.year).toMatch(/^year：/);
    });

    it('should answer 404 for an unknown department, 400 for a year out of range and 403 for a lead', async () => {
      await auth('post', `/api/departments/NOSUCH1/years`, admin).send({ year: 2026 }).expect(404);
      const bad = await auth('post', `/api/departments/${own.code}/years`, admin)
        .send({ year: 1999 })
        .expect(400);
      expect(bad.body.errors.year).toMatch(/^year：/);
      await auth('post', `/api/departments/${own.code}/years`, lead).send({ year: 2027 }).expect(403);
    });
  });

  describe('POST /api/departments/:code/years/:year/projects and PATCH /api/projects/:id', () => {
    const header = {
      code: 'TE-2026-001',
      name: '技能培训补贴',
      budget: 120.5,
      totalBudget: 360,
      startYear: 2026,
      endYear: 2028,
    };
    let created: { id: string; version: number };

    it('should create a project with its 表12 header, budget in 万元 stored in 元, audited', async () => {
      const res = await auth('post', `/api/departments/${own.code}/years/2026/projects`, admin)
        .send({ ...header, executingUnit: '区就业局', leadName: '张三' })
        .expect(201);
      created = res.body;
      expect(res.body).toMatchObject({
        ...header,
        year: 2026,
        executingUnit: '区就业局',
        currentBudget: null,
      });
      const [row] = await ds.query(
        `SELECT budget_yuan::float8 AS b, total_budget_yuan::float8 AS t, seq FROM projects WHERE id = $1`,
        [created.id],
      );
      expect(row).toEqual({ b: 1205000, t: 3600000, seq: 1 });
      const [audit] = await auditOf('project.create', created.id);
      expect(audit.after).toMatchObject({ name: '技能培训补贴', budget: 120.5 });
    });

    it('should refuse a 项目编码 used in the same year (409 naming code) and a start after the end (400 endYear)', async () => {
      const dup = await auth('post', `/api/departments/${own.code}/years/2026/projects`, admin)
        .send(header)
        .expect(409);
      expect(dup.body.errors.code).toMatch(/^code：.*技能培训补贴/);
      const years = await auth('post', `/api/departments/${own.code}/years/2026/projects`, admin)
        .send({ ...header, code: 'TE-2026-002', startYear: 2029 })
        .expect(400);
      expect(years.body.errors.endYear).toMatch(/^endYear：/);
      const noName = await auth('post', `/api/departments/${own.code}/years/2026/projects`, admin)
        .send({ budget: 1 })
        .expect(400);
      expect(noName.body.errors.name).toMatch(/^name：/);
      await auth('post', `/api/departments/${own.code}/years/2026/projects`, lead).send(header).expect(403);
      await auth('post', `/api/departments/${own.code}/years/2030/projects`, admin).send(header).expect(404);
    });

    it('should change the header with the version read, then answer 409 to the stale version', async () => {
      const res = await auth('patch', `/api/projects/${created.id}`, admin)
        .send({ version: created.version, name: '技能培训补贴（修订）', budget: 130 })
        .expect(200);
      expect(res.body).toMatchObject({
        name: '技能培训补贴（修订）',
        budget: 130,
        version: created.version + 1,
        code: header.code,
      });
      const [audit] = await auditOf('project.update', created.id);
      expect(audit).toMatchObject({
        before: { name: '技能培训补贴', budget: 120.5 },
        after: { name: '技能培训补贴（修订）', budget: 130 },
      });
      const stale = await auth('patch', `/api/projects/${created.id}`, admin)
        .send({ version: created.version, name: 'x' })
        .expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
    });

    it('should let the assigned lead edit their project, and refuse another project and another department (403)', async () => {
      const [{ version }] = await ds.query(`SELECT version FROM projects WHERE id = $1`, [projectId]);
      await auth('patch', `/api/projects/${projectId}`, lead)
        .send({ version, phone: '027-12345678' })
        .expect(200);
      await auth('patch', `/api/projects/${own.projects[1].id}`, lead)
        .send({ version: 1, phone: 'x' })
        .expect(403);
      await auth('patch', `/api/projects/${projectId}`, otherLead)
        .send({ version: 1, phone: 'x' })
        .expect(403);
      // A 403 does not depend on the version: the stale one above was refused for who asked.
    });
  });

  describe('goals', () => {
    it('should add a project goal numbered after the others, and a department-wide goal (admin only)', async () => {
      expect(secondGoal).toMatchObject({ projectId, term: 'annual', title: '第二个年度目标', version: 1 });
      expect((secondGoal as unknown as { label: string }).label).toMatch(/^年度目标 \d+$/);
      const overall = await auth('post', `/api/departments/${own.code}/years/2025/goals`, admin)
        .send({ term: 'long', title: '部门长期目标（新增）' })
        .expect(201);
      expect(overall.body).toMatchObject({ projectId: null, term: 'long' });
      expect(await auditOf('goal.create', overall.body.id)).toHaveLength(1);
      await auth('post', `/api/departments/${own.code}/years/2025/goals`, lead)
        .send({ term: 'long', title: 'x' })
        .expect(403);
      const bad = await auth('post', `/api/projects/${projectId}/goals`, admin)
        .send({ term: 'mid', title: '' })
        .expect(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['term', 'title']);
      await auth('post', `/api/projects/${own.projects[1].id}/goals`, lead)
        .send({ term: 'long', title: 'x' })
        .expect(403);
    });

    it('should change a goal’s text with its version (409 when stale)', async () => {
      const res = await auth('patch', `/api/goals/${secondGoal.id}`, lead)
        .send({ version: 1, title: '第二个年度目标（修订）' })
        .expect(200);
      expect(res.body).toMatchObject({ title: '第二个年度目标（修订）', version: 2 });
      await auth('patch', `/api/goals/${secondGoal.id}`, admin).send({ version: 1, title: 'x' }).expect(409);
      await auth('patch', `/api/goals/${secondGoal.id}`, otherLead)
        .send({ version: 2, title: 'x' })
        .expect(403);
    });
  });

  describe('POST /api/goals/:id/indicators', () => {
    const entry = {
      level1: '产出指标',
      level2: '数量指标',
      name: '新增培训人数',
      target: '≥500人',
      prev1: '450人',
    };
    const count = async () =>
      (await ds.query(`SELECT count(*)::int AS n FROM indicators WHERE goal_id = $1`, [annualGoal.id]))[0].n;

    it('should answer 201 with the target read as the importer reads it, the review findings, and an audit row', async () => {
      const res = await auth('post', `/api/goals/${annualGoal.id}/indicators`, lead).send(entry).expect(201);
      expect(res.body).toMatchObject({
        goalId: annualGoal.id,
        level1: '产出指标',
        level2: '数量指标',
        name: '新增培训人数',
        targetRaw: '≥500人',
        prev1: '450人',
        target: { operator: '>=', value: 500, unit: '人', direction: 'higher' },
        review: [],
      });
      const [audit] = await auditOf('indicator.create', res.body.id);
      expect(audit.after).toMatchObject({ name: '新增培训人数', targetRaw: '≥500人', level2: '数量指标' });
    });

    it('should carry the review finding of a vague target', async () => {
      const res = await auth('post', `/api/goals/${annualGoal.id}/indicators`, admin)
        .send({ level1: '效益指标', level2: '社会效益指标', name: '就业质量', target: '有所提升' })
        .expect(201);
      expect(res.body.review.map((f: { ruleId: string }) => f.ruleId)).toContain('vague-target');
      expect(res.body.review[0]).toMatchObject({ severity: expect.any(String), fixHint: expect.any(String) });
    });

    it.each([
      [
        'a 二级 of another 一级',
        { level1: '效益指标', level2: '服务对象满意度指标' },
        'level2',
        /属于满意度指标，不属于效益指标/,
      ],
      ['an unknown 一级', { level1: '投入指标' }, 'level1', /一级指标只能是/],
      ['an empty name', { name: '  ' }, 'name', /请填写三级指标名称/],
      ['an empty target', { target: '' }, 'target', /请填写指标值/],
      ['a name already under the same 二级', { name: '新增培训人数' }, 'name', /已有同名指标/],
    ])(
      'should answer 400 naming the field for %s, writing nothing',
      async (_case, change, field, message) => {
        const before = await count();
        const res = await auth('post', `/api/goals/${annualGoal.id}/indicators`, admin)
          .send({ ...entry, name: '待校验指标', ...change })
          .expect(400);
        expect(Object.keys(res.body.errors)).toEqual([field]);
        expect(res.body.errors[field]).toMatch(new RegExp(`^${field}：`));
        expect(res.body.errors[field]).toMatch(message);
        expect(await count()).toBe(before);
      },
    );

    it('should accept the same name under another 二级, and refuse a lead of another project or department', async () => {
      await auth('post', `/api/goals/${annualGoal.id}/indicators`, admin)
        .send({ ...entry, level2: '质量指标', target: '≥95%' })
        .expect(201);
      await auth('post', `/api/goals/${otherProjectGoal.id}/indicators`, lead).send(entry).expect(403);
      await auth('post', `/api/goals/${annualGoal.id}/indicators`, otherLead).send(entry).expect(403);
    });
  });

  describe('PATCH /api/indicators/:id', () => {
    let indicator: { id: string; version: number };

    beforeAll(async () => {
      const res = await auth('post', `/api/goals/${annualGoal.id}/indicators`, admin)
        .send({ level1: '产出指标', level2: '数量指标', name: '补贴发放人次', target: '≥100人次' })
        .expect(201);
      indicator = res.body;
      await insertReport(
        ds,
        {
          id: indicator.id,
          name: '补贴发放人次',
          projectId,
          target: res.body.target as Target,
          targetRaw: '≥100人次',
        },
        '2025-06',
        '120人次',
      );
    });

    it('should re-read a corrected target and re-judge the stored lights through the same path as a target correction', async () => {
      const [{ light: before }] = await ds.query(
        `SELECT light FROM progress_reports WHERE indicator_id = $1`,
        [indicator.id],
      );
      const res = await auth('patch', `/api/indicators/${indicator.id}`, lead)
        .send({ version: indicator.version, target: '≥1000人次' })
        .expect(200);
      expect(res.body).toMatchObject({ targetRaw: '≥1000人次', target: { value: 1000 }, reevaluated: 1 });
      const [{ light: after }] = await ds.query(
        `SELECT light FROM progress_reports WHERE indicator_id = $1`,
        [indicator.id],
      );
      expect(after).not.toBe(before);
      expect(after).toBe('red');
      expect(
        await ds.query(
          `SELECT 1 FROM audit_log WHERE action = 'progress-report.reevaluate' AND after->>'light' = 'red'`,
        ),
      ).not.toHaveLength(0);
      const [audit] = await auditOf('indicator.update', indicator.id);
      expect(audit).toMatchObject({ before: { targetRaw: '≥100人次' }, after: { targetRaw: '≥1000人次' } });
      indicator = res.body;
    });

    it('should answer 409 to a stale version and 400 naming level2 for a 二级 outside its 一级', async () => {
      await auth('patch', `/api/indicators/${indicator.id}`, admin)
        .send({ version: 1, name: 'x' })
        .expect(409);
      const res = await auth('patch', `/api/indicators/${indicator.id}`, admin)
        .send({ version: indicator.version, level2: '服务对象满意度指标' })
        .expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['level2']);
      await auth('patch', `/api/indicators/${indicator.id}`, otherLead)
        .send({ version: indicator.version, name: 'x' })
        .expect(403);
    });

    it('should move it to another goal of the same tree, never to another project’s', async () => {
      const res = await auth('patch', `/api/indicators/${indicator.id}`, admin)
        .send({ version: indicator.version, goalId: secondGoal.id })
        .expect(200);
      expect(res.body).toMatchObject({ goalId: secondGoal.id, level2: '数量指标', seq: 1 });
      const refused = await auth('patch', `/api/indicators/${indicator.id}`, admin)
        .send({ version: res.body.version, goalId: otherProjectGoal.id })
        .expect(400);
      expect(Object.keys(refused.body.errors)).toEqual(['goalId']);
      indicator = res.body;
    });

    it('should reorder within the goal', async () => {
      const added = await auth('post', `/api/goals/${secondGoal.id}/indicators`, admin)
        .send({ level1: '产出指标', level2: '数量指标', name: '第二项', target: '≥2次' })
        .expect(201);
      expect(added.body.seq).toBe(2);
      const res = await auth('patch', `/api/indicators/${added.body.id}`, admin)
        .send({ version: added.body.version, position: 1 })
        .expect(200);
      expect(res.body.seq).toBe(1);
      const order = await ds.query(
        `SELECT name FROM indicators WHERE goal_id = $1 AND archived_at IS NULL ORDER BY seq`,
        [secondGoal.id],
      );
      expect(order.map((r: { name: string }) => r.name)).toEqual(['第二项', '补贴发放人次']);
    });
  });

  describe('department-wide (部门整体) trees', () => {
    it('should let the admin add an indicator to a department-wide goal, and refuse every lead (403)', async () => {
      const [overallGoal] = await goalOf(null, 'annual', own.fiscalYearId);
      const entry = {
        level1: '满意度指标',
        level2: '服务对象满意度',
        name: '群众满意度（新增）',
        target: '≥90%',
      };
      await auth('post', `/api/goals/${overallGoal.id}/indicators`, lead).send(entry).expect(403);
      const res = await auth('post', `/api/goals/${overallGoal.id}/indicators`, admin)
        .send(entry)
        .expect(201);
      expect(res.body).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', review: [] });
      await auth('patch', `/api/indicators/${res.body.id}`, lead)
        .send({ version: res.body.version, name: 'x' })
        .expect(403);
      // A department-wide indicator stays in the department-wide tree.
      const moved = await auth('patch', `/api/indicators/${res.body.id}`, admin)
        .send({ version: res.body.version, goalId: annualGoal.id })
        .expect(400);
      expect(Object.keys(moved.body.errors)).toEqual(['goalId']);
    });
  });

  describe('DELETE /api/indicators/:id', () => {
    it('should delete an indicator nothing is recorded against, and archive one with reports (kept with them)', async () => {
      const bare = await auth('post', `/api/goals/${annualGoal.id}/indicators`, admin)
        .send({ level1: '成本指标', level2: '经济成本指标', name: '人均成本', target: '≤500元' })
        .expect(201);
      await auth('delete', `/api/indicators/${bare.body.id}?version=${bare.body.version + 1}`, admin).expect(
        409,
      );
      await auth('delete', `/api/indicators/${bare.body.id}?version=${bare.body.version}`, otherLead).expect(
        403,
      );
      const deleted = await auth(
        'delete',
        `/api/indicators/${bare.body.id}?version=${bare.body.version}`,
        lead,
      ).expect(200);
      expect(deleted.body).toMatchObject({ outcome: 'deleted', archivedAt: null, reports: 0 });
      expect(await ds.query(`SELECT 1 FROM indicators WHERE id = $1`, [bare.body.id])).toHaveLength(0);
      expect(await auditOf('indicator.delete', bare.body.id)).toHaveLength(1);

      const [reported] = await ds.query(
        `SELECT i.id, i.version FROM indicators i JOIN progress_reports r ON r.indicator_id = i.id WHERE i.goal_id = $1 LIMIT 1`,
        [secondGoal.id],
      );
      const archived = await auth(
        'delete',
        `/api/indicators/${reported.id}?version=${reported.version}`,
        admin,
      ).expect(200);
      expect(archived.body).toMatchObject({ outcome: 'archived', reports: 1 });
      const [row] = await ds.query(
        `SELECT archived_at IS NOT NULL AS archived, (SELECT count(*)::int FROM progress_reports WHERE indicator_id = i.id) AS reports
           FROM indicators i WHERE id = $1`,
        [reported.id],
      );
      expect(row).toEqual({ archived: true, reports: 1 });
      expect(await auditOf('indicator.archive', reported.id)).toHaveLength(1);
      const again = await auth('patch', `/api/indicators/${reported.id}`, admin)
        .send({ version: reported.version + 1, name: 'x' })
        .expect(409);
      expect(again.body.details).toEqual({ archived: true });
      await auth('delete', `/api/indicators/${reported.id}`, admin).expect(400);
    });
  });
});
