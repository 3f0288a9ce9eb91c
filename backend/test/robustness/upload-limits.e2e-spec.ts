import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn } from '../factories/user.factory';
import { xlsxBomb } from '../factories/zip.factory';
import { createTestApp } from '../setup/test-app';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Every multipart route: multer's limits apply before the service runs, so unknown ids are enough. */
const UPLOAD_ROUTES = [
  ['evidence', `/api/indicators/${NO_SUCH_ID}/reports/2025-03/evidence`],
  ['document import', '/api/imports'],
  ['Excel target import', `/api/projects/${NO_SUCH_ID}/targets/import`],
] as const;

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 1)]);

describe('upload limits (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  const post = (url: string) => request(app.getHttpServer()).post(url).set('Authorization', admin);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(UPLOAD_ROUTES)('%s', (_name, url) => {
    it('should answer 400 naming the form when a request carries 50 fields', async () => {
      let req = post(url);
      for (let i = 0; i < 50; i++) req = req.field(`f${i}`, 'x');
      const res = await req.attach('file', pdf, 'a.pdf').expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.body.errors.body).toContain('字段过多');
    });

    it('should answer 400 naming the file field when a request carries two files', async () => {
      const res = await post(url).attach('file', pdf, 'a.pdf').attach('file', pdf, 'b.pdf').expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.body.errors.file).toContain('一个文件');
    });

    it('should answer 413 naming the field when a form field is longer than allowed', async () => {
      const res = await post(url).field('note', 'x'.repeat(10_000)).attach('file', pdf, 'a.pdf').expect(413);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(res.body.errors.note).toContain('过长');
    });

    it('should answer 400 naming the field a file was sent under when it is not file', async () => {
      const res = await post(url).attach('upload', pdf, 'a.pdf').expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.body.errors.file).toContain('upload');
    });

    it('should answer 400 naming the file field when the multipart body is cut short', async () => {
      const res = await post(url)
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF')
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.body.errors.file).toBeDefined();
    });
  });

  it('should answer 413 naming the file field when the file is larger than the route allows', async () => {
    const res = await post(UPLOAD_ROUTES[2][1])
      .attach('file', Buffer.alloc(5 * 1024 * 1024 + 1, 0x50), 'big.xlsx')
      .expect(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.errors.file).toContain('5 MB');
  });

  it('should answer 413 naming the file field for an Excel import that unpacks to a 200 MB sheet', async () => {
    const res = await post(UPLOAD_ROUTES[2][1])
      .attach('file', await xlsxBomb(200 * 1024 * 1024), 'targets.xlsx')
      .expect(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.errors.file).toContain('解压后过大');
  });
});
