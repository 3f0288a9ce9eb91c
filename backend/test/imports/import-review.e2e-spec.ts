import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { parseBudgetDocument } from '../../src/modules/imports/parser/budget-document.parser';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

interface Finding {
  ruleId: string;
  severity: string;
  location: { table: string; project?: string; part?: string; row?: string };
}

/** The target-quality review runs at import: its findings are in the import report, with the year's switches. */
describe('target-quality review at import (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  // Digits only: the normalized document allows no other 部门编码.
  const code = `8${randomInt(1e9)}`;
  const http = () => request(app.getHttpServer());
  const json = () => Buffer.from(JSON.stringify(seedDocument(code)));
  const preview = () =>
    http()
      .post('/api/imports?mode=preview')
      .set('Authorization', admin)
      .attach('file', json(), { filename: 'seed.json', contentType: 'application/json' });
  const switchRule = (ruleId: string, body: object) =>
    http()
      .put(`/api/departments/${code}/years/2025/target-review/rules/${ruleId}`)
      .set('Authorization', admin)
      .send(body);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
  });

  afterAll(async () => {
    await app.close();
  });

  it('should list the seed’s findings in the preview with every rule at its default', async () => {
    const body = (await preview().expect(200)).body;
    const findings = body.targetReview.findings as Finding[];
    expect(body.targetReview.switched).toBeUndefined();
    expect(body.targetReview.counts.total).toBe(findings.length);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'vague-target',
        location: expect.objectContaining({ project: '信息化建设', row: '保障业务正常开展' }),
      }),
    );
    expect(findings.some((f) => f.ruleId === 'missing-operator')).toBe(true);
    expect(findings.some((f) => f.ruleId === 'goal-missing-cost')).toBe(false);
    expect(body.markdown).toContain('## 目标质量审查');
  });

  it('should respect the department-year’s switches in the response, its preview and its markdown', async () => {
    await switchRule('missing-operator', { enabled: false, reason: '本年度按省里口径不要求比较符' }).expect(
      200,
    );
    await switchRule('goal-missing-cost', { enabled: true, reason: '本年度要求成本指标' }).expect(200);
    const body = (await preview().expect(200)).body;
    const findings = body.targetReview.findings as Finding[];
    expect(findings.some((f) => f.ruleId === 'missing-operator')).toBe(false);
    expect(findings.some((f) => f.ruleId === 'goal-missing-cost')).toBe(true);
    expect(body.targetReview.switched).toEqual([
      expect.objectContaining({
        ruleId: 'missing-operator',
        enabled: false,
        reason: '本年度按省里口径不要求比较符',
      }),
      expect.objectContaining({ ruleId: 'goal-missing-cost', enabled: true, reason: '本年度要求成本指标' }),
    ]);
    expect(body.markdown).toContain(
      '本部门本年度的规则设置：停用“定量指标值未写比较符”（本年度按省里口径不要求比较符）',
    );
    // The same findings as the department-year's own review, which reads the same switches.
    const review = (
      await http()
        .get(`/api/departments/${code}/years/2025/target-review`)
        .set('Authorization', admin)
        .expect(200)
    ).body;
    expect(body.targetReview.counts).toEqual(review.counts);
  });

  it('should put the switched review in the parser’s report of a published text too', async () => {
    const parsed = parseBudgetDocument(
      readFileSync(join(__dirname, '..', '..', '..', 'seeds', '000_fecdbe4f42164389.txt'), 'utf8'),
    );
    const doc = { ...parsed.document, department: { ...parsed.document.department, code } };
    const result = await app
      .get(ImportsService)
      .load(doc, parsed.report, 'seed.txt', 'seed-text', { preview: true });
    expect(result.report?.targetReview).toEqual(result.targetReview);
    expect(result.targetReview.findings.some((f) => f.ruleId === 'missing-operator')).toBe(false);
    // The parser names a project's findings by its 表12 section, as its report always did.
    expect(result.targetReview.findings.some((f) => /^\(\d+\) /.test(f.location.project ?? ''))).toBe(true);
    expect(result.markdown).toContain('目标质量审查（按本部门本年度的规则设置）');
  });
});
