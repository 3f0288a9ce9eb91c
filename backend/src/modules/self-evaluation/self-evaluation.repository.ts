import { Injectable } from '@nestjs/common';
import {
  type ReportForEvaluation,
  type RuleSettings,
  type ScoringProfile,
  type Target,
  withDefaults,
} from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { type IndicatorTargetChange, targetHistoryOf } from '../lifecycle/target-history.query';
import type { SelfEvaluationStatus } from './entities/self-evaluation.entity';
import type { StoredItem } from './self-evaluation.types';

/** Which evaluations of a fiscal year to load: one project's, the department-wide one, or all of them. */
export type ScopeFilter = { projectId: string } | 'department' | 'all';

export interface ProjectRow {
  id: string;
  seq: number;
  code: string | null;
  name: string;
  competentDepartment: string | null;
  executingUnit: string | null;
  initialBudgetYuan: number;
  annualBudgetYuan: number;
}

export interface ProjectScopeRow extends ProjectRow {
  fiscalYearId: string;
  year: number;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
}

export interface DepartmentYearRow {
  fiscalYearId: string;
  year: number;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  /** 支出总计 of the published budget, 万元. */
  expenditureTotalWan: number | null;
  /** 表11 header data kept by the import (functions, annual tasks, funds, preparer). */
  overall: Record<string, unknown> | null;
}

export interface GoalRow {
  id: string;
  projectId: string | null;
  seq: number;
  label: string;
  title: string;
}

export interface IndicatorRow {
  indicatorId: string;
  goalId: string;
  projectId: string | null;
  goalLabel: string;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  target: Target | null;
  unit: string | null;
  basis: string | null;
  indicatorWeight: number | null;
}

/** A monitoring report of the year whose period was submitted or approved (drafts are never read). */
export interface ReportRow extends ReportForEvaluation {
  indicatorId: string;
}

export interface EvaluationRow {
  id: string;
  fiscalYearId: string;
  projectId: string | null;
  status: SelfEvaluationStatus;
  version: number;
  annualBudgetYuan: number | null;
  executedYuan: number | null;
  executedFromPeriod: string | null;
  budgetWeight: number;
  outputWeight: number;
  benefitWeight: number;
  satisfactionWeight: number;
  overallResult: string | null;
  /** The profile the evaluation is scored with, fixed when it was created; null: the national one. */
  scoringProfile: ScoringProfile | null;
  totalScore: number | null;
  grade: string | null;
  returnReason: string | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  updatedAt: Date;
}

export interface ItemRow extends StoredItem {
  selfEvaluationId: string;
  indicatorId: string;
}

/** What an item write stores: the entered values and the resolved 分值 / 得分 of that moment. */
export interface ItemWrite extends StoredItem {
  indicatorId: string;
  weight: number;
  score: number | null;
}

export interface YearData {
  projects: ProjectRow[];
  goals: GoalRow[];
  indicators: IndicatorRow[];
  evaluations: EvaluationRow[];
  items: ItemRow[];
  reports: ReportRow[];
  executions: { projectId: string; executedYuan: number; period: string; status: 'approved' | 'submitted' }[];
  /** The approved adjustments of the indicators' targets (the 自评表 says a target was adjusted). */
  targetChanges: IndicatorTargetChange[];
  /** The department-year's 监控规则 now: a new evaluation takes its scoring profile. */
  rules: RuleSettings;
}

const EVALUATION_COLUMNS = `id, fiscal_year_id AS "fiscalYearId", project_id AS "projectId", status, version,
  annual_budget_yuan::float8 AS "annualBudgetYuan", executed_yuan::float8 AS "executedYuan",
  executed_from_period AS "executedFromPeriod", budget_weight::float8 AS "budgetWeight",
  output_weight::float8 AS "outputWeight", benefit_weight::float8 AS "benefitWeight",
  satisfaction_weight::float8 AS "satisfactionWeight", overall_result AS "overallResult",
  scoring_profile AS "scoringProfile",
  total_score::float8 AS "totalScore", grade, return_reason AS "returnReason", submitted_at AS "submittedAt",
  submitted_by AS "submittedBy", reviewed_at AS "reviewedAt", reviewed_by AS "reviewedBy", updated_at AS "updatedAt"`;

const PROJECT_COLUMNS = `p.id, p.seq, p.code, p.name, p.competent_department AS "competentDepartment",
  p.executing_unit AS "executingUnit", p.budget_yuan::float8 AS "initialBudgetYuan",
  COALESCE(p.current_budget_yuan, p.budget_yuan)::float8 AS "annualBudgetYuan"`;

