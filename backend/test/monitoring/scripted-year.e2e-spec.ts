import { indicatorStatus, type Light, type Target, parseActual } from '@jixiao/domain';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

interface Row {
  id: string;
  target: Target;
}

/** How far along each indicator is in a month: behind, on pace and ahead, so every light shows up in the year. */
const PACE = [0.4, 0.7, 1, 1.5];

/** What a lead types for an indicator in month m: a number on the chosen pace, or a judgement for 定性. */
function actualFor(target: Target, month: number, index: number): string {
  const pace = PACE[(index + month) % PACE.length];
  if (target.operator === 'qualitative' || target.operator === 'all-of' || target.operator === 'by-date') {
    return pace >= 1 ? '达成' : pace >= 0.7 ? '部分达成' : '未达成';
  }
  const base = target.value ?? target.max ?? target.min ?? 1;
  const ytd = target.accumulation === 'cumulative' ? (base * month) / 12 : base;
  const value = target.direction === 'lower' ? ytd / pace : ytd * pace;
  return `${Number(value.toFixed(2))}${target.unit ?? ''}`;
}

describe('a scripted year of monthly reports (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  const code = uniqueCode();

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
  });

  afterAll(async () => {
    await app.close();
  });

  it('should give, month by month, the dashboard counts and the project light that libs/domain gives per indicator', async () => {
    const [{ id: departmentId }] = await ds.query(`SELECT id FROM departments WHERE code = $1`, [code]);
    const [{ id: projectId }] = await ds.query(
      `SELECT p.id FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
        WHERE fy.department_id = $1 AND EXISTS (SELECT 1 FROM goals g JOIN indicators i ON i.goal_id = g.id WHERE g.project_id = p.id AND g.term = 'annual')
        ORDER BY p.seq LIMIT 1`,
      [departmentId],
    );
    const rows: Row[] = await ds.query(
      `SELECT i.id, i.target_parsed AS target FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE g.project_id = $1 AND g.term = 'annual' ORDER BY g.seq, i.seq`,
      [projectId],
    );
    const [{ total }] = await ds.query(
      `SELECT count(*)::int AS total FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
        WHERE fy.department_id = $1 AND g.term = 'annual'`,
      [departmentId],
    );
    const lead = await signIn(app, ds, 'lead', departmentId);
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      projectId,
      lead.user.id,
    ]);
    const leader = await signIn(app, ds, 'leader', departmentId);
    const seen = new Set<Light>();

    for (let month = 1; month <= 12; month++) {
      const period = `2025-${String(month).padStart(2, '0')}`;
      const expected: Record<Light, number> = {
        red: 0,
        yellow: 0,
        green: 0,
        blue: 0,
        grey: 0,
        undetermined: 0,
      };
      for (const [index, row] of rows.entries()) {
        const actual = actualFor(row.target, month, index);
        const res = await request(app.getHttpServer())
          .put(`/api/indicators/${row.id}/reports/${period}`)
          .set('Authorization', lead.bearer)
          .send({ actual })
          .expect(200);
        const { light, explanation } = indicatorStatus(
          row.target,
          { actual: parseActual(actual, row.target) },
          { year: 2025, month },
        );
        expect(res.body.light).toBe(light);
        expect(res.body.explanation).toBe(explanation);
        expected[light]++;
        seen.add(light);
      }
      // Every other indicator of the department has no report this month: grey.
      expected.grey += total - rows.length;

      const dashboard = await request(app.getHttpServer())
        .get(`/api/departments/${code}/years/2025/dashboard?asOf=${period}`)
        .set('Authorization', leader.bearer)
        .expect(200);
      expect(dashboard.body.counts).toEqual({ ...expected, total });
      const flaggedHere = dashboard.body.flagged.filter(
        (f: { projectId?: string; project?: { id: string } }) => (f.projectId ?? f.project?.id) === projectId,
      );
      expect(flaggedHere).toHaveLength(expected.red + expected.yellow);
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['green', 'red']));
  });
});
