import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { insertDepartmentYear, insertProject, uniqueCode } from '../factories/department.factory';
import { signIn, TEST_PASSWORD } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

describe('users and assignments (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  const newUser = (body: object) => http().post('/api/users').set('Authorization', admin).send(body);

  it('should create a lead, refuse a weak password and a taken username, naming the field', async () => {
    const dept = await insertDepartmentYear(ds);
    const username = uniqueCode().toLowerCase();
    const weak = await newUser({
      username,
      displayName: '王五',
      role: 'lead',
      departmentCode: dept.code,
      password: 'short',
    }).expect(400);
    expect(weak.body.errors.password).toContain('至少 10 位');
    const created = await newUser({
      username,
      displayName: '王五',
      role: 'lead',
      departmentCode: dept.code,
      password: 'Strong-Pass-2025',
    }).expect(201);
    expect(created.body).toMatchObject({
      username,
      role: 'lead',
      departmentCode: dept.code,
      active: true,
      version: 1,
    });
    const taken = await newUser({
      username,
      displayName: '王五',
      role: 'lead',
      departmentCode: dept.code,
      password: 'Strong-Pass-2025',
    }).expect(409);
    expect(taken.body.errors.username).toBeDefined();
    const unknownDept = await newUser({
      username: `${username}x`,
      displayName: '赵六',
      role: 'lead',
      departmentCode: 'NOPE',
      password: 'Strong-Pass-2025',
    }).expect(400);
    expect(unknownDept.body.errors.departmentCode).toContain('不存在');
    await http().post('/api/auth/login').send({ username, password: 'Strong-Pass-2025' }).expect(200);
  });

  it('should detect a stale version and end the sessions of a deactivated user', async () => {
    const { user, bearer } = await signIn(app, ds, 'lead');
    await http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', admin)
      .send({ version: 99, displayName: '新名字' })
      .expect(409);
    const updated = await http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', admin)
      .send({ version: 1, active: false })
      .expect(200);
    expect(updated.body).toMatchObject({ active: false, version: 2 });
    await http().get('/api/auth/me').set('Authorization', bearer).expect(401);
    const audit = await ds.query(
      `SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = 'user.update'`,
      [user.id],
    );
    expect(audit).toHaveLength(1);
  });

  it.each([
    ['create a leader without departmentCode', { role: 'leader' }],
    ['create a lead with departmentCode null', { role: 'lead', departmentCode: null }],
  ])('should refuse to %s, naming departmentCode', async (_, fields) => {
    const res = await newUser({
      username: uniqueCode().toLowerCase(),
      displayName: '钱七',
      password: 'Strong-Pass-2025',
      ...fields,
    }).expect(400);
    expect(res.body.errors).toEqual({
      departmentCode: 'departmentCode：部门领导和项目负责人必须指定所属部门',
    });
  });

  it('should create an auditor without a department, and refuse to make it a lead or to unbind a lead', async () => {
    const dept = await insertDepartmentYear(ds);
    const auditor = await newUser({
      username: uniqueCode().toLowerCase(),
      displayName: '孙八',
      role: 'auditor',
      password: 'Strong-Pass-2025',
    }).expect(201);
    expect(auditor.body.departmentCode).toBeNull();
    const patch = (id: string, body: object) =>
      http().patch(`/api/users/${id}`).set('Authorization', admin).send(body);
    const toLead = await patch(auditor.body.id, { version: 1, role: 'lead' }).expect(400);
    expect(toLead.body.errors.departmentCode).toContain('必须指定所属部门');
    const lead = await patch(auditor.body.id, { version: 1, role: 'lead', departmentCode: dept.code }).expect(
      200,
    );
    expect(lead.body).toMatchObject({ role: 'lead', departmentCode: dept.code, version: 2 });
    const unbind = await patch(auditor.body.id, { version: 2, departmentCode: null }).expect(400);
    expect(unbind.body.errors.departmentCode).toContain('必须指定所属部门');
    const [row] = await ds.query(`SELECT department_id AS "departmentId" FROM users WHERE id = $1`, [
      auditor.body.id,
    ]);
    expect(row.departmentId).toBe(dept.departmentId);
  });

  it('should assign only leads of the project’s department, replacing the previous assignment', async () => {
    const dept = await insertDepartmentYear(ds);
    const projectId = await insertProject(ds, dept.fiscalYearId, { seq: 1 });
    const { user: lead } = await signIn(app, ds, 'lead', dept.departmentId);
    const { user: leader } = await signIn(app, ds, 'leader', dept.departmentId);
    const { user: unbound } = await signIn(app, ds, 'lead', null);
    const refused = await http()
      .put(`/api/projects/${projectId}/leads`)
      .set('Authorization', admin)
      .send({ userIds: [lead.id, leader.id, unbound.id] })
      .expect(400);
    expect(refused.body.errors.userIds).toContain(leader.id);
    expect(refused.body.errors.userIds).toContain(unbound.id);
    const ok = await http()
      .put(`/api/projects/${projectId}/leads`)
      .set('Authorization', admin)
      .send({ userIds: [lead.id] })
      .expect(200);
    expect(ok.body.leads.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    await http()
      .put(`/api/projects/${projectId}/leads`)
      .set('Authorization', admin)
      .send({ userIds: [] })
      .expect(200);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM project_assignments WHERE project_id = $1`,
      [projectId],
    );
    expect(n).toBe(0);
  });

  it('should let a user change their own password only with the current one', async () => {
    const { user, bearer } = await signIn(app, ds, 'leader');
    const wrong = await http()
      .post('/api/auth/password')
      .set('Authorization', bearer)
      .send({ currentPassword: 'nope', newPassword: 'Another-Pass-2025' })
      .expect(400);
    expect(wrong.body.errors.currentPassword).toBeDefined();
    await http()
      .post('/api/auth/password')
      .set('Authorization', bearer)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-2025' })
      .expect(204);
    await http()
      .post('/api/auth/login')
      .send({ username: user.username, password: 'Another-Pass-2025' })
      .expect(200);
  });

  it('should end every other session of the user on a password change and keep the current one', async () => {
    const { user, bearer: current, refreshToken: currentRefresh } = await signIn(app, ds, 'leader');
    const other = await http()
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(200);
    await http()
      .post('/api/auth/password')
      .set('Authorization', current)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-2025' })
      .expect(204);
    await http().get('/api/departments').set('Authorization', current).expect(200);
    await http().post('/api/auth/refresh').send({ refreshToken: currentRefresh }).expect(200);
    await http().get('/api/departments').set('Authorization', `Bearer ${other.body.accessToken}`).expect(401);
    await http().post('/api/auth/refresh').send({ refreshToken: other.body.refreshToken }).expect(401);
  });

  it('should end all sessions on an admin reset and make the user change the password before anything else', async () => {
    const { user, bearer, refreshToken } = await signIn(app, ds, 'leader');
    await http()
      .post(`/api/users/${user.id}/password`)
      .set('Authorization', admin)
      .send({ password: 'Reset-Pass-2025' })
      .expect(204);
    await http().get('/api/departments').set('Authorization', bearer).expect(401);
    await http().post('/api/auth/refresh').send({ refreshToken }).expect(401);

    const login = await http()
      .post('/api/auth/login')
      .send({ username: user.username, password: 'Reset-Pass-2025' })
      .expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const pending = `Bearer ${login.body.accessToken}`;
    const refused = await http().get('/api/departments').set('Authorization', pending).expect(403);
    expect(refused.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const me = await http().get('/api/auth/me').set('Authorization', pending).expect(200);
    expect(me.body.mustChangePassword).toBe(true);
    const refreshed = await http()
      .post('/api/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(200);
    expect(refreshed.body.user.mustChangePassword).toBe(true);
    const renewed = `Bearer ${refreshed.body.accessToken}`;
    await http()
      .post('/api/auth/password')
      .set('Authorization', renewed)
      .send({ currentPassword: 'Reset-Pass-2025', newPassword: 'Own-Choice-2025' })
      .expect(204);
    await http().get('/api/departments').set('Authorization', renewed).expect(200);
    expect((await http().get('/api/auth/me').set('Authorization', renewed)).body.mustChangePassword).toBe(
      false,
    );
    await http().post('/api/auth/logout').set('Authorization', renewed).expect(204);
  });

  it('should make an account created by the admin change its initial password at first login', async () => {
    const username = uniqueCode().toLowerCase();
    await newUser({ username, displayName: '初始', role: 'auditor', password: 'Initial-Pass-2025' }).expect(
      201,
    );
    const login = await http()
      .post('/api/auth/login')
      .send({ username, password: 'Initial-Pass-2025' })
      .expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    await http().get('/api/users').set('Authorization', `Bearer ${login.body.accessToken}`).expect(403);
  });

  it('should refuse account management to everyone but the admin', async () => {
    const { bearer: leader } = await signIn(app, ds, 'leader');
    await newUser({}).set('Authorization', leader).expect(403);
    const { bearer: auditor } = await signIn(app, ds, 'auditor');
    await http().get('/api/users').set('Authorization', auditor).expect(200);
    await http().get('/api/users').set('Authorization', leader).expect(403);
  });
});
