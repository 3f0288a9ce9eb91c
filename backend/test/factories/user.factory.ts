import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { RoleCode } from '../../src/modules/users/entities/role.entity';

export const TEST_PASSWORD = 'Test-Passw0rd!';
let cachedHash: Promise<string> | undefined;

export interface UserSeed {
  id: string;
  username: string;
  password: string;
}

/** Inserts a user (unique name unless given); all test users share one argon2 hash to keep tests fast. */
export async function insertUser(
  ds: DataSource,
  overrides: { username?: string; role?: RoleCode; departmentId?: string | null; active?: boolean } = {},
): Promise<UserSeed> {
  cachedHash ??= argon2.hash(TEST_PASSWORD);
  const username = overrides.username ?? `u${randomBytes(5).toString('hex')}`;
  const [row] = await ds.query(
    `INSERT INTO users (username, display_name, role_code, department_id, password_hash, active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      username,
      `测试用户 ${username}`,
      overrides.role ?? 'leader',
      overrides.departmentId ?? null,
      await cachedHash,
      overrides.active ?? true,
    ],
  );
  return { id: row.id, username, password: TEST_PASSWORD };
}

/** A fresh user of that role, signed in through the API; returns the bearer header value. */
export async function signIn(
  app: INestApplication,
  ds: DataSource,
  role: RoleCode = 'leader',
  departmentId: string | null = null,
) {
  const user = await insertUser(ds, { role, departmentId });
  const res = await request(app.getHttpServer())
    .post('/api/auth/login')
    .send({ username: user.username, password: user.password })
    .expect(200);
  return { user, bearer: `Bearer ${res.body.accessToken}`, refreshToken: res.body.refreshToken as string };
}
