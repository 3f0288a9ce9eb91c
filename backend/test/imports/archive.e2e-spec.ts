import type { BudgetDocument } from '@jixiao/domain';
import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

const PROJECT = '人社局劳动维权工作经费';
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];

/** The normalized seed document (seeds/031-2025.json) under a department code of this file's own. */
function seedJson(code: string): BudgetDocument {
  const doc = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'seeds', '031-2025.json'), 'utf8'),
  ) as BudgetDocument;
  return { ...doc, department: { ...doc.department, code } };
}

/**
 * The finding: re-importing the seed document without one project deleted the project with six months of
 * reports, budget execution, evidence and lead assignments. Now it is previewed, confirmed, archived and
 * restored with the same id and everything attached.
 */
describe('re-import without a project (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  let lead: string;
  let leader: string;
  let departmentId: string;
  let projectId: string;
  let indicatorIds: string[];
  // The document schema takes digits only: a code of this file's own, unlike any other test's.
  const code = `8${String(Date.now()).slice(-7)}${Math.floor(Math.random() * 10)}`;
  const original = seedJson(code);
  const withoutProject: BudgetDocument = {
    ...original,
    projects: original.projects.filter((p) => p.name !== PROJECT),
  };
  const http = () => request(app.getHttpServer());
  const importDoc = (doc: BudgetDocument, query = '') =>
    http()
      .post(`/api/imports${query}`)
      .set('Authorization', admin)
      .attach('file', Buffer.from(JSON.stringify(doc)), {
        filename: `${code}-2025.json`,
        contentType: 'application/json',
      });
  /** Everything entered against the project, counted straight from the tables. */
  const attached = async () =>
    (
      await ds.query(
        `SELECT (SELECT count(*)::int FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $1) AS reports,
                (SELECT count(*)::int FROM evidence_files e JOIN progress_reports r ON r.id = e.progress_report_id JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $1) AS "evidenceFiles",
                (SELECT count(*)::int FROM budget_executions b WHERE b.project_id = $1) AS "budgetExecutions",
                (SELECT count(*)::int FROM project_assignments a WHERE a.project_id = $1) AS assignments`,
        [projectId],
      )
    )[0];
  /** Audit entries about this department-year or any of its projects, goals and indicators. */
  const auditCount = async () =>
    (
      await ds.query(
        `WITH fy AS (SELECT fy.id FROM fiscal_years fy WHERE fy.department_id = $1),
              ids AS (SELECT id FROM fy UNION ALL SELECT p.id FROM projects p JOIN fy ON fy.id = p.fiscal_year_id
                      UNION ALL SELECT g.id FROM goals g JOIN fy ON fy.id = g.fiscal_year_id
                      UNION ALL SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fy ON fy.id = g.fiscal_year_id)
         SELECT count(*)::int AS n FROM audit_log a WHERE a.entity_id IN (SELECT id::text FROM ids)`,
        [departmentId],
      )
    )[0].n as number;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    await importDoc(original).expect(201);
    [{ id: departmentId }] = await ds.query(`SELECT id FROM departments WHERE code = $1`, [code]);
    [{ id: projectId }] = await ds.query(
      `SELECT p.id FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id WHERE fy.department_id = $1 AND p.name = $2`,
      [departmentId, PROJECT],
    );
    indicatorIds = (
      await ds.query(
        `SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.term = 'annual' ORDER BY g.seq, i.seq`,
        [projectId],
      )
    ).map((r: { id: string }) => r.id);
    const signedLead = await signIn(app, ds, 'lead', departmentId);
    lead = signedLead.bearer;
    ({ bearer: leader } = await signIn(app, ds, 'leader', departmentId));
    await http()
      .put(`/api/projects/${projectId}/leads`)
      .set('Authorization', admin)
      .send({ userIds: [signedLead.user.id] })
      .expect(200);
    for (const period of MONTHS)
      await http()
        .put(`/api/indicators/${indicatorIds[0]}/reports/${period}`)
        .set('Authorization', lead)
        .send({ actual: '达成', likelihood: '确定能' })
        .expect(200);
    await http()
      .put(`/api/projects/${projectId}/budget-execution/2025-06`)
      .set('Authorization', lead)
      .send({ executed: 120000 })
      .expect(200);
    await http()
      .post(`/api/indicators/${indicatorIds[0]}/reports/2025-03/evidence`)
      .set('Authorization', lead)
      .attach('file', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 1)]), '维权案件台账.pdf')
      .expect(201);
  });

  afterAll(async () => {
    await app.close();
  });

  it('should preview the project as archived with its counts, and write nothing', async () => {
    const before = { attached: await attached(), audit: await auditCount() };
    const res = await importDoc(withoutProject, '?mode=preview').expect(200);
    expect(res.body.preview).toBe(true);
    expect(res.body.summary.projects).toMatchObject({ archived: 1, restored: 0 });
    // The project stands for its goals and indicators: listed once, with everything below it counted.
    expect(res.body.summary.diff.archived).toEqual([
      {
        kind: 'project',
        id: projectId,
        project: PROJECT,
        goal: null,
        name: PROJECT,
        reports: 6,
        evidenceFiles: 1,
        selfEvaluationItems: 0,
        budgetExecutions: 1,
        assignments: 1,
      },
    ]);
    const [row] = await ds.query(`SELECT archived_at FROM projects WHERE id = $1`, [projectId]);
    expect(row.archived_at).toBeNull();
    expect({ attached: await attached(), audit: await auditCount() }).toEqual(before);
  });

  it('should refuse to apply without confirmArchive: 409 IMPORT_NEEDS_CONFIRMATION with the same diff', async () => {
    const preview = await importDoc(withoutProject, '?mode=preview').expect(200);
    const res = await importDoc(withoutProject).expect(409);
    expect(res.body.code).toBe('IMPORT_NEEDS_CONFIRMATION');
    expect(res.body.details.diff).toEqual(preview.body.summary.diff);
    await http().get(`/api/projects/${projectId}`).set('Authorization', leader).expect(200);
    const [row] = await ds.query(`SELECT archived_at FROM projects WHERE id = $1`, [projectId]);
    expect(row.archived_at).toBeNull();
  });

  it('should answer 400 naming the field for an unknown mode', async () => {
    const res = await importDoc(withoutProject, '?mode=dry').expect(400);
    expect(res.body.errors.mode).toContain('preview');
  });

  describe('applied with confirmArchive=true', () => {
    let applied: request.Response;

    beforeAll(async () => {
      applied = await importDoc(withoutProject, '?confirmArchive=true').expect(201);
    });

    it('should archive the project with its goals and indicators, and keep everything entered', async () => {
      expect(applied.body.preview).toBe(false);
      expect(applied.body.summary.projects).toMatchObject({ archived: 1, created: 0 });
      expect(applied.body.summary.indicators.archived).toBeGreaterThanOrEqual(indicatorIds.length);
      expect(await attached()).toEqual({ reports: 6, evidenceFiles: 1, budgetExecutions: 1, assignments: 1 });
    });

    it('should hide the project from the department’s project list and dashboard', async () => {
      const list = await http()
        .get(`/api/departments/${code}/years/2025/projects?asOf=2025-06`)
        .set('Authorization', leader)
        .expect(200);
      expect(list.body.map((p: { name: string }) => p.name)).not.toContain(PROJECT);
      expect(list.body).toHaveLength(original.projects.length - 1);
      const dashboard = await http()
        .get(`/api/departments/${code}/years/2025/dashboard?asOf=2025-06`)
        .set('Authorization', leader)
        .expect(200);
      expect(JSON.stringify(dashboard.body)).not.toContain(projectId);
      expect(dashboard.body.budget.projects).toHaveLength(original.projects.length - 1);
    });

    it('should still answer GET /api/projects/:id, archived, with every report', async () => {
      const res = await http()
        .get(`/api/projects/${projectId}?asOf=2025-06`)
        .set('Authorization', leader)
        .expect(200);
      expect(res.body).toMatchObject({ id: projectId, archived: true, archivedAt: expect.any(String) });
      const indicators = res.body.goals.flatMap(
        (g: { indicators: { children: { indicators: object[] }[] }[] }) =>
          g.indicators.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators)),
      );
      const reported = indicators.find((i: { id: string }) => i.id === indicatorIds[0]);
      expect(reported).toMatchObject({ archived: true, latestReport: { period: '2025-06' } });
      expect(reported.history.filter((h: { actualRaw: string | null }) => h.actualRaw)).toHaveLength(6);
      expect(res.body.budgetExecution.periods).toEqual([expect.objectContaining({ executedYuan: 120000 })]);
      expect(res.body.leads).toHaveLength(1);
    });

    it('should write one audit entry per archived row, in the import’s transaction', async () => {
      const rows: { action: string; entity_id: string }[] = await ds.query(
        `SELECT action, entity_id FROM audit_log WHERE action LIKE '%.archive-by-import' AND entity_id = ANY($1::text[])`,
        [[projectId, ...indicatorIds]],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'project.archive-by-import', entity_id: projectId },
          ...indicatorIds.map((id) => ({ action: 'indicator.archive-by-import', entity_id: id })),
        ]),
      );
      const [goals] = await ds.query(
        `SELECT count(*)::int AS archived,
                (SELECT count(*)::int FROM audit_log a WHERE a.action = 'goal.archive-by-import' AND a.entity_id = ANY(array_agg(g.id::text))) AS audited
           FROM goals g WHERE g.project_id = $1`,
        [projectId],
      );
      expect(goals.audited).toBe(goals.archived);
      // Each entry says when: the row's archived_at (all rows of the import, one transaction).
      const [project] = await ds.query(
        `SELECT a.after ->> 'archivedAt' AS audited, p.archived_at AS "archivedAt"
           FROM audit_log a JOIN projects p ON p.id::text = a.entity_id
          WHERE a.action = 'project.archive-by-import' AND a.entity_id = $1`,
        [projectId],
      );
      expect(new Date(project.audited).getTime()).toBe(new Date(project.archivedAt).getTime());
    });

    it('should refuse new reports, budget execution, evidence and submit on the archived project (409), keeping what was there', async () => {
      const before = await attached();
      const refused = [
        http()
          .put(`/api/indicators/${indicatorIds[0]}/reports/2025-07`)
          .set('Authorization', lead)
          .send({ actual: '达成', likelihood: '确定能' }),
        http()
          .put(`/api/projects/${projectId}/budget-execution/2025-07`)
          .set('Authorization', lead)
          .send({ executed: 130000 }),
        http()
          .post(`/api/indicators/${indicatorIds[0]}/reports/2025-06/evidence`)
          .set('Authorization', lead)
          .attach('file', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 2)]), '补充.pdf'),
        http().post(`/api/projects/${projectId}/periods/2025-06/submit`).set('Authorization', lead).send({}),
      ];
      for (const call of refused) {
        const res = await call.expect(409);
        expect(res.body).toMatchObject({ code: 'CONFLICT', details: { archived: true } });
        expect(res.body.message).toContain('已归档');
      }
      expect(await attached()).toEqual(before);
    });

    describe('then the original document again', () => {
      let restored: request.Response;

      beforeAll(async () => {
        restored = await importDoc(original).expect(201);
      });

      it('should restore the same project id with every report, execution row, file and lead', async () => {
        expect(restored.body.summary.projects).toMatchObject({ restored: 1, created: 0, archived: 0 });
        expect(restored.body.summary.diff.restored).toEqual([
          expect.objectContaining({ kind: 'project', id: projectId }),
        ]);
        expect(await attached()).toEqual({
          reports: 6,
          evidenceFiles: 1,
          budgetExecutions: 1,
          assignments: 1,
        });
        const res = await http()
          .get(`/api/projects/${projectId}?asOf=2025-06`)
          .set('Authorization', leader)
          .expect(200);
        expect(res.body.archived).toBe(false);
        const [{ n }] = await ds.query(
          `SELECT count(*)::int AS n FROM indicators i JOIN goals g ON g.id = i.goal_id
            WHERE g.project_id = $1 AND g.term = 'annual' AND i.archived_at IS NULL AND g.archived_at IS NULL AND i.id = ANY($2::uuid[])`,
          [projectId, indicatorIds],
        );
        expect(n).toBe(indicatorIds.length);
        const list = await http()
          .get(`/api/departments/${code}/years/2025/projects?asOf=2025-06`)
          .set('Authorization', leader)
          .expect(200);
        expect(list.body.map((p: { id: string }) => p.id)).toContain(projectId);
      });

      it('should take reports on the restored project again', async () => {
        await http()
          .put(`/api/indicators/${indicatorIds[0]}/reports/2025-07`)
          .set('Authorization', lead)
          .send({ actual: '达成', likelihood: '确定能' })
          .expect(200);
      });

      it('should write one audit entry per restored row', async () => {
        const rows: { action: string; entity_id: string }[] = await ds.query(
          `SELECT action, entity_id FROM audit_log WHERE action LIKE '%.restore-by-import' AND entity_id = ANY($1::text[])`,
          [[projectId, ...indicatorIds]],
        );
        expect(rows).toEqual(
          expect.arrayContaining([
            { action: 'project.restore-by-import', entity_id: projectId },
            ...indicatorIds.map((id) => ({ action: 'indicator.restore-by-import', entity_id: id })),
          ]),
        );
      });

      it('should export the restored document as it was imported', async () => {
        const exported = await http()
          .get(`/api/departments/${code}/years/2025/export`)
          .set('Authorization', admin)
          .expect(200);
        expect(JSON.parse(exported.text).projects.map((p: { name: string }) => p.name)).toEqual(
          original.projects.map((p) => p.name),
        );
      });
    });
  });
});
