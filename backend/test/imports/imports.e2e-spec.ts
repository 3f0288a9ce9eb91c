import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

const SEED_TEXT = readFileSync(join(__dirname, '..', '..', '..', 'seeds', '000_fecdbe4f42164389.txt'));

describe('imports (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should import the published document as multipart upload and return the report', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/imports')
      .set('Authorization', admin)
      .attach('file', SEED_TEXT, { filename: '东西湖区人社局2025.txt', contentType: 'text/plain' })
      .expect(201);
    expect(res.body).toMatchObject({ departmentCode: '031', year: 2025 });
    expect(res.body.markdown).toContain('载入结果');
    expect(res.body.report.counts.projects).toHaveLength(12);
  });

  it('should export the imported department-year as JSON that imports back unchanged', async () => {
    const exported = await request(app.getHttpServer())
      .get('/api/departments/031/years/2025/export')
      .set('Authorization', admin)
      .expect(200);
    expect(exported.headers['content-type']).toContain('application/json');
    const again = await request(app.getHttpServer())
      .post('/api/imports')
      .set('Authorization', admin)
      .attach('file', Buffer.from(exported.text), {
        filename: '031-2025.json',
        contentType: 'application/json',
      })
      .expect(201);
    expect(again.body.summary?.indicators?.updated ?? 0).toBe(0);
  });

  it('should refuse a leader: importing is the admin’s job', async () => {
    const { bearer } = await signIn(app, ds, 'leader');
    const res = await request(app.getHttpServer())
      .post('/api/imports')
      .set('Authorization', bearer)
      .attach('file', SEED_TEXT, 'x.txt')
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it.each([
    ['no file', undefined, '请上传文件'],
    ['an empty file', Buffer.alloc(0), '文件为空'],
    ['text that is not a budget document', Buffer.from('hello\tworld\n'), '未能识别部门编码'],
    ['broken JSON', Buffer.from('{"department": '), 'JSON'],
  ])('should answer 400 naming the file field for %s', async (_case, content, message) => {
    let req = request(app.getHttpServer()).post('/api/imports').set('Authorization', admin);
    req = content === undefined ? req.field('note', 'x') : req.attach('file', content, 'upload.txt');
    const res = await req;
    expect(res.status).toBe(400);
    expect(res.body.errors.file).toContain(message);
  });
});
