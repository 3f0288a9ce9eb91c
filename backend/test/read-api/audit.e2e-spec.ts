import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditQueryService } from '../../src/modules/audit/audit-query.service';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { annualIndicators, loadDepartment, type LoadedDepartment } from './read-fixtures';

describe(AuditQueryService.name, () => {
  let app: INestApplication;
  let ds: DataSource;
  let auditor: string;
  // An entity name of this file's own: other tests write to the same log.
  const entity = `t${randomBytes(5).toString('hex')}`;
  const alice = { id: randomUUID(), name: `alice${randomBytes(3).toString('hex')}` };
  const bob = { id: randomUUID(), name: `bob${randomBytes(3).toString('hex')}` };
  const ids = Array.from({ length: 5 }, () => randomUUID());
  const get = (bearer: string, query: string) =>
    request(app.getHttpServer()).get(`/api/audit?${query}`).set('Authorization', bearer);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    // 25 entries, one per hour from 2025-07-01 00:00 China time (= 2025-06-30 16:00 UTC), alternating actors.
    for (let n = 0; n < 25; n++) {
      const actor = n % 2 === 0 ? alice : bob;
      await ds.query(
        `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, before, after, reason)
         VALUES (timestamptz '2025-07-01 00:00:00+08' + make_interval(hours => $1), $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          n,
          actor.id,
          actor.name,
          `${entity}.update`,
          entity,
          ids[n % 5],
          JSON.stringify({ n: n - 1 }),
          JSON.stringify({ n }),
          n === 24 ? '测试原因' : null,
        ],
      );
    }
    ({ bearer: auditor } = await signIn(app, ds, 'auditor'));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should page the entries of an entity newest first with the total', async () => {
    const first = await get(auditor, `entity=${entity}&pageSize=10`).expect(200);
    expect(first.body).toMatchObject({ total: 25, page: 1, pageSize: 10 });
    expect(first.body.items.map((i: { after: { n: number } }) => i.after.n)).toEqual([
      24, 23, 22, 21, 20, 19, 18, 17, 16, 15,
    ]);
    expect(first.body.items[0]).toMatchObject({
      actorId: alice.id,
      actorName: alice.name,
      action: `${entity}.update`,
      entity,
      entityId: ids[4],
      before: { n: 23 },
      reason: '测试原因',
    });
    const last = await get(auditor, `entity=${entity}&pageSize=10&page=3`).expect(200);
    expect(last.body.items.map((i: { after: { n: number } }) => i.after.n)).toEqual([4, 3, 2, 1, 0]);
    const beyond = await get(auditor, `entity=${entity}&pageSize=10&page=4`).expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: 25 });
  });

  it.each([
    ['an entity id', () => `id=${ids[0]}`, [20, 15, 10, 5, 0]],
    ['a username', () => `user=${bob.name}&pageSize=3`, [23, 21, 19]],
    ['a user id', () => `user=${bob.id}&pageSize=3`, [23, 21, 19]],
    ['whole days in China time', () => 'from=2025-07-01&to=2025-07-01&pageSize=3', [23, 22, 21]],
    [
      'instants, both ends included',
      () => 'from=2025-07-01T10:00:00%2B08:00&to=2025-07-01T12:00:00%2B08:00',
      [12, 11, 10],
    ],
    ['a start day alone', () => 'from=2025-07-02', [24]],
    ['an end day alone', () => 'to=2025-06-30', []],
  ])('should filter by %s', async (_case, query, expected) => {
    const res = await get(auditor, `entity=${entity}&${query()}`).expect(200);
    expect(res.body.items.map((i: { after: { n: number } }) => i.after.n)).toEqual(expected);
  });

  it('should count a whole day of entries in China time', async () => {
    const res = await get(auditor, `entity=${entity}&from=2025-07-01&to=2025-07-01`).expect(200);
    expect(res.body.total).toBe(24);
  });

  it.each([
    ['pageSize=101', 'pageSize', '不能超过 100'],
    ['page=0', 'page', '不能小于 1'],
    ['page=x', 'page', '必须是整数'],
    ['from=2025-13-01', 'from', '起始日期'],
    ['from=2025-07-02&to=2025-07-01', 'from', '不能晚于截止日期'],
    ['to=yesterday', 'to', '截止日期'],
    ['entity=Bad%20Name', 'entity', '实体类型'],
    ['actor=alice', 'actor', '不允许'],
  ])('should answer 400 for %s naming %s', async (query, field, message) => {
    const res = await get(auditor, query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect(res.body.errors[field]).toContain(message);
  });

  it.each([
    ['admin', 200],
    ['auditor', 200],
    ['leader', 403],
    ['lead', 403],
  ] as const)('should answer a %s with %d', async (role, status) => {
    const { bearer } = await signIn(app, ds, role);
    await get(bearer, `entity=${entity}`).expect(status);
  });

  it('should show a real write: the login of the auditor is in the log', async () => {
    const { user, bearer } = await signIn(app, ds, 'auditor');
    const res = await get(bearer, `user=${user.username}`).expect(200);
    expect(res.body.items.map((i: { action: string }) => i.action)).toContain('auth.login');
  });

  describe('in words people read', () => {
    let dept: LoadedDepartment;
    let indicator: { id: string; name: string; projectId: string };
    let project: { id: string; name: string };
    let lead: { bearer: string; username: string };
    let admin: string;
    let adminName: string;
    let reportId: string;
    const http = () => request(app.getHttpServer());

    beforeAll(async () => {
      dept = await loadDepartment(app, ds, uniqueCode());
      const annual = await annualIndicators(ds, dept.fiscalYearId);
      const found = annual.find((i) => i.projectId !== null);
      indicator = { id: found!.id, name: found!.name, projectId: found!.projectId! };
      project = dept.projects.find((p) => p.id === indicator.projectId)!;
      const signed = await signIn(app, ds, 'lead', dept.departmentId);
      lead = { bearer: signed.bearer, username: signed.user.username };
      await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
        project.id,
        signed.user.id,
      ]);
      const signedAdmin = await signIn(app, ds, 'admin');
      admin = signedAdmin.bearer;
      adminName = signedAdmin.user.username;
      const put = (body: object) =>
        http()
          .put(`/api/indicators/${indicator.id}/reports/2025-07`)
          .set('Authorization', lead.bearer)
          .send(body);
      const created = await put({ actual: '105' }).expect(200);
      reportId = created.body.id;
      await put({ actual: '90', version: created.body.version }).expect(200);
      await http()
        .put(`/api/departments/${dept.code}/years/2025/locks/2025-08`)
        .set('Authorization', admin)
        .send({ reason: '年中盘点' })
        .expect(200);
    });

    const entries = async (query: string) =>
      (await get(auditor, `${query}&pageSize=100`).expect(200)).body.items as {
        action: string;
        actionLabel: string;
        actorName: string | null;
        summary: string;
        projectName: string | null;
        changes: { field: string; label: string; before: string | null; after: string | null }[];
      }[];

    it('should say who changed which project, indicator and month, and the value before and after', async () => {
      const [update] = await entries(`id=${reportId}&action=progress-report.update`);
      expect(update.actionLabel).toBe('修改填报');
      expect(update.summary).toBe(
        `${lead.username} 修改填报 ${project.name} · ${indicator.name} · 2025-07 完成值 105 → 90`,
      );
      expect(update.changes).toContainEqual({
        field: 'actualRaw',
        label: '完成值',
        before: '105',
        after: '90',
      });
      expect(update.changes.map((c) => c.field)).not.toContain('version');
      expect(update.projectName).toBe(project.name);
    });

    it('should name the department, year and month of a lock with its reason', async () => {
      const [{ name }] = await ds.query(`SELECT name FROM departments WHERE id = $1`, [dept.departmentId]);
      // Other test files import the same document (same department name) into the shared database: this
      // file's admin tells its own lock apart.
      const ours = (await entries('action=period-lock.lock')).filter(
        (e) => e.actorName === adminName && e.summary.includes(name),
      );
      expect(ours).toHaveLength(1);
      expect(ours[0].summary).toMatch(
        new RegExp(`^${adminName} 锁定月份 ${name} 2025 年 · 2025-08（原因：年中盘点）$`),
      );
    });

    it('should say a login in Chinese', async () => {
      const [login] = await entries(`user=${lead.username}&action=auth.login`);
      expect(login.summary).toBe(`${lead.username} 登录`);
      expect(login.changes).toEqual([]);
    });

    it('should name the indicator an import archived and when', async () => {
      await ds.query(
        `INSERT INTO audit_log (at, actor_name, action, entity, entity_id, before, after)
         VALUES (timestamptz '2025-07-15 10:00:00+08', 'admin', 'indicator.archive-by-import', 'indicator', $1, $2, $3)`,
        [
          indicator.id,
          JSON.stringify({ name: indicator.name }),
          JSON.stringify({ archivedAt: '2025-07-15T02:00:00.000Z' }),
        ],
      );
      const [archived] = await entries(`project=${project.id}&action=indicator.archive-by-import`);
      expect(archived.summary).toBe(
        `admin 导入时归档指标 ${project.name} · ${indicator.name} 归档时间 2025-07-15 10:00`,
      );
      expect(archived.changes).toEqual([
        { field: 'archivedAt', label: '归档时间', before: null, after: '2025-07-15 10:00' },
      ]);
    });

    it('should filter by project and by several actions', async () => {
      const items = await entries(
        `project=${project.id}&action=progress-report.create&action=progress-report.update`,
      );
      expect(items.map((i) => i.action).sort()).toEqual(['progress-report.create', 'progress-report.update']);
      const other = dept.projects.find((p) => p.id !== project.id)!;
      expect(await entries(`project=${other.id}&action=progress-report.update`)).toEqual([]);
    });

    it.each([
      ['project=abc', 'project', '项目 id'],
      ['action=Bad', 'action', '操作格式'],
    ])('should answer 400 for %s naming %s', async (query, field, message) => {
      const res = await get(auditor, query).expect(400);
      expect(res.body.errors[field]).toContain(message);
    });
  });
});
