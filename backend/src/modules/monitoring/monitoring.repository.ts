import { Injectable } from '@nestjs/common';
import type { Light, ReportWarning, Target, Thresholds } from '@jixiao/domain';
import { targetInForceSql } from '../lifecycle/target-in-force.sql';
import { EntityManager } from 'typeorm';
import type { ReportStatus } from './entities/report-period.entity';

export interface IndicatorContext {
  id: string;
  name: string;
  target: Target | null;
  thresholds: Partial<Thresholds> | null;
  term: 'long' | 'annual';
  projectId: string | null;
  fiscalYearId: string;
  departmentId: string;
  year: number;
  /** The indicator, its goal or its project was archived by an import: readable, no longer written. */
  archived: boolean;
}

export interface ProjectContext {
  id: string;
  name: string;
  fiscalYearId: string;
  departmentId: string;
  year: number;
  budgetYuan: number;
  archived: boolean;
}

export interface ReportRow {
  id: string;
  indicatorId: string;
  period: string;
  actualRaw: string;
  actualValue: number | null;
  actualUnit: string | null;
  forecastRaw: string | null;
  forecastValue: number | null;
  likelihood: string | null;
  reasons: string[];
  reasonText: string | null;
  correctiveAction: string | null;
  evidence: string | null;
  light: Light;
  lightReason: string | null;
  lightExplanation: string | null;
  progress: number | null;
  warnings: ReportWarning[];
  warningsAcknowledged: boolean;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/** Whose month a period is: a project's, or the department-year's department-wide goals' (projectId null). */
export interface ReportUnit {
  fiscalYearId: string;
  projectId: string | null;
}

/** The unit's annual goals: a project's, or the department-wide ones of the fiscal year ($1 either way). */
const unitGoals = (unit: ReportUnit) =>
  unit.projectId === null ? `g.fiscal_year_id = $1 AND g.project_id IS NULL` : `g.project_id = $1`;
const unitKey = (unit: ReportUnit) => unit.projectId ?? unit.fiscalYearId;

export interface PeriodRow {
  id: string;
  fiscalYearId: string;
  projectId: string | null;
  period: string;
  status: ReportStatus;
  submittedAt: Date | null;
  submittedBy: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  returnReason: string | null;
  version: number;
}

const REPORT_COLUMNS = `id, indicator_id AS "indicatorId", period, actual_raw AS "actualRaw", actual_value::float8 AS "actualValue",
  actual_unit AS "actualUnit", forecast_raw AS "forecastRaw", forecast_value::float8 AS "forecastValue", likelihood, reasons,
  reason_text AS "reasonText", corrective_action AS "correctiveAction", evidence, light, light_reason AS "lightReason",
  light_explanation AS "lightExplanation", progress::float8 AS progress,
  warnings, warnings_acknowledged AS "warningsAcknowledged", version, updated_at AS "updatedAt", updated_by AS "updatedBy"`;

const PERIOD_COLUMNS = `id, fiscal_year_id AS "fiscalYearId", project_id AS "projectId", period, status, submitted_at AS "submittedAt",
  submitted_by AS "submittedBy", reviewed_at AS "reviewedAt", reviewed_by AS "reviewedBy", return_reason AS "returnReason", version`;

/** Monitoring writes; every method runs on the caller's transaction manager. */
@Injectable()
export class MonitoringRepository {
  /** The indicator with its place; `period` given, the target is the one in force that month (an adjustment's). */
  async findIndicator(
    manager: EntityManager,
    id: string,
    period?: string,
  ): Promise<IndicatorContext | undefined> {
    const [row] = await manager.query(
      `SELECT i.id, i.name, ${period ? targetInForceSql('i', '$2', 'parsed') : 'i.target_parsed'} AS target, i.thresholds, g.term, g.project_id AS "projectId", g.fiscal_year_id AS "fiscalYearId",
              fy.department_id AS "departmentId", fy.year,
              (i.archived_at IS NOT NULL OR g.archived_at IS NOT NULL OR p.archived_at IS NOT NULL) AS archived
         FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         LEFT JOIN projects p ON p.id = g.project_id
        WHERE i.id = $1`,
      period ? [id, period] : [id],
    );
    return row;
  }

