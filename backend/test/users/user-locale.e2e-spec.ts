import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

describe('PUT /api/auth/me/locale', () => {
  let app: INestApplication;
  let ds: DataSource;
  const put = (bearer: string, body: object) =>
    request(app.getHttpServer()).put('/api/auth/me/locale').set('Authorization', bearer).send(body);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
  });

  afterAll(async () => {
    await app.close();
  });

  it('should keep the language on the user, answer it at the next sign-in and refresh, and audit the change', async () => {
    const { user, bearer, refreshToken } = await signIn(app, ds, 'auditor');

    const res = await put(bearer, { locale: 'en-US' }).expect(200);

    expect(res.body).toEqual({ locale: 'en-US' });
    const login = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    expect(login.body.user.locale).toBe('en-US');
    const refreshed = await request(app.getHttpServer())
      .post('/api/auth/refresh')
      .send({ refreshToken })
      .expect(200);
    expect(refreshed.body.user.locale).toBe('en-US');
    const audit = await ds.query(
      `SELECT action, before, after, actor_id AS "actorId" FROM audit_log
        WHERE entity = 'user' AND entity_id = $1 AND action = 'user.change-locale'`,
      [user.id],
    );
    expect(audit).toEqual([
      {
        action: 'user.change-locale',
        before: { locale: null },
        after: { locale: 'en-US' },
        actorId: user.id,
      },
    ]);
  });

  it('should start without a language, so the browser decides', async () => {
    const { user } = await signIn(app, ds, 'lead');
    const login = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);

    expect(login.body.user.locale).toBeNull();
  });

  it('should leave the account version alone, so an admin editing the user meanwhile gets no conflict', async () => {
    const { user, bearer } = await signIn(app, ds, 'leader');
    const [before] = await ds.query(`SELECT version FROM users WHERE id = $1`, [user.id]);

    await put(bearer, { locale: 'en-US' }).expect(200);
    await put(bearer, { locale: 'zh-CN' }).expect(200);

    const [after] = await ds.query(`SELECT version, locale FROM users WHERE id = $1`, [user.id]);
    expect(after).toEqual({ version: before.version, locale: 'zh-CN' });
  });

  it.each([[{ locale: 'fr-FR' }], [{ locale: 'en' }], [{}], [{ locale: 42 }]])(
    'should refuse %j with 400 naming the field, writing nothing',
    async (body) => {
      const { user, bearer } = await signIn(app, ds, 'leader');

      const res = await put(bearer, body).expect(400);

      expect(res.body.errors).toEqual({ locale: 'locale：界面语言只能是 zh-CN、en-US' });
      const [row] = await ds.query(`SELECT locale FROM users WHERE id = $1`, [user.id]);
      expect(row.locale).toBeNull();
      const audit = await ds.query(
        `SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'user.change-locale'`,
        [user.id],
      );
      expect(audit).toEqual([]);
    },
  );

  it('should need a signed-in user', async () => {
    await request(app.getHttpServer()).put('/api/auth/me/locale').send({ locale: 'en-US' }).expect(401);
  });
});
