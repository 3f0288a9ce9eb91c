import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn } from './factories/user.factory';
import { createTestApp } from './setup/test-app';

/** The app built with API_DOCS set as at boot (the setting is read once, when the config module loads). */
async function appWithDocs(mode: string | undefined): Promise<{ app: INestApplication; ds: DataSource }> {
  const previous = process.env.API_DOCS;
  if (mode === undefined) delete process.env.API_DOCS;
  else process.env.API_DOCS = mode;
  try {
    return await createTestApp();
  } finally {
    if (previous === undefined) delete process.env.API_DOCS;
    else process.env.API_DOCS = previous;
  }
}

describe('API docs (API_DOCS)', () => {
  describe('admin', () => {
    let app: INestApplication;
    let ds: DataSource;

    beforeAll(async () => {
      ({ app, ds } = await appWithDocs('admin'));
    });

    afterAll(async () => {
      await app.close();
    });

    it('should refuse the docs and their JSON to anonymous callers (401) and to other roles (403)', async () => {
      const http = request(app.getHttpServer());
      for (const path of ['/api/docs', '/api/docs/', '/api/docs-json']) {
        const anonymous = await http.get(path).expect(401);
        expect(anonymous.body).toMatchObject({
          code: 'UNAUTHORIZED',
          message: expect.stringMatching(/绩效管理员/),
        });
      }
      const { bearer } = await signIn(app, ds, 'auditor');
      const auditor = await http.get('/api/docs-json').set('Authorization', bearer).expect(403);
      expect(auditor.body.message).toBe('接口文档仅向绩效管理员开放');
      await http.get('/api/docs-json').set('Authorization', 'Bearer not-a-token').expect(401);
    });

    it('should serve the docs to a signed-in admin, and leave the other routes alone', async () => {
      const http = request(app.getHttpServer());
      const { bearer } = await signIn(app, ds, 'admin');
      const json = await http.get('/api/docs-json').set('Authorization', bearer).expect(200);
      expect(json.body.info.title).toBe('Jixiao 绩效 API');
      expect(json.body.paths['/api/departments']).toBeDefined();
      await http.get('/api/docs/').set('Authorization', bearer).expect(200);
      await http.get('/api/health').expect(200);
    });
  });

  it.each([
    ['off', 404],
    [undefined, 200],
    ['on', 200],
  ])('should answer an anonymous /api/docs-json with %s → %i', async (mode, status) => {
    const { app } = await appWithDocs(mode);
    try {
      await request(app.getHttpServer()).get('/api/docs-json').expect(status);
    } finally {
      await app.close();
    }
  });
});
