import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/modules/audit/audit.service';
import { insertUser, signIn, TEST_PASSWORD } from './factories/user.factory';
import { createTestApp } from './setup/test-app';

/** Runs inside every argon2.verify of the app, before the real one (set by a test, undefined otherwise). */
let mockBeforeVerify: (() => Promise<void>) | undefined;
jest.mock('argon2', () => {
  const actual = jest.requireActual('argon2');
  return {
    ...actual,
    verify: async (...args: unknown[]) => {
      await mockBeforeVerify?.();
      return actual.verify(...args);
    },
  };
});

describe('authentication (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  const post = (url: string, body: object) => request(app.getHttpServer()).post(url).send(body);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse a protected route without a token, naming the problem in Chinese', async () => {
    const res = await request(app.getHttpServer()).get('/api/departments').expect(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHORIZED', message: '请先登录' });
  });

  it('should sign in, answer /auth/me, and accept the username in any case', async () => {
    const user = await insertUser(ds, { role: 'auditor' });
    const res = await post('/api/auth/login', {
      username: user.username.toUpperCase(),
      password: TEST_PASSWORD,
    }).expect(200);
    expect(res.body).toMatchObject({ expiresIn: 900, user: { username: user.username, role: 'auditor' } });
    const me = await request(app.getHttpServer())
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ id: user.id, role: 'auditor' });
  });

  it('should answer 400 naming the field when the password is missing', async () => {
    const res = await post('/api/auth/login', { username: 'someone' }).expect(400);
    expect(res.body.errors).toEqual({ password: 'password：请输入密码' });
  });

  const UNIFORM = {
    statusCode: 401,
    code: 'INVALID_CREDENTIALS',
    message: '用户名或密码错误，或账户暂不可用',
  };

  it('should give one answer for an unknown user, a wrong password, a disabled and a locked account, auditing the real reason', async () => {
    const known = await insertUser(ds);
    const disabled = await insertUser(ds, { active: false });
    const locked = await insertUser(ds);
    await ds.query(
      `UPDATE users SET failed_logins = 5, locked_until = now() + interval '10 minutes' WHERE id = $1`,
      [locked.id],
    );
    const answers = [
      await post('/api/auth/login', { username: 'nobody-here', password: 'Whatever-123' }),
      await post('/api/auth/login', { username: known.username, password: 'Wrong-Passw0rd' }),
      await post('/api/auth/login', { username: disabled.username, password: TEST_PASSWORD }),
      await post('/api/auth/login', { username: locked.username, password: TEST_PASSWORD }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNIFORM);
    }
    const reasons = await ds.query(
      `SELECT entity_id AS id, after->>'reason' AS reason FROM audit_log WHERE action = 'auth.login-failed' AND entity_id = ANY($1)`,
      [[known.id, disabled.id, locked.id]],
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        { id: known.id, reason: 'wrong-password' },
        { id: disabled.id, reason: 'disabled' },
        { id: locked.id, reason: 'locked' },
      ]),
    );
  });

  it('should delay an account after 5 failures with a growing, capped delay that further guesses do not renew', async () => {
    const user = await insertUser(ds);
    for (let i = 1; i <= 5; i++)
      expect(
        (await post('/api/auth/login', { username: user.username, password: `Wrong-${i}-Passw0rd` })).body,
      ).toEqual(UNIFORM);
    const lockedUntil = async (): Promise<number> =>
      Number(
        (
          await ds.query(`SELECT EXTRACT(EPOCH FROM locked_until - now()) AS s FROM users WHERE id = $1`, [
            user.id,
          ])
        )[0].s,
      );
    // First delay: one minute.
    expect(await lockedUntil()).toBeGreaterThan(50);
    expect(await lockedUntil()).toBeLessThanOrEqual(60);
    const [{ until }] = await ds.query(`SELECT locked_until AS until FROM users WHERE id = $1`, [user.id]);
    // Guesses during the delay (even the right password) are refused and neither count nor renew it.
    await post('/api/auth/login', { username: user.username, password: 'Wrong-6-Passw0rd' }).expect(401);
    await post('/api/auth/login', { username: user.username, password: TEST_PASSWORD }).expect(401);
    const [after] = await ds.query(
      `SELECT failed_logins AS n, locked_until AS until FROM users WHERE id = $1`,
      [user.id],
    );
    expect(after).toEqual({ n: 5, until });
    // Once the delay is over, another failure doubles it; many failures stay capped at 15 minutes.
    await ds.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
    await post('/api/auth/login', { username: user.username, password: 'Wrong-7-Passw0rd' }).expect(401);
    expect(await lockedUntil()).toBeGreaterThan(110);
    expect(await lockedUntil()).toBeLessThanOrEqual(120);
    await ds.query(`UPDATE users SET failed_logins = 40, locked_until = NULL WHERE id = $1`, [user.id]);
    await post('/api/auth/login', { username: user.username, password: 'Wrong-8-Passw0rd' }).expect(401);
    expect(await lockedUntil()).toBeLessThanOrEqual(15 * 60);
    expect(await lockedUntil()).toBeGreaterThan(15 * 60 - 10);
    const audit = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [user.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      ...Array(4).fill('auth.login-failed'),
      'auth.lockout',
      'auth.login-failed',
      'auth.login-failed',
      'auth.lockout',
      'auth.lockout',
    ]);
    await ds.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
    await post('/api/auth/login', { username: user.username, password: TEST_PASSWORD }).expect(200);
    const [reset] = await ds.query(
      `SELECT failed_logins AS n, locked_until AS until FROM users WHERE id = $1`,
      [user.id],
    );
    expect(reset).toEqual({ n: 0, until: null });
  });

  it('should keep a safe client request id, replace an unsafe one, and count the failure even with a 100-character one', async () => {
    const user = await insertUser(ds);
    const res = await post('/api/auth/login', { username: user.username, password: 'Wrong-Passw0rd' })
      .set('X-Request-Id', 'x'.repeat(100))
      .expect(401);
    expect(res.body).toEqual(UNIFORM);
    await post('/api/auth/login', { username: user.username, password: 'Wrong-Passw0rd' })
      .set('X-Request-Id', 'trace-42.a_b')
      .expect(401);
    await post('/api/auth/login', { username: user.username, password: 'Wrong-Passw0rd' })
      .set('X-Request-Id', "abc'; DROP TABLE users; --")
      .expect(401);
    const [{ n }] = await ds.query(`SELECT failed_logins AS n FROM users WHERE id = $1`, [user.id]);
    expect(n).toBe(3);
    const ids: string[] = (
      await ds.query(`SELECT request_id AS rid FROM audit_log WHERE entity_id = $1 ORDER BY id`, [user.id])
    ).map((r: { rid: string }) => r.rid);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe('trace-42.a_b');
    expect(ids[2]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should keep the failed-attempt count when the audit write fails', async () => {
    const user = await insertUser(ds);
    const spy = jest.spyOn(app.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit down'));
    try {
      await post('/api/auth/login', { username: user.username, password: 'Wrong-Passw0rd' });
    } finally {
      spy.mockRestore();
    }
    const [{ n }] = await ds.query(`SELECT failed_logins AS n FROM users WHERE id = $1`, [user.id]);
    expect(n).toBe(1);
  });

  it('should verify the password while holding no lock on the account row', async () => {
    const user = await insertUser(ds);
    const lockFreeDuringVerify: boolean[] = [];
    mockBeforeVerify = async () => {
      try {
        await ds.transaction((m) =>
          m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE NOWAIT`, [user.id]),
        );
        lockFreeDuringVerify.push(true);
      } catch {
        lockFreeDuringVerify.push(false);
      }
    };
    try {
      await post('/api/auth/login', { username: user.username, password: 'Wrong-Passw0rd' }).expect(401);
      await post('/api/auth/login', { username: user.username, password: TEST_PASSWORD }).expect(200);
    } finally {
      mockBeforeVerify = undefined;
    }
    expect(lockFreeDuringVerify).toEqual([true, true]);
  });

  it('should rotate the refresh token: the new one works, the old one never again', async () => {
    const { refreshToken } = await signIn(app, ds);
    const first = await post('/api/auth/refresh', { refreshToken }).expect(200);
    const second = await post('/api/auth/refresh', { refreshToken: first.body.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
  });

  it('should end the whole session and audit it when a rotated refresh token is presented again', async () => {
    const { user, refreshToken } = await signIn(app, ds);
    const first = await post('/api/auth/refresh', { refreshToken }).expect(200);
    const second = await post('/api/auth/refresh', { refreshToken: first.body.refreshToken }).expect(200);
    // The first token, rotated twice already, comes back (a stolen copy): the session ends for everyone.
    const reuse = await post('/api/auth/refresh', { refreshToken }).expect(401);
    expect(reuse.body.code).toBe('TOKEN_EXPIRED');
    await post('/api/auth/refresh', { refreshToken: second.body.refreshToken }).expect(401);
    await request(app.getHttpServer())
      .get('/api/departments')
      .set('Authorization', `Bearer ${second.body.accessToken}`)
      .expect(401);
    const audit = await ds.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'auth.refresh-reuse'`,
      [user.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('should end the session at logout: the access token and the refresh token stop working at once', async () => {
    const { bearer, refreshToken } = await signIn(app, ds);
    await request(app.getHttpServer()).post('/api/auth/logout').set('Authorization', bearer).expect(204);
    const after = await request(app.getHttpServer())
      .get('/api/departments')
      .set('Authorization', bearer)
      .expect(401);
    expect(after.body.code).toBe('TOKEN_EXPIRED');
    await post('/api/auth/refresh', { refreshToken }).expect(401);
  });

  it('should end a session idle longer than the idle timeout', async () => {
    const { user, bearer, refreshToken } = await signIn(app, ds);
    await ds.query(
      `UPDATE refresh_tokens SET last_used_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [user.id],
    );
    await request(app.getHttpServer()).get('/api/departments').set('Authorization', bearer).expect(401);
    await post('/api/auth/refresh', { refreshToken }).expect(401);
  });

  it('should tell an expired access token apart from a forged one', async () => {
    const { user } = await signIn(app, ds);
    const jwt = app.get(JwtService);
    const expired = await jwt.signAsync(
      { sub: user.id, sid: '00000000-0000-0000-0000-000000000000' },
      { expiresIn: -10 },
    );
    const res = await request(app.getHttpServer())
      .get('/api/departments')
      .set('Authorization', `Bearer ${expired}`)
      .expect(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
    const forged = new JwtService({ secret: 'another-secret-of-at-least-32-chars!!' }).sign({
      sub: user.id,
      sid: 'x',
    });
    const bad = await request(app.getHttpServer())
      .get('/api/departments')
      .set('Authorization', `Bearer ${forged}`)
      .expect(401);
    expect(bad.body.code).toBe('UNAUTHORIZED');
  });

  it('should rate-limit login attempts per address and username with 429 in the one error shape', async () => {
    const user = await insertUser(ds);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await post('/api/auth/login', { username: user.username, password: `Wrong-${i}-Passw0rd` })).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await post('/api/auth/login', {
      username: user.username,
      password: TEST_PASSWORD,
    }).expect(429);
    expect(limited.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' });
    // Another account from the same address is not affected.
    const other = await insertUser(ds);
    await post('/api/auth/login', { username: other.username, password: TEST_PASSWORD }).expect(200);
  });

  it('should send security headers', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('should refuse a deactivated user', async () => {
    const { user, bearer } = await signIn(app, ds);
    await ds.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    await request(app.getHttpServer()).get('/api/departments').set('Authorization', bearer).expect(401);
  });
});

describe('login limit per client address', () => {
  let app: INestApplication;
  let ds: DataSource;
  const post = (url: string, body: object) => request(app.getHttpServer()).post(url).send(body);

  beforeAll(async () => {
    process.env.LOGIN_ADDRESS_FAILURE_LIMIT = '5';
    try {
      ({ app, ds } = await createTestApp());
    } finally {
      delete process.env.LOGIN_ADDRESS_FAILURE_LIMIT;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('should answer 429 once an address has failed too often across many usernames', async () => {
    const user = await insertUser(ds);
    for (let i = 0; i < 5; i++)
      await post('/api/auth/login', { username: `guess${i}-nobody`, password: 'Whatever-123' }).expect(401);
    const limited = await post('/api/auth/login', {
      username: user.username,
      password: TEST_PASSWORD,
    }).expect(429);
    expect(limited.body).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: '登录失败次数过多，请稍后再试',
    });
  });

  it('should ignore X-Forwarded-For when no proxy is trusted (a client cannot pick its own address)', async () => {
    const user = await insertUser(ds);
    await post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })
      .set('X-Forwarded-For', '203.0.113.9')
      .expect(429);
  });
});

describe('login limit per client address behind a trusted proxy (TRUST_PROXY)', () => {
  let app: INestApplication;
  let ds: DataSource;
  const from = (address: string, body: object) =>
    request(app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', address).send(body);

  beforeAll(async () => {
    process.env.LOGIN_ADDRESS_FAILURE_LIMIT = '3';
    process.env.TRUST_PROXY = 'loopback';
    try {
      ({ app, ds } = await createTestApp());
    } finally {
      delete process.env.LOGIN_ADDRESS_FAILURE_LIMIT;
      delete process.env.TRUST_PROXY;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('should count failures per client behind the proxy, so one client cannot block the others', async () => {
    const user = await insertUser(ds);
    for (let i = 0; i < 3; i++)
      await from('198.51.100.7', { username: `guess${i}-nobody`, password: 'Whatever-123' }).expect(401);
    await from('198.51.100.7', { username: user.username, password: TEST_PASSWORD }).expect(429);
    await from('198.51.100.8', { username: user.username, password: TEST_PASSWORD }).expect(200);
  });
});
