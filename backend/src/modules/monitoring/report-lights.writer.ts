import { Injectable } from '@nestjs/common';
import { monthOf, restateReport, type RuleSettings, withDefaults, yearOf } from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Evaluated, ReportLightsRepository, type StoredReportRow } from './report-lights.repository';

export const REEVALUATE_REASON = '指标值或预警阈值变更，已按新的指标值重新判定预警灯';
export const RULES_REEVALUATE_REASON = '监控规则变更，已按新的规则重新判定预警灯';

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
 * A stored report read again (libs/domain restateReport) against its target and the rules given (else its
 * department-year's stored rules): what its light and values would be.
 */
export function restated(row: StoredReportRow, rules?: RuleSettings): Evaluated {
  const status = restateReport(
    row.target,
    row,
    { year: yearOf(row.period), month: monthOf(row.period) },
    { thresholds: row.thresholds, rules: rules ?? withDefaults(row.rules) },
  );
  // A value that no longer reads keeps what was stored: only the light says it cannot be judged.
  const kept = status.actual === undefined;
  return {
    actualValue: kept ? row.actualValue : (status.actual?.value ?? null),
    actualUnit: kept ? row.actualUnit : (status.actual?.unit ?? null),
    forecastValue: kept ? row.forecastValue : (status.forecast?.value ?? null),
    light: status.light,
    lightReason: status.reason,
    lightExplanation: status.explanation,
    progress: status.progress,
  };
}

/** Re-evaluates stored lights after a target or the rules change (libs/domain decides, the repository reads and writes). */
@Injectable()
export class ReportLightsWriter {
  constructor(
    private readonly repository: ReportLightsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * A light is never stale: after an indicator's target or thresholds change, or its department-year's rules,
   * every stored report of it is read again against the target and rules in force (libs/domain restateReport),
   * in the caller's transaction. The reports whose light, explanation or values change are updated in one
   * statement (version + 1) and each is audited (its entries in one statement too). Returns how many changed.
   * `fromPeriod`: only the months from it on (an adjustment leaves the months before it under the old target).
   */
  async reevaluateReports(
    manager: EntityManager,
    indicatorIds: readonly string[],
    { fromPeriod, reason = REEVALUATE_REASON }: { fromPeriod?: string; reason?: string } = {},
  ): Promise<number> {
    if (indicatorIds.length === 0) return 0;
    const rows = await this.repository.lockReports(manager, indicatorIds, fromPeriod);
    const changed = rows
      .map((row) => ({ row, next: restated(row) }))
      .filter(({ row, next }) => FIELDS.some((field) => next[field] !== row[field]));
    await this.repository.updateEvaluations(
      manager,
      changed.map(({ row, next }) => ({ id: row.id, ...next })),
    );
    await this.audit.recordMany(
      manager,
      changed.map(({ row, next }) => ({
        action: 'progress-report.reevaluate',
        entity: 'progress-report',
        entityId: row.id,
        before: { period: row.period, ...Object.fromEntries(FIELDS.map((field) => [field, row[field]])) },
        after: { period: row.period, ...next },
        reason,
      })),
    );
    return changed.length;
  }

  /** Every stored light of a fiscal year read again, after its rules changed; returns how many changed. */
  async reevaluateFiscalYear(manager: EntityManager, fiscalYearId: string): Promise<number> {
    const ids = await this.repository.reportedIndicators(manager, fiscalYearId);
    return this.reevaluateReports(manager, ids, { reason: RULES_REEVALUATE_REASON });
  }
}
