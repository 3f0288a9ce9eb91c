import { Injectable } from '@nestjs/common';
import { monthOf, restateReport, yearOf } from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Evaluated, ReportLightsRepository } from './report-lights.repository';

export const REEVALUATE_REASON = '指标值或预警阈值变更，已按新的指标值重新判定预警灯';

const FIELDS: (keyof Evaluated)[] = [
  'actualValue',
  'actualUnit',
  'forecastValue',
  'light',
  'lightReason',
  'lightExplanation',
  'progress',
];

/** Re-evaluates stored lights after a target changes (libs/domain decides, the repository reads and writes). */
@Injectable()
export class ReportLightsWriter {
  constructor(
    private readonly repository: ReportLightsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * A light is never stale: after an indicator's target or thresholds change, every stored report of it is read
   * again against the target in force (libs/domain restateReport), in the caller's transaction. Each report whose
   * light, explanation or values change is updated (version + 1) and audited. Returns how many changed.
   * `fromPeriod`: only the months from it on (an adjustment leaves the months before it under the old target).
   */
  async reevaluateReports(
    manager: EntityManager,
    indicatorIds: readonly string[],
    fromPeriod?: string,
  ): Promise<number> {
    if (indicatorIds.length === 0) return 0;
    const rows = await this.repository.lockReports(manager, indicatorIds, fromPeriod);
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
      await this.repository.updateEvaluation(manager, row.id, next);
      const before = Object.fromEntries(FIELDS.map((field) => [field, row[field]]));
      await this.audit.record(manager, {
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
}
