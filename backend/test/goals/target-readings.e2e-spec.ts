import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

interface Reading {
  id: string;
  name: string;
  version: number;
}

/** Issue #19, admin at scale: 94 target readings were confirmed one dialog at a time. */
describe('bulk confirmation of target readings (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  let inferred: Reading[];
  let unparsed: Reading;
  const code = uniqueCode();
  const url = `/api/departments/${code}/years/2025/target-readings/confirm`;

  const confirm = (bearer: string, items: { indicatorId: string; version: number }[]) =>
    request(app.getHttpServer()).post(url).set('Authorization', bearer).send({ items });
  const itemsOf = (readings: Reading[]) =>
    readings.map((reading) => ({ indicatorId: reading.id, version: reading.version }));
  const stateOf = (ids: string[]) =>
    ds.query(
      `SELECT i.id, i.version, i.target_confidence AS confidence, i.target_corrected AS corrected,
              (SELECT count(*)::int FROM audit_log a WHERE a.action = 'indicator.confirm-target' AND a.entity_id = i.id::text) AS audits
         FROM indicators i WHERE i.id = ANY($1::uuid[]) ORDER BY i.id`,
      [ids],
    );
  const readings = (confidence: string): Promise<Reading[]> =>
    ds.query(
      `SELECT i.id, i.name, i.version FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN fiscal_years fy ON fy.id = g.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND i.target_confidence = $2 ORDER BY i.id`,
      [code, confidence],
    );

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    inferred = (await readings('inferred')).slice(0, 3);
    [unparsed] = await readings('unparsed');
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse the whole batch with 409 naming the stale indicator, and write nothing', async () => {
    expect(inferred).toHaveLength(3);
    const before = await stateOf(inferred.map((r) => r.id));
    const stale = inferred[1];
    const items = itemsOf(inferred).map((item) =>
      item.indicatorId === stale.id ? { ...item, version: item.version + 1 } : item,
    );
    const res = await confirm(admin, items).expect(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    expect(res.body.message).toContain(`“${stale.name}”`);
    expect(res.body.details).toMatchObject({ indicatorId: stale.id, name: stale.name });
    expect(res.body.errors).toEqual({
      'items[1].version': `items[1].version：指标“${stale.name}”已被他人修改`,
    });
    // The first item came before the stale one: it is not confirmed either.
    expect(await stateOf(inferred.map((r) => r.id))).toEqual(before);
    expect(
      before.every(
        (row: { confidence: string; audits: number }) => row.confidence === 'inferred' && row.audits === 0,
      ),
    ).toBe(true);
  });

  it('should confirm every listed reading in one go, each audited once, and drop it from the unsure ones', async () => {
    const res = await confirm(admin, itemsOf(inferred)).expect(200);
    expect(res.body.confirmed).toBe(3);
    expect(res.body.items).toEqual(
      expect.arrayContaining(inferred.map((r) => ({ id: r.id, version: r.version + 1 }))),
    );
    const after = await stateOf(inferred.map((r) => r.id));
    expect(after).toEqual(
      [...inferred]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((r) => ({
          id: r.id,
          version: r.version + 1,
          confidence: 'explicit',
          corrected: true,
          audits: 1,
        })),
    );
    // Confirmed again with the version read before: stale now.
    await confirm(admin, itemsOf(inferred.slice(0, 1))).expect(409);
  });

  it('should refuse an unreadable target, an unknown indicator and a repeated one with 400 naming the item', async () => {
    expect(unparsed).toBeDefined();
    const unreadable = await confirm(admin, itemsOf([unparsed])).expect(400);
    expect(unreadable.body.errors['items[0].indicatorId']).toContain('未能解析');
    const unknown = await confirm(admin, [
      { indicatorId: '00000000-0000-4000-8000-000000000000', version: 1 },
    ]).expect(400);
    expect(unknown.body.errors['items[0].indicatorId']).toContain('不属于该部门年度');
    const twice = await confirm(admin, [...itemsOf([unparsed]), ...itemsOf([unparsed])]).expect(400);
    expect(twice.body.errors['items[1].indicatorId']).toContain('出现多次');
    const empty = await confirm(admin, []).expect(400);
    expect(empty.body.errors.items).toBeDefined();
    expect((await stateOf([unparsed.id]))[0]).toMatchObject({ version: unparsed.version, audits: 0 });
  });

  it('should answer 404 for an unknown department-year and 403 to everyone but the admin', async () => {
    await request(app.getHttpServer())
      .post('/api/departments/zz999/years/2025/target-readings/confirm')
      .set('Authorization', admin)
      .send({ items: itemsOf(inferred) })
      .expect(404);
    const { bearer } = await signIn(app, ds, 'leader');
    await confirm(bearer, itemsOf(inferred)).expect(403);
  });
});
