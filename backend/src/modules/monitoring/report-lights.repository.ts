import { Injectable } from '@nestjs/common';
import type { Likelihood, Target, Thresholds } from '@jixiao/domain';
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
};

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
      `SELECT r.id, r.period, r.actual_raw AS "actualRaw", r.forecast_raw AS "forecastRaw", r.likelihood,
              r.actual_value::float8 AS "actualValue", r.actual_unit AS "actualUnit", r.forecast_value::float8 AS "forecastValue",
              r.light, r.light_reason AS "lightReason", r.light_explanation AS "lightExplanation", r.progress::float8 AS progress,
              ${targetInForceSql('i', 'r.period', 'parsed')} AS target, i.thresholds
         FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id
        WHERE r.indicator_id = ANY($1::uuid[]) AND r.period >= $2
        ORDER BY r.indicator_id, r.period
          FOR UPDATE OF r`,
      [indicatorIds, fromPeriod],
    );
  }

  /** Writes a report's re-evaluated light and values (version + 1). */
  async updateEvaluation(manager: EntityManager, id: string, next: Evaluated): Promise<void> {
    await manager.query(
      `UPDATE progress_reports SET actual_value = $2, actual_unit = $3, forecast_value = $4, light = $5, light_reason = $6,
              light_explanation = $7, progress = $8, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        id,
        next.actualValue,
        next.actualUnit,
        next.forecastValue,
        next.light,
        next.lightReason,
        next.lightExplanation,
        next.progress,
      ],
    );
  }
}