/** `column` restricted to the filter; a single project's id is the query's last parameter, `$index`. */
function scopeCondition(column: string, filter: ScopeFilter, index: number): string {
  if (filter === 'all') return 'TRUE';
  return filter === 'department' ? `${column} IS NULL` : `${column} = $${index}::uuid`;
}

/** The query's parameters, with the project id appended when one project is asked for. */
const withProject = (filter: ScopeFilter, params: unknown[]): unknown[] =>
  typeof filter === 'object' ? [...params, filter.projectId] : params;

/** Self-evaluation reads and writes; every method runs on the caller's manager (a transaction when writing). */
@Injectable()
export class SelfEvaluationRepository {
  async findProject(manager: EntityManager, projectId: string): Promise<ProjectScopeRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${PROJECT_COLUMNS}, p.fiscal_year_id AS "fiscalYearId", fy.year, d.id AS "departmentId",
              d.code AS "departmentCode", d.name AS "departmentName"
         FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE p.id = $1`,
      [projectId],
    );
    return row;
  }

  async findDepartmentYear(
    manager: EntityManager,
    code: string,
    year: number,
  ): Promise<DepartmentYearRow | undefined> {
    const [row] = await manager.query(
      `SELECT fy.id AS "fiscalYearId", fy.year, d.id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName",
              (fy.overview #>> '{budgetTables,totals,expenditureTotal}')::float8 AS "expenditureTotalWan",
              fy.overview -> 'overall' AS overall
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND fy.year = $2`,
      [code, year],
    );
    return row;
  }

  /** Everything the evaluations of a fiscal year are computed from, in a fixed number of queries. */
  async loadYear(
    manager: EntityManager,
    fiscalYearId: string,
    year: number,
    filter: ScopeFilter,
  ): Promise<YearData> {
    const years = [`${year}-01`, `${year}-12`];
    const [projects, goals, indicators, evaluations, items, reports, executions, rules] = await Promise.all([
      filter === 'department'
        ? Promise.resolve([])
        : manager.query(
            `SELECT ${PROJECT_COLUMNS} FROM projects p
              WHERE p.fiscal_year_id = $1 AND p.archived_at IS NULL AND ${scopeCondition('p.id', filter, 2)} ORDER BY p.seq`,
            withProject(filter, [fiscalYearId]),
          ),
      manager.query(
        `SELECT g.id, g.project_id AS "projectId", g.seq, g.label, g.title FROM goals g
          WHERE g.fiscal_year_id = $1 AND g.term = 'annual' AND g.archived_at IS NULL
            AND ${scopeCondition('g.project_id', filter, 2)}
          ORDER BY g.seq`,
        withProject(filter, [fiscalYearId]),
      ),
      manager.query(
        `SELECT i.id AS "indicatorId", i.goal_id AS "goalId", g.project_id AS "projectId", g.label AS "goalLabel",
                COALESCE(l1.name, '') AS level1, l2.name AS level2, i.name, i.target_raw AS "targetRaw",
                i.target_parsed AS target, i.unit, i.basis, i.weight::float8 AS "indicatorWeight"
           FROM indicators i
           JOIN goals g ON g.id = i.goal_id
           JOIN indicator_nodes l2 ON l2.id = i.node_id
           LEFT JOIN indicator_nodes l1 ON l1.id = l2.parent_id
          WHERE g.fiscal_year_id = $1 AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
            AND ${scopeCondition('g.project_id', filter, 2)}
          ORDER BY g.seq, l1.seq, l2.seq, i.seq`,
        withProject(filter, [fiscalYearId]),
      ),
      manager.query(
        `SELECT ${EVALUATION_COLUMNS} FROM self_evaluations
          WHERE fiscal_year_id = $1 AND ${scopeCondition('project_id', filter, 2)}`,
        withProject(filter, [fiscalYearId]),
      ),
      manager.query(
        `SELECT it.self_evaluation_id AS "selfEvaluationId", it.indicator_id AS "indicatorId", it.actual_raw AS "actualRaw",
                it.actual_from_period AS "actualFromPeriod", it.weight_override::float8 AS "weightOverride",
                it.picked_score::float8 AS "pickedScore", it.deviation_analysis AS "deviationAnalysis"
           FROM self_evaluation_items it JOIN self_evaluations e ON e.id = it.self_evaluation_id
          WHERE e.fiscal_year_id = $1 AND ${scopeCondition('e.project_id', filter, 2)}`,
        withProject(filter, [fiscalYearId]),
      ),
      // Each report with the status of its period (the project's, or the department-wide goals' with project NULL).
      manager.query(
        `SELECT pr.indicator_id AS "indicatorId", pr.period, pr.actual_raw AS "actualRaw", pr.reasons,
                pr.reason_text AS "reasonText", pr.corrective_action AS "correctiveAction", rp.status
           FROM progress_reports pr
           JOIN indicators i ON i.id = pr.indicator_id
           JOIN goals g ON g.id = i.goal_id
           JOIN report_periods rp ON rp.fiscal_year_id = g.fiscal_year_id AND rp.period = pr.period
                                 AND rp.project_id IS NOT DISTINCT FROM g.project_id
          WHERE g.fiscal_year_id = $1 AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
            AND pr.period BETWEEN $2 AND $3 AND rp.status IN ('submitted', 'approved')
            AND ${scopeCondition('g.project_id', filter, 4)}
          ORDER BY pr.period`,
        withProject(filter, [fiscalYearId, ...years]),
      ),
      // The department as a whole gets every project's, added up for reference.
      this.latestExecutions(
        manager,
        fiscalYearId,
        year,
        typeof filter === 'object' ? filter.projectId : null,
      ),
      manager.query(`SELECT settings FROM monitoring_rule_settings WHERE fiscal_year_id = $1`, [
        fiscalYearId,
      ]) as Promise<{ settings: RuleSettings }[]>,
    ]);
    const targetChanges = await targetHistoryOf(
      manager,
      (indicators as IndicatorRow[]).map((indicator) => indicator.indicatorId),
    );
    return {
      projects,
      goals,
      indicators,
      evaluations,
      items,
      reports,
      executions,
      targetChanges,
      rules: withDefaults(rules[0]?.settings),
    };
  }

  /**
   * The year's budget execution (执行数, year to date) of each project that a 自评 may read: the latest of an
   * approved month, else the latest of a submitted one; never a draft or returned month (docs/domain.md §6).
   */
  async latestExecutions(
    manager: EntityManager,
    fiscalYearId: string,
    year: number,
    projectId: string | null,
  ): Promise<
    { projectId: string; executedYuan: number; period: string; status: 'approved' | 'submitted' }[]
  > {
    return manager.query(
      `SELECT DISTINCT ON (b.project_id) b.project_id AS "projectId", b.executed_yuan::float8 AS "executedYuan",
              b.period, rp.status
         FROM budget_executions b JOIN projects p ON p.id = b.project_id
         JOIN report_periods rp ON rp.fiscal_year_id = p.fiscal_year_id AND rp.project_id = b.project_id
                               AND rp.period = b.period AND rp.status IN ('approved', 'submitted')
        WHERE p.fiscal_year_id = $1 AND p.archived_at IS NULL AND ($2::uuid IS NULL OR p.id = $2::uuid)
          AND b.period BETWEEN $3 AND $4
        ORDER BY b.project_id, rp.status = 'approved' DESC, b.period DESC`,
      [fiscalYearId, projectId, `${year}-01`, `${year}-12`],
    );
  }

  async lockEvaluation(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
  ): Promise<EvaluationRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${EVALUATION_COLUMNS} FROM self_evaluations
        WHERE fiscal_year_id = $1 AND project_id IS NOT DISTINCT FROM $2 FOR UPDATE`,
      [fiscalYearId, projectId],
    );
    return row;
  }

  /** A new draft; undefined when someone else created it first. */
  async insertEvaluation(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
    by: string,
    profile: ScoringProfile,
  ): Promise<EvaluationRow | undefined> {
    // The department-year's scoring profile at creation is kept with the evaluation, its section weights included.
    const { budget, output, benefit, satisfaction } = profile.sections;
    const [row] = await manager.query(
      `INSERT INTO self_evaluations (fiscal_year_id, project_id, updated_by, scoring_profile, budget_weight,
              output_weight, benefit_weight, satisfaction_weight)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING RETURNING ${EVALUATION_COLUMNS}`,
      [fiscalYearId, projectId, by, JSON.stringify(profile), budget, output, benefit, satisfaction],
    );
    return row;
  }

  /**
   * Optimistic update: only when the stored version is still `version`; undefined otherwise. A row created in
   * the same transaction keeps its version 1 (`bump` false), so that the first save reads as version 1.
   */
  async updateEvaluation(
    manager: EntityManager,
    id: string,
    version: number,
    bump: boolean,
    values: {
      annualBudgetYuan: number | null;
      executedYuan: number | null;
      executedFromPeriod: string | null;
      budgetWeight: number;
      outputWeight: number;
      benefitWeight: number;
      satisfactionWeight: number;
      overallResult: string | null;
      totalScore: number | null;
      grade: string | null;
      updatedBy: string;
    },
  ): Promise<EvaluationRow | undefined> {
    const [row] = await manager.query(
      `WITH u AS (
         UPDATE self_evaluations SET annual_budget_yuan = $3, executed_yuan = $4, executed_from_period = $5, budget_weight = $6,
                output_weight = $7, benefit_weight = $8, satisfaction_weight = $9, overall_result = $10, total_score = $11,
                grade = $12, updated_by = $13, version = version + $14::int, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING *)
       SELECT ${EVALUATION_COLUMNS} FROM u`,
      [
        id,
        version,
        values.annualBudgetYuan,
        values.executedYuan,
        values.executedFromPeriod,
        values.budgetWeight,
        values.outputWeight,
        values.benefitWeight,
        values.satisfactionWeight,
        values.overallResult,
        values.totalScore,
        values.grade,
        values.updatedBy,
        bump ? 1 : 0,
      ],
    );
    return row;
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    change: {
      status: SelfEvaluationStatus;
      by: string;
      kind: 'submit' | 'review' | 'reset';
      returnReason?: string | null;
    },
  ): Promise<EvaluationRow> {
    const stamp =
      change.kind === 'submit'
        ? `submitted_at = now(), submitted_by = $3, reviewed_at = NULL, reviewed_by = NULL`
        : `reviewed_at = now(), reviewed_by = $3`;
    const [row] = await manager.query(
      `WITH u AS (UPDATE self_evaluations SET status = $2, ${stamp}, return_reason = $4, version = version + 1, updated_at = now()
                   WHERE id = $1 RETURNING *)
       SELECT ${EVALUATION_COLUMNS} FROM u`,
      [id, change.status, change.by, change.returnReason ?? null],
    );
    return row;
  }

  /** Writes every item of an evaluation in one statement (insert or update by indicator). */
  async saveItems(manager: EntityManager, evaluationId: string, items: ItemWrite[]): Promise<void> {
    if (!items.length) return;
    const columns = 9;
    const values = items
      .map(
        (_, row) =>
          `(${Array.from({ length: columns }, (_c, col) => `$${row * columns + col + 1}`).join(', ')})`,
      )
      .join(', ');
    await manager.query(
      `INSERT INTO self_evaluation_items (self_evaluation_id, indicator_id, actual_raw, actual_from_period, weight,
                                          weight_override, score, picked_score, deviation_analysis)
       VALUES ${values}
       ON CONFLICT (self_evaluation_id, indicator_id) DO UPDATE SET
         actual_raw = EXCLUDED.actual_raw, actual_from_period = EXCLUDED.actual_from_period, weight = EXCLUDED.weight,
         weight_override = EXCLUDED.weight_override, score = EXCLUDED.score, picked_score = EXCLUDED.picked_score,
         deviation_analysis = EXCLUDED.deviation_analysis,
         version = self_evaluation_items.version + 1, updated_at = now()
       WHERE (self_evaluation_items.actual_raw, self_evaluation_items.actual_from_period, self_evaluation_items.weight,
              self_evaluation_items.weight_override, self_evaluation_items.score, self_evaluation_items.picked_score,
              self_evaluation_items.deviation_analysis)
             IS DISTINCT FROM
             (EXCLUDED.actual_raw, EXCLUDED.actual_from_period, EXCLUDED.weight, EXCLUDED.weight_override,
              EXCLUDED.score, EXCLUDED.picked_score, EXCLUDED.deviation_analysis)`,
      items.flatMap((item) => [
        evaluationId,
        item.indicatorId,
        item.actualRaw,
        item.actualFromPeriod,
        item.weight,
        item.weightOverride,
        item.score,
        item.pickedScore,
        item.deviationAnalysis,
      ]),
    );
  }

  /** Un-freezes what submission copied from the reports, so a returned draft follows the reports again. */
  async releaseFrozenValues(manager: EntityManager, evaluationId: string): Promise<void> {
    await manager.query(
      `UPDATE self_evaluation_items SET actual_raw = NULL, actual_from_period = NULL, version = version + 1, updated_at = now()
        WHERE self_evaluation_id = $1 AND actual_from_period IS NOT NULL`,
      [evaluationId],
    );
    await manager.query(
      `UPDATE self_evaluations SET executed_yuan = NULL, executed_from_period = NULL
        WHERE id = $1 AND executed_from_period IS NOT NULL`,
      [evaluationId],
    );
  }
}