  async findProject(manager: EntityManager, id: string): Promise<ProjectContext | undefined> {
    const [row] = await manager.query(
      `SELECT p.id, p.name, p.fiscal_year_id AS "fiscalYearId", fy.department_id AS "departmentId", fy.year,
              COALESCE(p.current_budget_yuan, p.budget_yuan)::float8 AS "budgetYuan",
              p.archived_at IS NOT NULL AS archived
         FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id WHERE p.id = $1`,
      [id],
    );
    return row;
  }

  async findReport(
    manager: EntityManager,
    indicatorId: string,
    period: string,
    lock = false,
  ): Promise<ReportRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${REPORT_COLUMNS} FROM progress_reports WHERE indicator_id = $1 AND period = $2${lock ? ' FOR UPDATE' : ''}`,
      [indicatorId, period],
    );
    return row;
  }

  async insertReport(
    manager: EntityManager,
    values: Omit<ReportRow, 'id' | 'version' | 'updatedAt'>,
  ): Promise<ReportRow | undefined> {
    const [row] = await manager.query(
      `INSERT INTO progress_reports (indicator_id, period, actual_raw, actual_value, actual_unit, forecast_raw, forecast_value, likelihood,
                                     reasons, reason_text, corrective_action, evidence, light, light_reason, updated_by,
                                     light_explanation, progress, warnings, warnings_acknowledged)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (indicator_id, period) DO NOTHING
       RETURNING ${REPORT_COLUMNS}`,
      [
        values.indicatorId,
        values.period,
        values.actualRaw,
        values.actualValue,
        values.actualUnit,
        values.forecastRaw,
        values.forecastValue,
        values.likelihood,
        values.reasons,
        values.reasonText,
        values.correctiveAction,
        values.evidence,
        values.light,
        values.lightReason,
        values.updatedBy,
        values.lightExplanation,
        values.progress,
        JSON.stringify(values.warnings),
        values.warningsAcknowledged,
      ],
    );
    return row;
  }

  /** Optimistic update: only when the stored version is still `version`; undefined when someone else saved first. */
  async updateReport(
    manager: EntityManager,
    id: string,
    version: number,
    values: Omit<ReportRow, 'id' | 'version' | 'updatedAt' | 'indicatorId' | 'period'>,
  ): Promise<ReportRow | undefined> {
    const [row] = await manager.query(
      `WITH u AS (
         UPDATE progress_reports SET actual_raw = $3, actual_value = $4, actual_unit = $5, forecast_raw = $6, forecast_value = $7, likelihood = $8,
                reasons = $9, reason_text = $10, corrective_action = $11, evidence = $12, light = $13, light_reason = $14, updated_by = $15,
                light_explanation = $16, progress = $17, warnings = $18, warnings_acknowledged = $19, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING *)
       SELECT ${REPORT_COLUMNS} FROM u`,
      [
        id,
        version,
        values.actualRaw,
        values.actualValue,
        values.actualUnit,
        values.forecastRaw,
        values.forecastValue,
        values.likelihood,
        values.reasons,
        values.reasonText,
        values.correctiveAction,
        values.evidence,
        values.light,
        values.lightReason,
        values.updatedBy,
        values.lightExplanation,
        values.progress,
        JSON.stringify(values.warnings),
        values.warningsAcknowledged,
      ],
    );
    return row;
  }

  async findPeriod(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
    period: string,
    lock = false,
  ): Promise<PeriodRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${PERIOD_COLUMNS} FROM report_periods WHERE fiscal_year_id = $1 AND project_id IS NOT DISTINCT FROM $2 AND period = $3${lock ? ' FOR UPDATE' : ''}`,
      [fiscalYearId, projectId, period],
    );
    return row;
  }

  /** The period's workflow row, created as a draft by the first entry of the period. */
  async ensurePeriod(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
    period: string,
  ): Promise<PeriodRow> {
    const existing = await this.findPeriod(manager, fiscalYearId, projectId, period, true);
    if (existing) return existing;
    await manager.query(
      `INSERT INTO report_periods (fiscal_year_id, project_id, period) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [fiscalYearId, projectId, period],
    );
    return (await this.findPeriod(manager, fiscalYearId, projectId, period, true)) as PeriodRow;
  }

  async setPeriodStatus(
    manager: EntityManager,
    id: string,
    change: {
      status: ReportStatus;
      by: string;
      kind: 'submit' | 'review' | 'reset';
      returnReason?: string | null;
    },
  ): Promise<PeriodRow> {
    const stamp =
      change.kind === 'submit'
        ? `submitted_at = now(), submitted_by = $3, reviewed_at = NULL, reviewed_by = NULL`
        : `reviewed_at = now(), reviewed_by = $3`;
    const [row] = await manager.query(
      `WITH u AS (UPDATE report_periods SET status = $2, ${stamp}, return_reason = $4, version = version + 1, updated_at = now()
                   WHERE id = $1 RETURNING *)
       SELECT ${PERIOD_COLUMNS} FROM u`,
      [id, change.status, change.by, change.returnReason ?? null],
    );
    return row;
  }

  /**
   * What every write to a period does first, in this order: share the fiscal year (see shareFiscalYear), take the
   * period's workflow row FOR UPDATE (created as a draft when `create`), then read the department's lock of the
   * period. Submit, review and evidence upload thus see each other's status, and none lands in a locked period.
   */
  async holdPeriod(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
    period: string,
    create: boolean,
  ): Promise<{ row: PeriodRow | undefined; lock: { reason: string } | undefined }> {
    await this.shareFiscalYear(manager, fiscalYearId);
    const row = create
      ? await this.ensurePeriod(manager, fiscalYearId, projectId, period)
      : await this.findPeriod(manager, fiscalYearId, projectId, period, true);
    return { row, lock: await this.periodLock(manager, fiscalYearId, period) };
  }

  /**
   * Held by every write to a period until its transaction ends. Locking a period takes the fiscal year FOR UPDATE,
   * so it waits for writes in progress, and a write that starts later reads the new lock (KEY SHARE does not block
   * other writers, nor ordinary updates of the fiscal year).
   */
  async shareFiscalYear(manager: EntityManager, fiscalYearId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM fiscal_years WHERE id = $1 FOR KEY SHARE`, [fiscalYearId]);
  }

  async periodLock(
    manager: EntityManager,
    fiscalYearId: string,
    period: string,
  ): Promise<{ reason: string } | undefined> {
    const [row] = await manager.query(
      `SELECT reason FROM period_locks WHERE fiscal_year_id = $1 AND period = $2`,
      [fiscalYearId, period],
    );
    return row;
  }

  async findExecution(manager: EntityManager, projectId: string, period: string) {
    const [row] = await manager.query(
      `SELECT id, project_id AS "projectId", period, executed_yuan::float8 AS "executedYuan", note, version, updated_at AS "updatedAt"
         FROM budget_executions WHERE project_id = $1 AND period = $2 FOR UPDATE`,
      [projectId, period],
    );
    return row as
      | {
          id: string;
          projectId: string;
          period: string;
          executedYuan: number;
          note: string | null;
          version: number;
          updatedAt: Date;
        }
      | undefined;
  }

  async upsertExecution(
    manager: EntityManager,
    projectId: string,
    period: string,
    executedYuan: number,
    note: string | null,
    by: string,
    version?: number,
  ) {
    const [row] =
      version === undefined
        ? await manager.query(
            `INSERT INTO budget_executions (project_id, period, executed_yuan, note, updated_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (project_id, period) DO NOTHING
           RETURNING id, project_id AS "projectId", period, executed_yuan::float8 AS "executedYuan", note, version, updated_at AS "updatedAt"`,
            [projectId, period, executedYuan, note, by],
          )
        : await manager.query(
            `WITH u AS (UPDATE budget_executions SET executed_yuan = $3, note = $4, updated_by = $5, version = version + 1, updated_at = now()
                       WHERE project_id = $1 AND period = $2 AND version = $6 RETURNING *)
           SELECT id, project_id AS "projectId", period, executed_yuan::float8 AS "executedYuan", note, version, updated_at AS "updatedAt" FROM u`,
            [projectId, period, executedYuan, note, by, version],
          );
    return row as
      | {
          id: string;
          projectId: string;
          period: string;
          executedYuan: number;
          note: string | null;
          version: number;
          updatedAt: Date;
        }
      | undefined;
  }

  /** The indicator's latest report of the same year before `period` (a cumulative figure must not fall below it). */
  async previousReport(
    manager: EntityManager,
    indicatorId: string,
    period: string,
  ): Promise<{ period: string; actualRaw: string } | undefined> {
    const [row] = await manager.query(
      `SELECT period, actual_raw AS "actualRaw" FROM progress_reports
        WHERE indicator_id = $1 AND period < $2 AND left(period, 4) = left($2, 4)
        ORDER BY period DESC LIMIT 1`,
      [indicatorId, period],
    );
    return row;
  }

  /** Reports of the unit's month whose warnings the reporter has not acknowledged, in document order. */
  async unacknowledgedWarnings(
    manager: EntityManager,
    unit: ReportUnit,
    period: string,
  ): Promise<{ reportId: string; indicatorId: string; name: string; warnings: ReportWarning[] }[]> {
    return manager.query(
      `SELECT r.id AS "reportId", i.id AS "indicatorId", i.name, r.warnings
         FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
        WHERE ${unitGoals(unit)} AND r.period = $2 AND g.term = 'annual' AND g.archived_at IS NULL
          AND i.archived_at IS NULL AND jsonb_array_length(r.warnings) > 0 AND NOT r.warnings_acknowledged
        ORDER BY g.seq, i.seq`,
      [unitKey(unit), period],
    );
  }

  async acknowledgeWarnings(manager: EntityManager, reportIds: string[]): Promise<void> {
    if (!reportIds.length) return;
    await manager.query(
      `UPDATE progress_reports SET warnings_acknowledged = true WHERE id = ANY($1::uuid[])`,
      [reportIds],
    );
  }

  /**
   * The month's reports with what the submit checks under the rules (docs/domain.md "Rules as settings"): the
   * light, whether a 偏差原因 is given, the actual (in the target's base unit) against the target.
   */
  async reasonChecks(
    manager: EntityManager,
    unit: ReportUnit,
    period: string,
  ): Promise<
    {
      indicatorId: string;
      name: string;
      light: Light;
      hasReason: boolean;
      target: Target | null;
      actualValue: number | null;
      actualUnit: string | null;
      actualRaw: string;
    }[]
  > {
    return manager.query(
      `SELECT i.id AS "indicatorId", i.name, r.light, i.target_parsed AS target,
              (cardinality(r.reasons) > 0 OR length(btrim(COALESCE(r.reason_text, ''))) > 0) AS "hasReason",
              r.actual_value::float8 AS "actualValue", r.actual_unit AS "actualUnit", r.actual_raw AS "actualRaw"
         FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
        WHERE ${unitGoals(unit)} AND r.period = $2 AND g.term = 'annual' AND g.archived_at IS NULL
          AND i.archived_at IS NULL
        ORDER BY g.seq, i.seq`,
      [unitKey(unit), period],
    );
  }

  /** Annual indicators of the unit without a report for the period (submission needs them all). */
  async missingReports(manager: EntityManager, unit: ReportUnit, period: string): Promise<string[]> {
    const rows: { name: string }[] = await manager.query(
      `SELECT i.name FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE ${unitGoals(unit)} AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.indicator_id = i.id AND r.period = $2)
        ORDER BY g.seq, i.seq`,
      [unitKey(unit), period],
    );
    return rows.map((r) => r.name);
  }
}
