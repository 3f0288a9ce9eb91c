import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

describe('target correction (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  let indicator: { id: string; version: number; target_raw: string };
  const code = uniqueCode();

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    // "758.22" under 成本指标 is published without its unit (万元): the parser cannot know it.
    [indicator] = await ds.query(
      `SELECT i.id, i.version, i.target_raw FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id WHERE d.code = $1 AND i.target_raw = '758.22' LIMIT 1`,
      [code],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  const correct = (bearer: string, body: object) =>
    request(app.getHttpServer())
      .put(`/api/indicators/${indicator.id}/target`)
      .set('Authorization', bearer)
      .send(body);
  const ceiling = {
    operator: '<=',
    value: 7582200,
    unit: '元',
    direction: 'lower',
    accumulation: 'cumulative',
    note: '表头单位为万元',
  };

  it('should store the admin’s reading with explicit confidence, keep the raw text, and audit it', async () => {
    const res = await correct(admin, { ...ceiling, version: indicator.version }).expect(200);
    expect(res.body.target).toMatchObject({
      raw: '758.22',
      operator: '<=',
      value: 7582200,
      unit: '元',
      confidence: 'explicit',
    });
    const [row] = await ds.query(
      `SELECT target_raw, target_unit, target_corrected FROM indicators WHERE id = $1`,
      [indicator.id],
    );
    expect(row).toEqual({ target_raw: '758.22', target_unit: '元', target_corrected: true });
    const [audit] = await ds.query(
      `SELECT reason FROM audit_log WHERE action = 'indicator.correct-target' AND entity_id = $1`,
      [indicator.id],
    );
    expect(audit.reason).toBe('表头单位为万元');
  });

  it('should keep the correction when the same published text is imported again', async () => {
    const revised = seedDocument(code);
    revised.overall.functions = `${revised.overall.functions ?? ''}（修订）`;
    await app.get(ImportsService).load(revised, null, 'v2.json', 'v2');
    const [row] = await ds.query(`SELECT target_unit, target_corrected FROM indicators WHERE id = $1`, [
      indicator.id,
    ]);
    expect(row).toEqual({ target_unit: '元', target_corrected: true });
  });

  it('should answer 409 for a stale version and 400 for a reading that contradicts itself', async () => {
    await correct(admin, { ...ceiling, version: 1 }).expect(409);
    const [{ version }] = await ds.query(`SELECT version FROM indicators WHERE id = $1`, [indicator.id]);
    const noValue = await correct(admin, { ...ceiling, value: undefined, version }).expect(400);
    expect(noValue.body.errors.value).toBeDefined();
    const range = await correct(admin, {
      operator: 'between',
      min: 5,
      max: 1,
      direction: 'exact',
      accumulation: 'level',
      version,
    }).expect(400);
    expect(range.body.errors.min).toContain('下限');
  });

  it('should refuse everyone but the admin', async () => {
    const { bearer } = await signIn(app, ds, 'leader');
    await correct(bearer, { ...ceiling, version: 1 }).expect(403);
  });
});
