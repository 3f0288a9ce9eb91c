import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { seedDocument } from '../factories/seed-document.factory';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

interface IndicatorRow {
  id: string;
  name: string;
  target_raw: string;
  target_unit: string | null;
  target_operator: string;
}

describe('monitoring writes (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let departmentId: string;
  let projectId: string;
  let annual: IndicatorRow[];
  let longTermId: string;
  let lead: string;
  let leader: string;
  let admin: string;
  const code = uniqueCode();
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    [{ id: departmentId }] = await ds.query(`SELECT id FROM departments WHERE code = $1`, [code]);
    // The first project with annual indicators, in 表10 order.
    [{ id: projectId }] = await ds.query(
      `SELECT p.id FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
        WHERE fy.department_id = $1 AND EXISTS (SELECT 1 FROM goals g JOIN indicators i ON i.goal_id = g.id WHERE g.project_id = p.id AND g.term = 'annual')
        ORDER BY p.seq LIMIT 1`,
      [departmentId],
    );
    annual = await ds.query(
      `SELECT i.id, i.name, i.target_raw, i.target_unit, i.target_operator FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE g.project_id = $1 AND g.term = 'annual' ORDER BY g.seq, i.seq`,
      [projectId],
    );
    [{ id: longTermId }] = await ds.query(
      `SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.term = 'long' LIMIT 1`,
      [projectId],
    );
    const signedLead = await signIn(app, ds, 'lead', departmentId);
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      projectId,
      signedLead.user.id,
    ]);
    lead = signedLead.bearer;
    ({ bearer: leader } = await signIn(app, ds, 'leader', departmentId));
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  const percentIndicator = () =>
    annual.find((i) => i.target_unit === '%' && ['>=', '>'].includes(i.target_operator)) as IndicatorRow;
  const put = (bearer: string, id: string, period: string, body: object) =>
    http().put(`/api/indicators/${id}/reports/${period}`).set('Authorization', bearer).send(body);

  it('should save a report with its light, then refuse an update without the version it was read at', async () => {
    const indicator = percentIndicator();
    const created = await put(lead, indicator.id, '2025-03', {
      actual: '100%',
      forecast: '100%',
      likelihood: '确定能',
    }).expect(200);
    expect(created.body).toMatchObject({
      version: 1,
      actualRaw: '100%',
      actualValue: 100,
      light: 'green',
      status: 'draft',
    });
    expect(created.body.lightReason).toEqual(expect.any(String));

    const stale = await put(lead, indicator.id, '2025-03', { actual: '50%' }).expect(409);
    expect(stale.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { actualRaw: '100%', version: 1 } },
    });
    await put(lead, indicator.id, '2025-03', { actual: '50%', version: 0 }).expect(409);
    const updated = await put(lead, indicator.id, '2025-03', {
      actual: '10%',
      version: 1,
      reasons: ['经费保障'],
      reasonText: '资金未到位',
    }).expect(200);
    expect(updated.body).toMatchObject({ version: 2, actualValue: 10, light: 'red', reasons: ['经费保障'] });
    const audit = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      created.body.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'progress-report.create',
      'progress-report.update',
    ]);
  });

  it('should let exactly one of two simultaneous saves from the same version win', async () => {
    const indicator = percentIndicator();
    await put(lead, indicator.id, '2025-04', { actual: '80%' }).expect(200);
    const [a, b] = await Promise.all([
      put(lead, indicator.id, '2025-04', { actual: '81%', version: 1 }),
      put(lead, indicator.id, '2025-04', { actual: '82%', version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it.each([
    ['a period outside the fiscal year', '2024-05', { actual: '1' }, 'period'],
    ['a malformed period', '2025-13', { actual: '1' }, 'period'],
    ['an empty actual', '2025-05', { actual: '' }, 'actual'],
    ['an unknown likelihood', '2025-05', { actual: '1', likelihood: '也许' }, 'likelihood'],
    ['an unknown deviation reason', '2025-05', { actual: '1', reasons: ['天气'] }, 'reasons'],
    ['an unexpected field', '2025-05', { actual: '1', light: 'green' }, 'light'],
  ])('should answer 400 naming the field for %s', async (_case, period, body, field) => {
    const res = await put(lead, percentIndicator().id, period, body).expect(400);
    expect(Object.keys(res.body.errors)).toContain(field);
  });

  it('should refuse an actual in a unit that cannot be compared with the target, naming the field', async () => {
    const res = await put(lead, percentIndicator().id, '2025-05', { actual: '5 小时' }).expect(400);
    expect(res.body.errors.actual).toMatch(/单位/);
  });

  it('should answer 400 for a long-term indicator and 404 for an unknown one', async () => {
    await put(lead, longTermId, '2025-05', { actual: '1' }).expect(400);
    await put(lead, '00000000-0000-4000-8000-000000000000', '2025-05', { actual: '1' }).expect(404);
    const bad = await put(lead, 'not-a-uuid', '2025-05', { actual: '1' }).expect(400);
    expect(bad.body.errors.id).toBeDefined();
  });

  it('should let only the assigned lead write the project', async () => {
    const { bearer: otherLead } = await signIn(app, ds, 'lead', departmentId);
    const { bearer: auditor } = await signIn(app, ds, 'auditor');
    const indicator = percentIndicator();
    expect((await put(otherLead, indicator.id, '2025-06', { actual: '90%' })).status).toBe(403);
    expect((await put(leader, indicator.id, '2025-06', { actual: '90%' })).status).toBe(403);
    expect((await put(auditor, indicator.id, '2025-06', { actual: '90%' })).status).toBe(403);
    expect((await put(admin, indicator.id, '2025-06', { actual: '90%' })).status).toBe(403);
  });

  it('should record budget execution with its pace light and refuse a negative amount', async () => {
    const saved = await http()
      .put(`/api/projects/${projectId}/budget-execution/2025-06`)
      .set('Authorization', lead)
      .send({ executed: 1000 })
      .expect(200);
    // 1000 元 of a budget of at least tens of thousands by June: far behind the pace, explained with its figures.
    expect(saved.body).toMatchObject({
      executedYuan: 1000,
      version: 1,
      pace: 50,
      light: 'red',
      explanation: expect.stringMatching(
        /^预算执行进度值 = 1000 ÷ \(\d+ × 6\/12\) × 100 = [\d.]+；[\d.]+ < 60 → 红灯$/,
      ),
    });
    const bad = await http()
      .put(`/api/projects/${projectId}/budget-execution/2025-06`)
      .set('Authorization', lead)
      .send({ executed: -1, version: 1 })
      .expect(400);
    expect(bad.body.errors.executed).toContain('不能为负');
  });

  describe('the period workflow', () => {
    const period = '2025-07';
    const action = (bearer: string, name: string, body: object = {}) =>
      http()
        .post(`/api/projects/${projectId}/periods/${period}/${name}`)
        .set('Authorization', bearer)
        .send(body);

    it('should refuse to submit an incomplete period, listing what is missing', async () => {
      await put(lead, annual[0].id, period, { actual: '达成' }).expect(200);
      const res = await action(lead, 'submit').expect(400);
      expect(res.body.errors.budgetExecution).toBeDefined();
      if (annual.length > 1) expect(res.body.errors.reports).toContain(annual[1].name);
    });

    it('should go draft → submitted → returned (with reason) → submitted → approved, locked, then unlocked by the admin', async () => {
      for (const indicator of annual.slice(1))
        await put(lead, indicator.id, period, { actual: '达成' }).expect(200);
      await http()
        .put(`/api/projects/${projectId}/budget-execution/${period}`)
        .set('Authorization', lead)
        .send({ executed: 5000 })
        .expect(200);
      expect((await action(lead, 'submit').expect(200)).body.status).toBe('submitted');
      await put(lead, annual[0].id, period, { actual: '未达成', version: 1 }).expect(423);

      const noReason = await action(leader, 'return', { reason: '   ' }).expect(400);
      expect(noReason.body.errors.reason).toBeDefined();
      const returned = await action(leader, 'return', { reason: '请补充佐证材料' }).expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请补充佐证材料' });
      await put(lead, annual[0].id, period, { actual: '达成', version: 1, evidence: '会议纪要' }).expect(200);
      await action(lead, 'submit').expect(200);
      await action(lead, 'approve').expect(403);
      expect((await action(leader, 'approve').expect(200)).body.status).toBe('approved');
      const locked = await put(lead, annual[0].id, period, { actual: '达成', version: 2 }).expect(423);
      expect(locked.body.message).toContain('解锁');
      await action(leader, 'unlock', { reason: '误审' }).expect(403);
      expect((await action(admin, 'unlock', { reason: '数据更正' }).expect(200)).body.status).toBe('draft');
      const audit = await ds.query(
        `SELECT action, reason FROM audit_log WHERE entity = 'report-period' AND entity_id = (SELECT id::text FROM report_periods WHERE project_id = $1 AND period = $2) ORDER BY id`,
        [projectId, period],
      );
      expect(audit).toEqual([
        { action: 'period.submit', reason: null },
        { action: 'period.return', reason: '请补充佐证材料' },
        { action: 'period.submit', reason: null },
        { action: 'period.approve', reason: null },
        { action: 'period.unlock', reason: '数据更正' },
      ]);
    });

    it('should refuse a leader of another department', async () => {
      const other = await ds.query(
        `INSERT INTO departments (code, name) VALUES ($1, '其他部门') RETURNING id`,
        [uniqueCode()],
      );
      const { bearer } = await signIn(app, ds, 'leader', other[0].id);
      expect((await action(bearer, 'approve')).status).toBe(403);
    });
  });

  it('should refuse every write in a period the admin locked, until the lock is released', async () => {
    const lockUrl = `/api/departments/${code}/years/2025/locks/2025-09`;
    await http().put(lockUrl).set('Authorization', leader).send({ reason: '年中盘点' }).expect(403);
    await http().put(lockUrl).set('Authorization', admin).send({ reason: '年中盘点' }).expect(200);
    await http().put(lockUrl).set('Authorization', admin).send({ reason: '再次' }).expect(409);
    const refused = await put(lead, percentIndicator().id, '2025-09', { actual: '95%' }).expect(423);
    expect(refused.body.message).toContain('锁定');
    await http().delete(lockUrl).set('Authorization', admin).send({ reason: '盘点结束' }).expect(200);
    await put(lead, percentIndicator().id, '2025-09', { actual: '95%' }).expect(200);
  });

  describe('monitoring rounds', () => {
    it('should open a named round, and on closing keep the latest report up to its month for every annual indicator', async () => {
      const base = `/api/departments/${code}/years/2025/rounds`;
      const body = { name: '2025年1–8月 绩效监控', period: '2025-08', deadline: '2025-09-15' };
      await http().post(base).set('Authorization', leader).send(body).expect(403);
      const bad = await http()
        .post(base)
        .set('Authorization', admin)
        .send({ ...body, period: '2024-08' })
        .expect(400);
      expect(bad.body.errors.period).toBeDefined();
      const round = await http().post(base).set('Authorization', admin).send(body).expect(201);
      expect(round.body).toMatchObject({
        name: body.name,
        period: '2025-08',
        deadline: '2025-09-15',
        status: 'open',
      });
      await http().post(base).set('Authorization', admin).send(body).expect(409);

      const closed = await http()
        .post(`/api/rounds/${round.body.id}/close`)
        .set('Authorization', admin)
        .send({})
        .expect(200);
      expect(closed.body.status).toBe('closed');
      const snapshot = (
        await http().get(`/api/rounds/${round.body.id}`).set('Authorization', leader).expect(200)
      ).body.snapshot;
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
          WHERE fy.department_id = $1 AND g.term = 'annual'`,
        [departmentId],
      );
      expect(snapshot.indicators).toHaveLength(n);
      const [latest] = await ds.query(
        `SELECT period, actual_raw FROM progress_reports WHERE indicator_id = $1 AND period <= '2025-08' ORDER BY period DESC LIMIT 1`,
        [percentIndicator().id],
      );
      expect(
        snapshot.indicators.find((i: { indicatorId: string }) => i.indicatorId === percentIndicator().id),
      ).toMatchObject({
        period: latest.period,
        actual: latest.actual_raw,
      });
      await http()
        .post(`/api/rounds/${round.body.id}/close`)
        .set('Authorization', admin)
        .send({})
        .expect(409);
    });
  });

  describe('evidence files', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 1)]);
    const upload = (bearer: string, content: Buffer, name: string) =>
      http()
        .post(`/api/indicators/${percentIndicator().id}/reports/2025-03/evidence`)
        .set('Authorization', bearer)
        .attach('file', content, name);

    it('should store an uploaded PDF and serve it only to readers of the department', async () => {
      const saved = await upload(lead, pdf, '会议纪要.pdf').expect(201);
      expect(saved.body).toMatchObject({
        fileName: '会议纪要.pdf',
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
      });
      const list = await http()
        .get(`/api/indicators/${percentIndicator().id}/reports/2025-03/evidence`)
        .set('Authorization', leader)
        .expect(200);
      expect(list.body.map((f: { id: string }) => f.id)).toContain(saved.body.id);
      const { bearer: auditor } = await signIn(app, ds, 'auditor');
      const file = await http()
        .get(`/api/evidence/${saved.body.id}`)
        .set('Authorization', auditor)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
      const other = await ds.query(
        `INSERT INTO departments (code, name) VALUES ($1, '他部门') RETURNING id`,
        [uniqueCode()],
      );
      const { bearer: stranger } = await signIn(app, ds, 'leader', other[0].id);
      await http().get(`/api/evidence/${saved.body.id}`).set('Authorization', stranger).expect(403);
    });

    it.each([
      ['an executable', Buffer.from('MZ....'), 'tool.exe', '只接受'],
      ['a PDF name on other bytes', Buffer.from('not a pdf at all'), 'fake.pdf', '不符'],
    ])('should refuse %s, naming the file field', async (_case, content, name, message) => {
      const res = await upload(lead, content, name).expect(400);
      expect(res.body.errors.file).toContain(message);
    });

    it('should refuse evidence before the value is reported', async () => {
      const res = await http()
        .post(`/api/indicators/${percentIndicator().id}/reports/2025-11/evidence`)
        .set('Authorization', lead)
        .attach('file', pdf, 'a.pdf')
        .expect(400);
      expect(res.body.errors.period).toBeDefined();
    });
  });
});
