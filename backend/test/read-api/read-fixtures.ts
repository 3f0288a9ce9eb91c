import type { INestApplication } from '@nestjs/common';
import {
  indicatorStatus,
  type Light,
  LIGHTS as LIGHT_VALUES,
  type Likelihood,
  type Target,
  parseActual,
} from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { seedDocument } from '../factories/seed-document.factory';

export interface LoadedDepartment {
  code: string;
  departmentId: string;
  fiscalYearId: string;
  /** Projects in 表10 order. */
  projects: { id: string; name: string; code: string | null; budgetYuan: number }[];
}

export interface IndicatorFixture {
  id: string;
  name: string;
  projectId: string | null;
  target: Target;
  targetRaw: string;
}

/** The real seed document loaded under a department code of the test's own. */
export async function loadDepartment(
  app: INestApplication,
  ds: DataSource,
  code: string,
  year = 2025,
): Promise<LoadedDepartment> {
  await app.get(ImportsService).load(seedDocument(code, year), null, `${code}.json`, code);
  const [{ departmentId, fiscalYearId }] = await ds.query(
    `SELECT d.id AS "departmentId", fy.id AS "fiscalYearId" FROM departments d JOIN fiscal_years fy ON fy.department_id = d.id
      WHERE d.code = $1 AND fy.year = $2`,
    [code, year],
  );
  const projects = await ds.query(
    `SELECT id, name, code, COALESCE(current_budget_yuan, budget_yuan)::float8 AS "budgetYuan"
       FROM projects WHERE fiscal_year_id = $1 ORDER BY seq`,
    [fiscalYearId],
  );
  return { code, departmentId, fiscalYearId, projects };
}

/** Annual-goal indicators (the monitored ones) of a department-year, in document order. */
export function annualIndicators(ds: DataSource, fiscalYearId: string): Promise<IndicatorFixture[]> {
  return ds.query(
    `SELECT i.id, i.name, g.project_id AS "projectId", i.target_parsed AS target, i.target_raw AS "targetRaw"
       FROM indicators i JOIN goals g ON g.id = i.goal_id LEFT JOIN projects p ON p.id = g.project_id
      WHERE g.fiscal_year_id = $1 AND g.term = 'annual'
      ORDER BY p.seq NULLS FIRST, g.seq, i.seq`,
    [fiscalYearId],
  );
}

/** A number the indicator's target can be paced against (正向, with a value, counted or a level). */
export const isPaced = (target: Target): boolean =>
  target.direction === 'higher' &&
  target.value !== undefined &&
  target.value > 0 &&
  (target.accumulation === 'cumulative' || target.accumulation === 'level') &&
  target.operator !== 'between';

/** What a lead would type so that the indicator stands at `factor` of what is expected in month m. */
export function actualAt(target: Target, month: number, factor: number): string {
  const expected =
    target.accumulation === 'cumulative' ? ((target.value as number) * month) / 12 : (target.value as number);
  return String(Math.round(expected * factor * 100) / 100);
}

/** Inserts a report as the write side stores it: the actual read and the light computed by libs/domain. */
export async function insertReport(
  ds: DataSource,
  indicator: IndicatorFixture,
  period: string,
  actualRaw: string,
  extra: { forecast?: string; likelihood?: Likelihood } = {},
): Promise<{ light: Light; reason: string; explanation: string; actualValue: number | null }> {
  const actual = parseActual(actualRaw, indicator.target);
  const forecast = extra.forecast ? parseActual(extra.forecast, indicator.target) : undefined;
  const { light, reason, explanation, progress } = indicatorStatus(
    indicator.target,
    { actual, forecast, likelihood: extra.likelihood },
    { year: Number(period.slice(0, 4)), month: Number(period.slice(5)) },
  );
  await ds.query(
    `INSERT INTO progress_reports (indicator_id, period, actual_raw, actual_value, actual_unit, forecast_raw, forecast_value, likelihood, light, light_reason,
                                   light_explanation, progress)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      indicator.id,
      period,
      actualRaw,
      actual.value ?? null,
      actual.unit ?? null,
      extra.forecast ?? null,
      forecast?.value ?? null,
      extra.likelihood ?? null,
      light,
      reason,
      explanation,
      progress,
    ],
  );
  return { light, reason, explanation, actualValue: actual.value ?? null };
}

export async function insertPeriod(
  ds: DataSource,
  fiscalYearId: string,
  projectId: string | null,
  period: string,
  status: 'draft' | 'submitted' | 'approved' | 'returned',
): Promise<void> {
  await ds.query(
    `INSERT INTO report_periods (fiscal_year_id, project_id, period, status, return_reason) VALUES ($1, $2, $3, $4, $5)`,
    [fiscalYearId, projectId, period, status, status === 'returned' ? '数据有误，请核实' : null],
  );
}

export async function insertExecution(
  ds: DataSource,
  projectId: string,
  period: string,
  executedYuan: number,
): Promise<void> {
  await ds.query(`INSERT INTO budget_executions (project_id, period, executed_yuan) VALUES ($1, $2, $3)`, [
    projectId,
    period,
    executedYuan,
  ]);
}

export const LIGHTS: readonly Light[] = LIGHT_VALUES;

/** Counts by light of a list, the way a person would tally them. */
export function tally(lights: Light[], total: number): Record<Light, number> & { total: number } {
  const counts = { red: 0, yellow: 0, green: 0, blue: 0, grey: 0, undetermined: 0, total };
  for (const light of lights) counts[light]++;
  counts.grey += total - lights.length;
  return counts;
}
