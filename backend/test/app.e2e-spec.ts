import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { insertDepartmentYear, insertProject } from './factories/department.factory';
import { signIn } from './factories/user.factory';
import { API_COMPRESSION_THRESHOLD } from '../src/app.setup';
import { createTestApp } from './setup/test-app';

describe('API baseline (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let bearer: string;
  const get = (url: string) => request(app.getHttpServer()).get(url).set('Authorization', bearer);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer } = await signIn(app, ds, 'auditor'));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should answer /api/health with the database up', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('should tell anyone, signed in or not, whether this is a demo installation', async () => {
    const res = await request(app.getHttpServer()).get('/api/app-info').expect(200);
    expect(res.body).toEqual({ demo: false });
  });

  it('should serve the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/departments',
        '/api/departments/{code}/years/{year}/projects',
      ]),
    );
  });

  it('should compress a large answer for a client that accepts it, and only then', async () => {
    const compressed = await request(app.getHttpServer())
      .get('/api/docs-json')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(Object.keys(compressed.body.paths).length).toBeGreaterThan(10);

    const plain = await request(app.getHttpServer())
      .get('/api/docs-json')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBeGreaterThan(API_COMPRESSION_THRESHOLD);

    const small = await request(app.getHttpServer())
      .get('/api/health')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('should list a department with its years and its projects in 表10 order, budgets in 万元', async () => {
    const dept = await insertDepartmentYear(ds, { year: 2025 });
    await insertProject(ds, dept.fiscalYearId, {
      seq: 2,
      code: 'B-2',
      name: '第二个',
      budgetYuan: 4_660_000,
    });
    await insertProject(ds, dept.fiscalYearId, {
      seq: 1,
      code: null,
      name: '第一个',
      category: '其他',
      budgetYuan: 16_000,
    });

    const list = await get('/api/departments').expect(200);
    expect(list.body).toContainEqual({
      code: dept.code,
      name: dept.name,
      parentCode: null,
      years: [2025],
      currentYear: 2025,
    });

    const projects = await get(`/api/departments/${dept.code}/years/2025/projects`).expect(200);
    expect(
      projects.body.map(
        (p: { name: string; code: string | null; budget: number; category: string | null }) => [
          p.name,
          p.code,
          p.budget,
          p.category,
        ],
      ),
    ).toEqual([
      ['第一个', null, 1.6, '其他'],
      ['第二个', 'B-2', 466, null],
    ]);
  });

  it.each([
    ['a year that is not a number', '/api/departments/031/years/abc/projects', 'year', '预算年度必须是整数'],
    ['a year out of range', '/api/departments/031/years/1900/projects', 'year', '不能早于 2000'],
    ['a code with symbols', '/api/departments/0%2A1/years/2025/projects', 'code', '部门编码'],
  ])('should answer 400 naming the field for %s', async (_case, url, field, message) => {
    const res = await get(url).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors[field]).toContain(message);
  });

  it('should answer 404 in the one error shape for an unknown department year', async () => {
    const res = await get('/api/departments/NOPE/years/2025/projects').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: '部门 NOPE 的 2025 年度预算不存在',
    });
  });

  it('should answer 404 in the one error shape for an unknown route', async () => {
    const res = await get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('should keep every answer right under 60 concurrent requests on one pooled connection', async () => {
    const depts = await Promise.all(Array.from({ length: 6 }, () => insertDepartmentYear(ds)));
    for (const [i, d] of depts.entries())
      await insertProject(ds, d.fiscalYearId, { seq: 1, name: `并发项目${i}`, budgetYuan: (i + 1) * 10000 });
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, n) => {
        const i = n % depts.length;
        return get(`/api/departments/${depts[i].code}/years/2025/projects`).then((res) => ({ i, res }));
      }),
    );
    for (const { i, res } of responses) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual([expect.objectContaining({ name: `并发项目${i}`, budget: i + 1 })]);
    }
  });
});
