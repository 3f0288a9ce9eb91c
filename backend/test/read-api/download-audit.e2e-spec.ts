import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { annualIndicators, insertReport, LoadedDepartment, loadDepartment } from './read-fixtures';

interface AuditRow {
  action: string;
  entity: string;
  entityId: string | null;
  actorName: string;
  after: Record<string, unknown>;
}

describe('audit of downloads (evidence.download, export.download)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let dept: LoadedDepartment;
  let leader: { bearer: string; username: string };

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    dept = await loadDepartment(app, ds, uniqueCode());
    const signed = await signIn(app, ds, 'leader', dept.departmentId);
    leader = { bearer: signed.bearer, username: signed.user.username };
  });

  afterAll(async () => {
    await app.close();
  });

  const auditOf = (username: string): Promise<AuditRow[]> =>
    ds.query(
      `SELECT action, entity, entity_id AS "entityId", actor_name AS "actorName", after
         FROM audit_log WHERE actor_name = $1 AND action IN ('export.download', 'evidence.download') ORDER BY id`,
      [username],
    );

  const download = (url: string) =>
    request(app.getHttpServer()).get(url).set('Authorization', leader.bearer).expect(200);

  it('should write one export.download row per export, naming the department-year or project', async () => {
    const base = `/api/departments/${dept.code}/years/2025`;
    const project = dept.projects[0].id;
    const before = (await auditOf(leader.username)).length;
    await download(`${base}/export`);
    await download(`${base}/targets.xlsx`);
    await download(`${base}/self-evaluation.xlsx`);
    await download(`${base}/self-evaluation/overall.xlsx`);
    await download(`${base}/self-evaluation-report.docx`);
    await download(`/api/projects/${project}/self-evaluation/2025.xlsx`);
    await download('/api/imports/target-template.xlsx');
    const rows = (await auditOf(leader.username)).slice(before);
    const year = { entity: 'fiscal-year', entityId: dept.fiscalYearId };
    expect(rows.map(({ action, entity, entityId }) => ({ action, entity, entityId }))).toEqual([
      { action: 'export.download', ...year },
      { action: 'export.download', ...year },
      { action: 'export.download', ...year },
      { action: 'export.download', ...year },
      { action: 'export.download', ...year },
      { action: 'export.download', entity: 'project', entityId: project },
      { action: 'export.download', entity: 'target-template', entityId: null },
    ]);
    expect(rows[0].after).toEqual({ code: dept.code, year: 2025, format: 'json' });
    expect(rows[1].after).toMatchObject({
      code: dept.code,
      year: 2025,
      fileName: expect.stringMatching(/绩效目标表/),
    });
    expect(rows[5].after).toMatchObject({ year: 2025, fileName: expect.stringMatching(/\.xlsx$/) });
  });

  it('should write an evidence.download row for a file handed out, and none for a refused one', async () => {
    const [indicator] = (await annualIndicators(ds, dept.fiscalYearId)).filter((i) => i.projectId);
    await insertReport(ds, indicator, '2025-01', indicator.targetRaw);
    const [file] = await ds.query(
      `INSERT INTO evidence_files (progress_report_id, file_name, mime_type, size_bytes, sha256, content)
       SELECT id, '照片.txt', 'text/plain', 5, repeat('0', 64), 'hello'::bytea FROM progress_reports
        WHERE indicator_id = $1 AND period = '2025-01' RETURNING id`,
      [indicator.id],
    );
    const other = await loadDepartment(app, ds, uniqueCode());
    const stranger = await signIn(app, ds, 'leader', other.departmentId);
    await request(app.getHttpServer())
      .get(`/api/evidence/${file.id}`)
      .set('Authorization', stranger.bearer)
      .expect(403);
    expect(await auditOf(stranger.user.username)).toEqual([]);

    await download(`/api/evidence/${file.id}`);
    const rows = await auditOf(leader.username);
    expect(rows.filter((r) => r.action === 'evidence.download')).toEqual([
      {
        action: 'evidence.download',
        entity: 'evidence-file',
        entityId: file.id,
        actorName: leader.username,
        after: { fileName: '照片.txt', mimeType: 'text/plain', sizeBytes: 5 },
      },
    ]);
  });
});
