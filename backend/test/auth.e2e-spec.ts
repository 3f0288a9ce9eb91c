import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { insertUser, signIn, TEST_PASSWORD } from './factories/user.factory';
import { createTestApp } from './setup/test-app';

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

  it('should give the same answer for an unknown user and a wrong password', async () => {
    const user = await insertUser(ds);
    const unknown = await post('/api/auth/login', {
      username: 'nobody-here',
      password: 'Whatever-123',
    }).expect(401);
    const wrong = await post('/api/auth/login', {
      username: user.username,
      password: 'Wrong-Passw0rd',
    }).expect(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toContain('用户名或密码错误');
  });

  it('should lock the account for 15 minutes after 5 failures, even for the right password, and audit it', async () => {
    const user = await insertUser(ds);
    for (let i = 1; i <= 4; i++)
      await post('/api/auth/login', { username: user.username, password: `Wrong-${i}-Passw0rd` }).expect(401);
    const fifth = await post('/api/auth/login', {
      username: user.username,
      password: 'Wrong-5-Passw0rd',
    }).expect(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.body.message).toContain('15 分钟');
    await post('/api/auth/login', { username: user.username, password: TEST_PASSWORD }).expect(423);
    const audit = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [user.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      ...Array(4).fill('auth.login-failed'),
      'auth.lockout',
    ]);

    await ds.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
    await post('/api/auth/login', { username: user.username, password: TEST_PASSWORD }).expect(200);
  });

  it('should rotate the refresh token: the new one works once, the old one never again', async () => {
    const { refreshToken } = await signIn(app, ds);
    const first = await post('/api/auth/refresh', { refreshToken }).expect(200);
    await post('/api/auth/refresh', { refreshToken }).expect(401);
    await post('/api/auth/refresh', { refreshToken: first.body.refreshToken }).expect(200);
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
    expect(statuses.slice(0, 10).every((s) => s === 401 || s === 423)).toBe(true);
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
