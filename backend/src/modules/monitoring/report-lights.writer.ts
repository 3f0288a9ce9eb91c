import {
  type Likelihood,
  monthOf,
  restateReport,
  type Target,
  type Thresholds,
  yearOf,
} from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service';

export const REEVALUATE_REASON = '指标值或预警阈值变更，已按新的指标值重新判定预警灯';

interface StoredReportRow {
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
}

type Evaluated = Pick<
  StoredReportRow,
  'actualValue' | 'actualUnit' | 'forecastValue' | 'light' | 'lightReason' | 'lightExplanation' | 'progress'
>;

const FIELDS: (keyof Evaluated)[] = [
  'actualValue',
  'actualUnit',
  'forecastValue',
  'light',
  'lightReason',
  'lightExplanation',
  'progress',
];

/**
 * A light is never stale: after an indicator's target or thresholds change, every stored report of it is read
 * again against the target in force (libs/domain restateReport), in the caller's transaction. Each report whose
 * light, explanation or values change is updated (version + 1) and audited. Returns how many changed.
 */
export async function reevaluateReports(
  manager: EntityManager,
  audit: AuditService,
  indicatorIds: readonly string[],
): Promise<number> {
  if (indicatorIds.length === 0) return 0;
  const rows: StoredReportRow[] = await manager.query(
    `SELECT r.id, r.period, r.actual_raw AS "actualRaw", r.forecast_raw AS "forecastRaw", r.likelihood,
            r.actual_value::float8 AS "actualValue", r.actual_unit AS "actualUnit", r.forecast_value::float8 AS "forecastValue",
            r.light, r.light_reason AS "lightReason", r.light_explanation AS "lightExplanation", r.progress::float8 AS progress,
            i.target_parsed AS target, i.thresholds
       FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id
      WHERE r.indicator_id = ANY($1::uuid[])
      ORDER BY r.indicator_id, r.period
        FOR UPDATE OF r`,
    [indicatorIds],
  );
  let changed = 0;
  for (const row of rows) {
    const status = restateReport(
      row.target,
      row,
      { year: yearOf(row.period), month: monthOf(row.period) },
      { thresholds: row.thresholds },
    );
    const next: Evaluated = {
      actualValue: status.actual?.value ?? null,
      actualUnit: status.actual?.unit ?? null,
      forecastValue: status.forecast?.value ?? null,
      light: status.light,
      lightReason: status.reason,
      lightExplanation: status.explanation,
      progress: status.progress,
    };
    // A value that no longer reads keeps what was stored: only the light says it cannot be judged.
    if (status.actual === undefined) {
      next.actualValue = row.actualValue;
      next.actualUnit = row.actualUnit;
      next.forecastValue = row.forecastValue;
    }
    if (FIELDS.every((field) => next[field] === row[field])) continue;
    await manager.query(
      `UPDATE progress_reports SET actual_value = $2, actual_unit = $3, forecast_value = $4, light = $5, light_reason = $6,
              light_explanation = $7, progress = $8, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        row.id,
        next.actualValue,
        next.actualUnit,
        next.forecastValue,
        next.light,
        next.lightReason,
        next.lightExplanation,
        next.progress,
      ],
    );
    const before = Object.fromEntries(FIELDS.map((field) => [field, row[field]]));
    await audit.record(manager, {
      action: 'progress-report.reevaluate',
      entity: 'progress-report',
      entityId: row.id,
      before: { period: row.period, ...before },
      after: { period: row.period, ...next },
      reason: REEVALUATE_REASON,
    });
    changed++;
  }
  return changed;
}
