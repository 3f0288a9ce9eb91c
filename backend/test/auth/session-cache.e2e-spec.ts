import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SessionCache } from '../../src/modules/auth/session-cache';
import { SessionChangeListener } from '../../src/modules/auth/session-change-listener';
import { SessionsRepository } from '../../src/modules/auth/sessions.repository';
import { signIn, TEST_PASSWORD } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { serverUrl } from '../setup/test-database';

const get = (app: INestApplication, bearer: string, url = '/api/auth/me') =>
  request(app.getHttpServer()).get(url).set('Authorization', bearer);

/** Two requests: the first fills the app's session cache, the second must be answered from it (no session query). */
async function warm(app: INestApplication, bearer: string, url = '/api/auth/me'): Promise<void> {
  await get(app, bearer, url).expect(200);
  const spy = jest.spyOn(app.get(SessionsRepository), 'findOpenSession');
  try {
    await get(app, bearer, url).expect(200);
    expect(spy).not.toHaveBeenCalled();
  } finally {
    spy.mockRestore();
  }
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('session cache in one process (server and embedded)', () => {
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    await until(() => app.get(SessionCache).isEnabled);
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse a cached session at once after logout', async () => {
    const { bearer } = await signIn(app, ds);
    await warm(app, bearer);
    await request(app.getHttpServer()).post('/api/auth/logout').set('Authorization', bearer).expect(204);
    const after = await get(app, bearer).expect(401);
    expect(after.body.code).toBe('TOKEN_EXPIRED');
  });

  it('should apply deactivation, a role change and a password reset by an admin to the next request', async () => {
    const { bearer: admin } = await signIn(app, ds, 'admin');
    const deactivated = await signIn(app, ds, 'auditor');
    await warm(app, deactivated.bearer);
    await request(app.getHttpServer())
      .patch(`/api/users/${deactivated.user.id}`)
      .set('Authorization', admin)
      .send({ version: 1, active: false })
      .expect(200);
    await get(app, deactivated.bearer).expect(401);

    const demoted = await signIn(app, ds, 'admin');
    await warm(app, demoted.bearer);
    await request(app.getHttpServer())
      .patch(`/api/users/${demoted.user.id}`)
      .set('Authorization', admin)
      .send({ version: 1, role: 'auditor' })
      .expect(200);
    expect((await get(app, demoted.bearer).expect(200)).body.role).toBe('auditor');

    const reset = await signIn(app, ds, 'auditor');
    await warm(app, reset.bearer);
    await request(app.getHttpServer())
      .post(`/api/users/${reset.user.id}/password`)
      .set('Authorization', admin)
      .send({ password: 'Reset-Passw0rd-2025' })
      .expect(204);
    await get(app, reset.bearer).expect(401);
  });

  it('should let a user with a pending password change in at once after changing it', async () => {
    const { user, bearer } = await signIn(app, ds, 'auditor');
    // Before any request of this session: nothing of it is cached yet.
    await ds.query(`UPDATE users SET must_change_password = true WHERE id = $1`, [user.id]);
    await get(app, bearer, '/api/departments').expect(403);
    await warm(app, bearer);
    await request(app.getHttpServer())
      .post('/api/auth/password')
      .set('Authorization', bearer)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Changed-Passw0rd-2025' })
      .expect(204);
    await get(app, bearer, '/api/departments').expect(200);
  });
});

/** Two app processes' worth of state on one PostgreSQL database; embedded mode is one process by design. */
(serverUrl() ? describe : describe.skip)(
  'session cache across two app instances (PostgreSQL LISTEN/NOTIFY)',
  () => {
    let a: INestApplication;
    let b: INestApplication;
    let ds: DataSource;

    beforeAll(async () => {
      ({ app: a, ds } = await createTestApp());
      ({ app: b } = await createTestApp());
      await until(() => a.get(SessionChangeListener).listening && b.get(SessionChangeListener).listening);
    });

    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('should refuse the token on B on the very next request after logout on A', async () => {
      const { bearer } = await signIn(a, ds);
      await warm(b, bearer);
      await request(a.getHttpServer()).post('/api/auth/logout').set('Authorization', bearer).expect(204);
      const after = await get(b, bearer).expect(401);
      expect(after.body.code).toBe('TOKEN_EXPIRED');
    });

    it('should refuse a user on B on the very next request after an admin deactivates them on A', async () => {
      const { bearer: admin } = await signIn(a, ds, 'admin');
      const { user, bearer } = await signIn(a, ds, 'auditor');
      await warm(b, bearer);
      await request(a.getHttpServer())
        .patch(`/api/users/${user.id}`)
        .set('Authorization', admin)
        .send({ version: 1, active: false })
        .expect(200);
      await get(b, bearer).expect(401);
    });

    it('should apply a role change on A to the very next request on B', async () => {
      const { bearer: admin } = await signIn(a, ds, 'admin');
      const { user, bearer } = await signIn(a, ds, 'admin');
      await warm(b, bearer);
      await request(a.getHttpServer())
        .patch(`/api/users/${user.id}`)
        .set('Authorization', admin)
        .send({ version: 1, role: 'auditor' })
        .expect(200);
      expect((await get(b, bearer).expect(200)).body.role).toBe('auditor');
    });

    it('should refuse a user deactivated by hand in SQL once the announcement arrives (no app waits for it)', async () => {
      const { user, bearer } = await signIn(a, ds, 'auditor');
      await warm(a, bearer);
      await warm(b, bearer);
      await ds.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
      const { sid } = a.get(JwtService).decode<{ sid: string }>(bearer.slice('Bearer '.length));
      const cached = (app: INestApplication) => app.get(SessionCache).get(sid, user.id) !== undefined;
      await until(() => !cached(a) && !cached(b), 2_000);
      await get(b, bearer).expect(401);
      await get(a, bearer).expect(401);
    });

    it('should stop using the cache while its listening connection is down, and use it again once it listens', async () => {
      const listener = b.get(SessionChangeListener);
      const cache = b.get(SessionCache);
      const { user, bearer } = await signIn(a, ds, 'auditor');
      await warm(b, bearer);
      const internals = listener as unknown as { client: { processID: number }; retryMs: number };
      // A slower reconnection than usual, so the requests below surely run while it is down.
      internals.retryMs = 3000;
      const pid = internals.client.processID;
      await ds.query(`SELECT pg_terminate_backend($1)`, [pid]);
      await until(() => !listener.listening);
      expect(cache.isEnabled).toBe(false);
      expect(cache.size).toBe(0);
      // While nothing can be announced to B, B asks the database: a change made meanwhile applies at once.
      const spy = jest.spyOn(b.get(SessionsRepository), 'findOpenSession');
      await get(b, bearer).expect(200);
      await get(b, bearer).expect(200);
      expect(spy).toHaveBeenCalledTimes(2);
      spy.mockRestore();
      await until(() => listener.listening);
      expect(cache.isEnabled).toBe(true);
      await warm(b, bearer);
      // A change made by hand in SQL reaches B when its announcement arrives (asynchronously; no app waits for it):
      // the cache, listening again, must drop the session then.
      await ds.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1`, [user.id]);
      const { sid } = b.get(JwtService).decode<{ sid: string }>(bearer.slice('Bearer '.length));
      await until(() => cache.get(sid, user.id) === undefined, 2_000);
      await get(b, bearer).expect(401);
    });
  },
);
