import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditQueryService } from '../../src/modules/audit/audit-query.service';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

describe(AuditQueryService.name, () => {
  let app: INestApplication;
  let ds: DataSource;
  let auditor: string;
  // An entity name of this file's own: other tests write to the same log.
  const entity = `t${randomBytes(5).toString('hex')}`;
  const alice = { id: randomUUID(), name: `alice${randomBytes(3).toString('hex')}` };
  const bob = { id: randomUUID(), name: `bob${randomBytes(3).toString('hex')}` };
  const ids = Array.from({ length: 5 }, () => randomUUID());
  const get = (bearer: string, query: string) =>
    request(app.getHttpServer()).get(`/api/audit?${query}`).set('Authorization', bearer);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    // 25 entries, one per hour from 2025-07-01 00:00 China time (= 2025-06-30 16:00 UTC), alternating actors.
    for (let n = 0; n < 25; n++) {
      const actor = n % 2 === 0 ? alice : bob;
      await ds.query(
        `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, before, after, reason)
         VALUES (timestamptz '2025-07-01 00:00:00+08' + make_interval(hours => $1), $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          n,
          actor.id,
          actor.name,
          `${entity}.update`,
          entity,
          ids[n % 5],
          JSON.stringify({ n: n - 1 }),
          JSON.stringify({ n }),
          n === 24 ? '测试原因' : null,
        ],
      );
    }
    ({ bearer: auditor } = await signIn(app, ds, 'auditor'));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should page the entries of an entity newest first with the total', async () => {
    const first = await get(auditor, `entity=${entity}&pageSize=10`).expect(200);
    expect(first.body).toMatchObject({ total: 25, page: 1, pageSize: 10 });
    expect(first.body.items.map((i: { after: { n: number } }) => i.after.n)).toEqual([
      24, 23, 22, 21, 20, 19, 18, 17, 16, 15,
    ]);
    expect(first.body.items[0]).toMatchObject({
      actorId: alice.id,
      actorName: alice.name,
      action: `${entity}.update`,
      entity,
      entityId: ids[4],
      before: { n: 23 },
      reason: '测试原因',
    });
    const last = await get(auditor, `entity=${entity}&pageSize=10&page=3`).expect(200);
    expect(last.body.items.map((i: { after: { n: number } }) => i.after.n)).toEqual([4, 3, 2, 1, 0]);
    const beyond = await get(auditor, `entity=${entity}&pageSize=10&page=4`).expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: 25 });
  });

  it.each([
    ['an entity id', () => `id=${ids[0]}`, [20, 15, 10, 5, 0]],
    ['a username', () => `user=${bob.name}&pageSize=3`, [23, 21, 19]],
    ['a user id', () => `user=${bob.id}&pageSize=3`, [23, 21, 19]],
    ['whole days in China time', () => 'from=2025-07-01&to=2025-07-01&pageSize=3', [23, 22, 21]],
    [
      'instants, both ends included',
      () => 'from=2025-07-01T10:00:00%2B08:00&to=2025-07-01T12:00:00%2B08:00',
      [12, 11, 10],
    ],
    ['a start day alone', () => 'from=2025-07-02', [24]],
    ['an end day alone', () => 'to=2025-06-30', []],
  ])('should filter by %s', async (_case, query, expected) => {
    const res = await get(auditor, `entity=${entity}&${query()}`).expect(200);
    expect(res.body.items.map((i: { after: { n: number } }) => i.after.n)).toEqual(expected);
  });

  it('should count a whole day of entries in China time', async () => {
    const res = await get(auditor, `entity=${entity}&from=2025-07-01&to=2025-07-01`).expect(200);
    expect(res.body.total).toBe(24);
  });

  it.each([
    ['pageSize=101', 'pageSize', '不能超过 100'],
    ['page=0', 'page', '不能小于 1'],
    ['page=x', 'page', '必须是整数'],
    ['from=2025-13-01', 'from', '起始日期'],
    ['from=2025-07-02&to=2025-07-01', 'from', '不能晚于截止日期'],
    ['to=yesterday', 'to', '截止日期'],
    ['entity=Bad%20Name', 'entity', '实体类型'],
    ['actor=alice', 'actor', '不允许'],
  ])('should answer 400 for %s naming %s', async (query, field, message) => {
    const res = await get(auditor, query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect(res.body.errors[field]).toContain(message);
  });

  it.each([
    ['admin', 200],
    ['auditor', 200],
    ['leader', 403],
    ['lead', 403],
  ] as const)('should answer a %s with %d', async (role, status) => {
    const { bearer } = await signIn(app, ds, role);
    await get(bearer, `entity=${entity}`).expect(status);
  });

  it('should show a real write: the login of the auditor is in the log', async () => {
    const { user, bearer } = await signIn(app, ds, 'auditor');
    const res = await get(bearer, `user=${user.username}`).expect(200);
    expect(res.body.items.map((i: { action: string }) => i.action)).toContain('auth.login');
  });
});
