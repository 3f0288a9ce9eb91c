import { Injectable } from '@nestjs/common';
import type { Likelihood, RuleSettings, Target, Thresholds } from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { targetInForceSql } from '../lifecycle/target-in-force.sql';

/** A stored progress report with the target and thresholds of its indicator. */
export type StoredReportRow = {
  id: string;
  period: string;
  actualRaw: string;
  forecastRaw: string | null;
  likelihood: Likelihood | null;
  actualValue: number | null;
  actualUnit: string | null;
  forecastValue: number | null;
  light: string;
  lightReason: string | null;
  lightExplanation: string | null;
  progress: number | null;
  target: Target | null;
  thresholds: Partial<Thresholds> | null;
  rules: RuleSettings | null; // the department-year's stored rules; null: the national ones
};

/** A stored report of a department-year's month, with its indicator and project named (the rules preview). */
export type MonthReportRow = StoredReportRow & {
  indicatorId: string;
  name: string;
  projectId: string | null;
  projectName: string | null;
};

const REPORT_COLUMNS = `r.id, r.period, r.actual_raw AS "actualRaw", r.forecast_raw AS "forecastRaw", r.likelihood,
              r.actual_value::float8 AS "actualValue", r.actual_unit AS "actualUnit", r.forecast_value::float8 AS "forecastValue",
              r.light, r.light_reason AS "lightReason", r.light_explanation AS "lightExplanation", r.progress::float8 AS progress,
              ${targetInForceSql('i', 'r.period', 'parsed')} AS target, i.thresholds, s.settings AS rules`;

/** The values a light evaluation writes back. */
export type Evaluated = Pick<
  StoredReportRow,
  'actualValue' | 'actualUnit' | 'forecastValue' | 'light' | 'lightReason' | 'lightExplanation' | 'progress'
>;

/** The stored reports whose lights follow their indicators' targets. */
@Injectable()
export class ReportLightsRepository {
  /**
   * Every stored report of the indicators, locked, by indicator and month (from `fromPeriod` on), with the target
   * in force that month.
   */
  lockReports(
    manager: EntityManager,
    indicatorIds: readonly string[],
    fromPeriod: string = '0000-00',
  ): Promise<StoredReportRow[]> {
    return manager.query(
      `SELECT ${REPORT_COLUMNS}
         FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
         LEFT JOIN monitoring_rule_settings s ON s.fiscal_year_id = g.fiscal_year_id
        WHERE r.indicator_id = ANY($1::uuid[]) AND r.period >= $2
        ORDER BY r.indicator_id, r.period
          FOR UPDATE OF r`,
      [indicatorIds, fromPeriod],
    );
  }

  /** Every annual indicator of a fiscal year that has stored reports (archived ones too: their lights stay true). */
  async reportedIndicators(manager: EntityManager, fiscalYearId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN progress_reports r ON r.indicator_id = i.id
        WHERE g.fiscal_year_id = $1`,
      [fiscalYearId],
    );
    return rows.map((row) => row.id);
  }

  /** The stored reports of a fiscal year's month, live annual indicators only, in document order. */
  monthReports(manager: EntityManager, fiscalYearId: string, period: string): Promise<MonthReportRow[]> {
    return manager.query(
      `SELECT ${REPORT_COLUMNS}, i.id AS "indicatorId", i.name, g.project_id AS "projectId", p.name AS "projectName"
         FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
         LEFT JOIN projects p ON p.id = g.project_id
         LEFT JOIN monitoring_rule_settings s ON s.fiscal_year_id = g.fiscal_year_id
        WHERE g.fiscal_year_id = $1 AND r.period = $2 AND g.term = 'annual' AND g.archived_at IS NULL
          AND i.archived_at IS NULL
        ORDER BY p.seq NULLS FIRST, g.seq, i.seq`,
      [fiscalYearId, period],
    );
  }

  /** Writes re-evaluated lights and values of many reports in one statement (version + 1 each). */
  async updateEvaluations(
    manager: EntityManager,
    rows: readonly (Evaluated & { id: string })[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof (Evaluated & { id: string })>(key: K) => rows.map((row) => row[key]);
    await manager.query(
      `UPDATE progress_reports r
          SET actual_value = n.actual_value, actual_unit = n.actual_unit, forecast_value = n.forecast_value,
              light = n.light, light_reason = n.light_reason, light_explanation = n.light_explanation,
              progress = n.progress, version = r.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::numeric[], $3::text[], $4::numeric[], $5::varchar[], $6::text[], $7::text[], $8::numeric[])
              AS n(id, actual_value, actual_unit, forecast_value, light, light_reason, light_explanation, progress)
        WHERE r.id = n.id`,
      [
        column('id'),
        column('actualValue'),
        column('actualUnit'),
        column('forecastValue'),
        column('light'),
        column('lightReason'),
        column('lightExplanation'),
        column('progress'),
      ],
    );
  }
}
