import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LifecycleService } from '../../src/modules/lifecycle/lifecycle.service';
import { uniqueCode } from '../factories/department.factory';
import { binary, docxText } from '../factories/downloads';
import { signIn } from '../factories/user.factory';
import {
  actualAt,
  annualIndicators,
  IndicatorFixture,
  LoadedDepartment,
  loadDepartment,
} from '../read-api/read-fixtures';
import { createTestApp } from '../setup/test-app';

/** 申报 → 批复 → 调整 (docs/domain.md "申报、批复与调整"): who moves a tree, and what an adjustment changes. */
describe('tree lifecycle (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let dept: LoadedDepartment;
  let other: LoadedDepartment;
  let admin: string;
  let leader: string;
  let otherLeader: string;
  let lead: string;
  let strangerLead: string;
  let auditor: string;
  let counted: IndicatorFixture; // a yearly count ≥ N of the lead's project
  let projectId: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    dept = await loadDepartment(app, ds, uniqueCode());
    other = await loadDepartment(app, ds, uniqueCode());
    const indicators = await annualIndicators(ds, dept.fiscalYearId);
    counted = indicators.find(
      (i) =>
        i.projectId !== null &&
        i.target.accumulation === 'cumulative' &&
        i.target.operator === '>=' &&
        !i.target.unit?.includes('元'),
    ) as IndicatorFixture;
    projectId = counted.projectId as string;
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    ({ bearer: leader } = await signIn(app, ds, 'leader', dept.departmentId));
    ({ bearer: otherLeader } = await signIn(app, ds, 'leader', other.departmentId));
    ({ bearer: auditor } = await signIn(app, ds, 'auditor'));
    ({ bearer: strangerLead } = await signIn(app, ds, 'lead', dept.departmentId));
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

  const tree = async (as = lead) =>
    (await http().get(`/api/projects/${projectId}/tree`).set('Authorization', as).expect(200)).body;
  const move = (action: string, as: string, body: object) =>
    http().post(`/api/projects/${projectId}/tree/${action}`).set('Authorization', as).send(body);
  /** A tree created after the migration has no lifecycle row yet: a draft, as treeedit's new projects will be. */
  const makeDraft = (id: string | null) =>
    ds.query(
      id
        ? `DELETE FROM goal_trees WHERE project_id = $1`
        : `DELETE FROM goal_trees WHERE fiscal_year_id = $1 AND project_id IS NULL`,
      [id ?? dept.fiscalYearId],
    );
  const editable = (scope: { projectId: string } | { code: string; year: number }, role: 'lead' | 'admin') =>
    ds.transaction(async (manager) => {
      const [user] = await manager.query(
        role === 'admin'
          ? `SELECT u.id, u.username, u.role_code AS role, u.department_id AS "departmentId" FROM users u WHERE u.role_code = 'admin' LIMIT 1`
          : `SELECT u.id, u.username, u.role_code AS role, u.department_id AS "departmentId"
               FROM users u JOIN project_assignments a ON a.user_id = u.id WHERE a.project_id = $1`,
        role === 'admin' ? [] : [projectId],
      );
      return app.get(LifecycleService).assertTreeEditable(manager, scope, user);
    });

  describe('申报 and 批复', () => {
    it('should show an imported tree as approved on the project page', async () => {
      const detail = await http().get(`/api/projects/${projectId}`).set('Authorization', lead).expect(200);
      expect(detail.body.tree).toMatchObject({ status: 'approved', role: 'writer', adjustments: [] });
      const overall = await http()
        .get(`/api/departments/${dept.code}/years/2025/tree`)
        .set('Authorization', leader)
        .expect(200);
      expect(overall.body).toMatchObject({ status: 'approved', role: 'reviewer', projectId: null });
    });

    it('should refuse a direct edit of an approved tree and point to 调整', async () => {
      await expect(editable({ projectId }, 'admin')).rejects.toMatchObject({
        message: expect.stringContaining('调整申请'),
      });
      const refused = await move('submit', lead, { version: (await tree()).version }).expect(409);
      expect(refused.body.message).toBe('绩效目标状态为“已批复”，不能申报');
    });

    it('should move a draft through submit, return and approve by role, with versions and audit', async () => {
      await makeDraft(projectId);
      expect(await tree()).toMatchObject({ status: 'draft', version: 0 });
      await expect(editable({ projectId }, 'lead')).resolves.toBeUndefined();

      await move('submit', strangerLead, { version: 0 }).expect(403);
      await move('submit', auditor, { version: 0 }).expect(403);
      expect((await move('submit', leader, { version: 0 }).expect(403)).body.message).toBe(
        '只有项目负责人或绩效管理员可以申报绩效目标',
      );
      await move('submit', lead, {}).expect(400);
      const submitted = await move('submit', lead, { version: 0 }).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', version: 1 });
      await move('submit', lead, { version: 1 }).expect(409);
      await expect(editable({ projectId }, 'lead')).rejects.toMatchObject({
        message: expect.stringContaining('退回'),
      });

      await move('approve', lead, { version: 1 }).expect(403);
      await move('approve', admin, { version: 1 }).expect(403);
      await move('approve', otherLeader, { version: 1 }).expect(403);
      const stale = await move('approve', leader, { version: 0 }).expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(
        (await move('return', leader, { version: 1, reason: ' ' }).expect(400)).body.errors,
      ).toHaveProperty('reason');
      const returned = await move('return', leader, { version: 1, reason: '满意度指标缺失' }).expect(200);
      expect(returned.body).toMatchObject({ status: 'draft', version: 2, returnReason: '满意度指标缺失' });

      await move('submit', admin, { version: 2 }).expect(200);
      const approved = await move('approve', leader, { version: 3 }).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', version: 4, returnReason: null });
      await move('return', leader, { version: 4, reason: '再看看' }).expect(409);

      const audit = await ds.query(
        `SELECT action, reason FROM audit_log WHERE entity_id = $1 AND action LIKE 'tree.%' ORDER BY id`,
        [projectId],
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual([
        'tree.submit',
        'tree.return',
        'tree.submit',
        'tree.approve',
      ]);
      expect(audit[1].reason).toBe('满意度指标缺失');
    });

    it('should move the department-wide tree: the admin submits, the leader approves', async () => {
      await makeDraft(null);
      const base = `/api/departments/${dept.code}/years/2025/tree`;
      await http().post(`${base}/submit`).set('Authorization', lead).send({ version: 0 }).expect(403);
      await http().post(`${base}/submit`).set('Authorization', admin).send({ version: 0 }).expect(200);
      await http().post(`${base}/approve`).set('Authorization', otherLeader).send({ version: 1 }).expect(403);
      const approved = await http()
        .post(`${base}/approve`)
        .set('Authorization', leader)
        .send({ version: 1 })
        .expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', projectId: null });
      await expect(editable({ code: dept.code, year: 2025 }, 'admin')).rejects.toMatchObject({
        message: expect.stringContaining('调整'),
      });
    });
  });

  describe('调整', () => {
    const value = () => counted.target.value as number;
    const newRaw = () => `≥${value() * 2}${counted.target.unit ?? ''}`;
    const report = (period: string, actual: string) =>
      http()
        .put(`/api/indicators/${counted.id}/reports/${period}`)
        .set('Authorization', lead)
        .send({ actual })
        .expect(200);
    const propose = (body: object, as = lead) =>
      http().post(`/api/projects/${projectId}/adjustments`).set('Authorization', as).send(body);
    const stored = async (period: string) =>
      (
        await ds.query(
          `SELECT light, progress::float8 AS progress FROM progress_reports WHERE indicator_id = $1 AND period = $2`,
          [counted.id, period],
        )
      )[0];

    it('should refuse bad adjustment requests with the field named', async () => {
      const good = {
        items: [{ indicatorId: counted.id, target: newRaw() }],
        reason: '上级下达任务增加',
        effectiveFrom: '2025-07',
      };
      expect((await propose({ ...good, items: [] }).expect(400)).body.errors).toHaveProperty('items');
      expect((await propose({ ...good, reason: '' }).expect(400)).body.errors).toHaveProperty('reason');
      expect((await propose({ ...good, effectiveFrom: '2025-13' }).expect(400)).body.errors).toHaveProperty(
        'effectiveFrom',
      );
      expect((await propose({ ...good, effectiveFrom: '2024-07' }).expect(400)).body.errors).toHaveProperty(
        'effectiveFrom',
      );
      const [foreign] = await annualIndicators(ds, other.fiscalYearId);
      expect(
        (await propose({ ...good, items: [{ indicatorId: foreign.id, target: '≥1人' }] }).expect(400)).body
          .errors,
      ).toHaveProperty(['items[0].indicatorId']);
      expect(
        (
          await propose({ ...good, items: [{ indicatorId: counted.id, target: counted.targetRaw }] }).expect(
            400,
          )
        ).body.errors,
      ).toHaveProperty(['items[0].target']);
      await propose(good, strangerLead).expect(403);
      await propose(good, leader).expect(403);
    });

    it('should change the light of a later month but not an earlier one, and say so in the 自评表', async () => {
      // On pace in March and in August under the published target.
      await report('2025-03', actualAt(counted.target, 3, 1));
      await report('2025-08', actualAt(counted.target, 8, 1));
      expect(await stored('2025-03')).toEqual({ light: 'green', progress: 100 });
      expect(await stored('2025-08')).toEqual({ light: 'green', progress: 100 });

      const proposed = await propose({
        items: [{ indicatorId: counted.id, target: newRaw() }],
        reason: '上级下达任务增加',
        effectiveFrom: '2025-07',
      }).expect(201);
      expect(proposed.body).toMatchObject({
        status: 'submitted',
        effectiveFrom: '2025-07',
        version: 1,
        items: [
          {
            indicatorId: counted.id,
            oldTargetRaw: counted.targetRaw,
            newTargetRaw: newRaw(),
            newTarget: { operator: '>=', value: value() * 2, accumulation: 'cumulative' },
          },
        ],
      });
      // Nothing changes before the leader approves; the same indicator cannot be in two pending requests.
      expect(await stored('2025-08')).toEqual({ light: 'green', progress: 100 });
      await propose({
        items: [{ indicatorId: counted.id, target: `≥${value() * 3}` }],
        reason: '再次调整',
        effectiveFrom: '2025-09',
      }).expect(409);
      const pending = await http()
        .get(`/api/departments/${dept.code}/years/2025/adjustments?status=submitted`)
        .set('Authorization', leader)
        .expect(200);
      expect(pending.body.map((a: { id: string }) => a.id)).toEqual([proposed.body.id]);

      const id = proposed.body.id;
      await http()
        .post(`/api/adjustments/${id}/approve`)
        .set('Authorization', lead)
        .send({ version: 1 })
        .expect(403);
      await http()
        .post(`/api/adjustments/${id}/approve`)
        .set('Authorization', admin)
        .send({ version: 1 })
        .expect(403);
      await http()
        .post(`/api/adjustments/${id}/approve`)
        .set('Authorization', otherLeader)
        .send({ version: 1 })
        .expect(403);
      await http()
        .post(`/api/adjustments/${id}/approve`)
        .set('Authorization', leader)
        .send({ version: 0 })
        .expect(409);
      const approved = await http()
        .post(`/api/adjustments/${id}/approve`)
        .set('Authorization', leader)
        .send({ version: 1 })
        .expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', version: 2 });
      await http()
        .post(`/api/adjustments/${id}/approve`)
        .set('Authorization', leader)
        .send({ version: 2 })
        .expect(409);

      // March keeps its light under the old target; August is judged against the doubled one.
      expect(await stored('2025-03')).toEqual({ light: 'green', progress: 100 });
      expect(await stored('2025-08')).toEqual({ light: 'red', progress: 50 });
      // Reports written afterwards follow the target in force for their month.
      const may = await report('2025-05', actualAt(counted.target, 5, 1));
      expect(may.body).toMatchObject({ light: 'green', progress: 100 });
      const september = await report('2025-09', actualAt(counted.target, 9, 1));
      expect(september.body).toMatchObject({ light: 'red', progress: 50 });

      // The project page: the current target, its history, and the old target as of a month before.
      const detail = await http()
        .get(`/api/projects/${projectId}?asOf=2025-09`)
        .set('Authorization', lead)
        .expect(200);
      const row = detail.body.goals
        .flatMap((g: { indicators: { children: { indicators: object[] }[] }[] }) => g.indicators)
        .flatMap((l1: { children: { indicators: object[] }[] }) => l1.children)
        .flatMap((l2: { indicators: object[] }) => l2.indicators)
        .find((i: { id: string }) => i.id === counted.id);
      expect(row).toMatchObject({
        targetRaw: newRaw(),
        targetHistory: [
          {
            oldTargetRaw: counted.targetRaw,
            newTargetRaw: newRaw(),
            effectiveFrom: '2025-07',
            reason: '上级下达任务增加',
            adjustmentId: id,
          },
        ],
      });
      expect(row.targetHistory[0].approvedByName).toEqual(expect.any(String));
      const march = await http()
        .get(`/api/projects/${projectId}?asOf=2025-03`)
        .set('Authorization', lead)
        .expect(200);
      expect(JSON.stringify(march.body.goals)).toContain(JSON.stringify(counted.targetRaw));
      const history = await http()
        .get(`/api/indicators/${counted.id}/history`)
        .set('Authorization', leader)
        .expect(200);
      expect(history.body.targetHistory).toHaveLength(1);

      // The 自评表 judges against the target in force and says it was adjusted.
      const sheet = await http()
        .get(`/api/projects/${projectId}/self-evaluation/2025`)
        .set('Authorization', lead)
        .expect(200);
      const item = sheet.body.items.find((i: { indicatorId: string }) => i.indicatorId === counted.id);
      expect(item.targetRaw).toBe(newRaw());
      expect(item.targetNote).toBe(
        `年中调整：原目标 ${counted.targetRaw} → ${newRaw()}（7月起，原因：上级下达任务增加）`,
      );
      // The Excel 自评表 says it under the target.
      const xlsx = await http()
        .get(`/api/projects/${projectId}/self-evaluation/2025.xlsx`)
        .set('Authorization', lead)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.body as ArrayBuffer);
      const cells: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
      );
      expect(cells).toContain(`${newRaw()}\n${item.targetNote}`);
      // So does the Word 自评报告, beside the target in its project table.
      const docx = await http()
        .get(`/api/departments/${dept.code}/years/2025/self-evaluation-report.docx`)
        .set('Authorization', lead)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(await docxText(docx.body as Buffer)).toContain(`${newRaw()}（${item.targetNote}）`);

      const audit = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual([
        'target-adjustment.propose',
        'target-adjustment.approve',
      ]);
    });

    it('should refuse an adjustment effective before the last one, and keep the target when the leader returns it', async () => {
      await propose({
        items: [{ indicatorId: counted.id, target: `≥${value() * 3}` }],
        reason: '提前',
        effectiveFrom: '2025-06',
      }).expect(400);
      const proposed = await propose({
        items: [{ indicatorId: counted.id, target: `≥${value() * 3}` }],
        reason: '再次提高',
        effectiveFrom: '2025-10',
      }).expect(201);
      await http()
        .post(`/api/adjustments/${proposed.body.id}/return`)
        .set('Authorization', leader)
        .send({ version: 1 })
        .expect(400);
      const returned = await http()
        .post(`/api/adjustments/${proposed.body.id}/return`)
        .set('Authorization', leader)
        .send({ version: 1, reason: '依据不足' })
        .expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', returnReason: '依据不足' });
      const [{ target_raw }] = await ds.query(`SELECT target_raw FROM indicators WHERE id = $1`, [
        counted.id,
      ]);
      expect(target_raw).toBe(newRaw());
    });

    it('should refuse an adjustment of a tree that is not approved', async () => {
      const draftProject = dept.projects.find((p) => p.id !== projectId) as { id: string };
      await makeDraft(draftProject.id);
      const [indicator] = (await annualIndicators(ds, dept.fiscalYearId)).filter(
        (i) => i.projectId === draftProject.id,
      );
      const refused = await http()
        .post(`/api/projects/${draftProject.id}/adjustments`)
        .set('Authorization', admin)
        .send({
          items: [{ indicatorId: indicator.id, target: '≥1次' }],
          reason: '试',
          effectiveFrom: '2025-07',
        })
        .expect(409);
      expect(refused.body.message).toContain('批复后才能调整');
    });
  });
});
