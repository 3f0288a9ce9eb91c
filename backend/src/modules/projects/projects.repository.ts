import { Injectable } from '@nestjs/common';
import {
  yuanToWanOrNull,
  type Light,
  type ReportWarning,
  type Target,
  type Thresholds,
} from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { type IndicatorTargetChange, targetHistoryOf } from '../lifecycle/target-history.query';
import { targetInForceSql } from '../lifecycle/target-in-force.sql';
import {
  FundingSourceResponse,
  LeadResponse,
  ProcurementResponse,
  SpendingDetailResponse,
} from './dto/project-detail.response';

/** A detail row as stored (元), shown in 万元 as the document prints it (libs/domain's conversion). */
type AmountInYuan<T extends { amount: number | null }> = Omit<T, 'amount'> & { amountYuan: number | null };
const inWan = <T extends { amount: number | null }>({ amountYuan, ...row }: AmountInYuan<T>): T =>
  ({ ...row, amount: yuanToWanOrNull(amountYuan) }) as unknown as T;

/** A project's 表12 header in stored units (元), with where it belongs. */
export interface ProjectRow {
  id: string;
  fiscalYearId: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  year: number;
  code: string | null;
  name: string;
  category: string | null;
  budgetYuan: number;
  competentDepartment: string | null;
  executingUnit: string | null;
  leadName: string | null;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  attribute: string | null;
  expenditureCategory: string | null;
  startYear: number | null;
  endYear: number | null;
  legalBasis: string | null;
  implementationPlan: string | null;
  totalBudgetYuan: number | null;
  currentBudgetYuan: number | null;
  priorBudgetChanges: string | null;
  /** When an import no longer held it; null while it is part of the year's document. */
  archivedAt: Date | null;
}

export interface GoalRow {
  id: string;
  /** Null for a department-wide goal. */
  projectId: string | null;
  term: 'long' | 'annual';
  seq: number;
  label: string;
  title: string;
  version: number;
  archived: boolean;
}

/** One 三级指标 in tree order, with its 一级 / 二级 nodes and its latest report up to the month. */
export interface IndicatorRow {
  goalId: string;
  level1Id: string;
  level1: string;
  level2Id: string;
  level2: string;
  id: string;
  seq: number;
  name: string;
  targetRaw: string;
  target: Target | null;
  confidence: string | null;
  unit: string | null;
  basis: string | null;
  prev2: string | null;
  prev1: string | null;
  expected: string | null;
  weight: number | null;
  version: number;
  archived: boolean;
  /** The indicator's own light thresholds (partial), over the defaults. */
  thresholds: Partial<Thresholds> | null;
  /** The latest report's columns: all null when there is none up to the month. */
  reportPeriod: string | null;
  actualRaw: string | null;
  actualValue: number | null;
  forecastRaw: string | null;
  forecastValue: number | null;
  likelihood: string | null;
  light: Light | null;
  lightReason: string | null;
  lightExplanation: string | null;
  progress: number | null;
  status: string | null;
  reportVersion: number | null;
  reasons: string[] | null;
  reasonText: string | null;
  correctiveAction: string | null;
  evidence: string | null;
  warnings: ReportWarning[] | null;
  warningsAcknowledged: boolean | null;
  updatedAt: Date | null;
}

export interface HistoryRow {
  indicatorId: string;
  period: string;
  actualRaw: string;
  actualValue: number | null;
  light: Light;
  lightReason: string | null;
  lightExplanation: string | null;
}

export interface ExecutionRow {
  period: string;
  executedYuan: number;
  note: string | null;
  version: number;
  updatedAt: Date;
}

export interface ReportPeriodRow {
  period: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  submittedAt: Date | null;
  reviewedAt: Date | null;
  returnReason: string | null;
  version: number;
}

/** The goals of a project, or the department-wide goals (部门整体) when projectId is null. */
export interface GoalScope {
  fiscalYearId: string;
  /** One project's goals, or null for the department-wide goals (部门整体目标). */
  projectId: string | null;
  /** Every project's goals of the fiscal year at once (`projectId` is then ignored): one statement, not one per project. */
  everyProject?: boolean;
  /** Archived goals and indicators too (an archived project's own page); else only the current document's. */
  includeArchived?: boolean;
}

/**
 * The goals of a scope: one project's (`project`), the department-wide ones (`project` null), or every project's
 * (`every` true). Parameters by placeholder so each statement keeps its own numbering.
 */
const projectOf = (alias: string, project: string, every: string): string =>
  `(CASE WHEN ${every} THEN ${alias}.project_id IS NOT NULL ELSE ${alias}.project_id IS NOT DISTINCT FROM ${project}::uuid END)`;

/** $1 fiscal year, $2 project, $3–$4 the months, $5 archived too, $6 every project (see `projectOf`). */
const scopeParams = (scope: GoalScope, yearStart: string, period: string): unknown[] => [
  scope.fiscalYearId,
  scope.projectId,
  yearStart,
  period,
  scope.includeArchived ?? false,
  scope.everyProject ?? false,
];

@Injectable()
export class ProjectsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findProject(id: string): Promise<ProjectRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT p.id, p.fiscal_year_id AS "fiscalYearId", fy.department_id AS "departmentId", d.code AS "departmentCode",
              d.name AS "departmentName", fy.year, p.code, p.name, p.category, p.budget_yuan::float8 AS "budgetYuan",
              p.competent_department AS "competentDepartment", p.executing_unit AS "executingUnit", p.lead_name AS "leadName",
              p.phone, p.address, p.postcode, p.attribute, p.expenditure_category AS "expenditureCategory",
              p.start_year AS "startYear", p.end_year AS "endYear", p.legal_basis AS "legalBasis",
              p.implementation_plan AS "implementationPlan", p.total_budget_yuan::float8 AS "totalBudgetYuan",
              p.current_budget_yuan::float8 AS "currentBudgetYuan", p.prior_budget_changes AS "priorBudgetChanges",
              p.archived_at AS "archivedAt"
         FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE p.id = $1`,
      [id],
    );
    return row;
  }

  findLeads(projectId: string): Promise<LeadResponse[]> {
    return this.dataSource.query(
      `SELECT u.id, u.username, u.display_name AS "displayName"
         FROM project_assignments pa JOIN users u ON u.id = pa.user_id
        WHERE pa.project_id = $1 AND u.active
        ORDER BY u.username`,
      [projectId],
    );
  }

  /** Amounts in 万元, as the document shows them. */
  async findFundingSources(projectId: string): Promise<FundingSourceResponse[]> {
    const rows: AmountInYuan<FundingSourceResponse>[] = await this.dataSource.query(
      `SELECT seq, name, amount_yuan::float8 AS "amountYuan" FROM funding_sources WHERE project_id = $1 ORDER BY seq`,
      [projectId],
    );
    return rows.map(inWan);
  }

  async findSpendingDetails(projectId: string): Promise<SpendingDetailResponse[]> {
    const rows: AmountInYuan<SpendingDetailResponse>[] = await this.dataSource.query(
      `SELECT seq, activity, description, economic_classification AS "economicClassification",
              classification_code AS "classificationCode", amount_yuan::float8 AS "amountYuan", basis, remark
         FROM spending_details WHERE project_id = $1 ORDER BY seq`,
      [projectId],
    );
    return rows.map(inWan);
  }

  async findProcurements(projectId: string): Promise<ProcurementResponse[]> {
    const rows: AmountInYuan<ProcurementResponse>[] = await this.dataSource.query(
      `SELECT seq, item, description, quantity::float8 AS quantity, amount_yuan::float8 AS "amountYuan", remark
         FROM procurement_items WHERE project_id = $1 ORDER BY seq`,
      [projectId],
    );
    return rows.map(inWan);
  }

  /** Long-term goals first, as the tables publish them. */
  findGoals(scope: GoalScope): Promise<GoalRow[]> {
    return this.dataSource.query(
      `SELECT id, project_id AS "projectId", term, seq, label, title, version, archived_at IS NOT NULL AS archived FROM goals
        WHERE fiscal_year_id = $1 AND ${projectOf('goals', '$2', '$4')} AND (archived_at IS NULL OR $3)
        ORDER BY CASE term WHEN 'long' THEN 0 ELSE 1 END, seq`,
      [scope.fiscalYearId, scope.projectId, scope.includeArchived ?? false, scope.everyProject ?? false],
    );
  }

  /**
   * Every indicator of the scope in tree order with its latest report in [yearStart, period] and that
   * period's workflow status: one statement, the latest report found by index (LATERAL … LIMIT 1). The target is
   * the one in force in `period` (before an adjustment's effective month, the target it replaced).
   */
  findIndicators(scope: GoalScope, yearStart: string, period: string): Promise<IndicatorRow[]> {
    return this.dataSource.query(
      `SELECT g.id AS "goalId", n1.id AS "level1Id", n1.name AS level1, n2.id AS "level2Id", n2.name AS level2,
              i.id, i.seq, i.name, ${targetInForceSql('i', '$4', 'raw')} AS "targetRaw",
              ${targetInForceSql('i', '$4', 'parsed')} AS target, i.target_confidence AS confidence,
              i.unit, i.basis, i.prev2_raw AS prev2, i.prev1_raw AS prev1, i.expected_raw AS expected,
              i.weight::float8 AS weight, i.version, i.archived_at IS NOT NULL AS archived, i.thresholds,
              r.period AS "reportPeriod", r.actual_raw AS "actualRaw", r.actual_value::float8 AS "actualValue",
              r.forecast_raw AS "forecastRaw", r.forecast_value::float8 AS "forecastValue", r.likelihood, r.light,
              r.light_reason AS "lightReason", r.light_explanation AS "lightExplanation", r.progress::float8 AS progress, rp.status, r.version AS "reportVersion", r.reasons, r.reason_text AS "reasonText",
              r.corrective_action AS "correctiveAction", r.evidence, r.warnings, r.warnings_acknowledged AS "warningsAcknowledged",
              r.updated_at AS "updatedAt"
         FROM goals g
         JOIN indicators i ON i.goal_id = g.id
         JOIN indicator_nodes n2 ON n2.id = i.node_id
         JOIN indicator_nodes n1 ON n1.id = n2.parent_id
         LEFT JOIN LATERAL (
           SELECT * FROM progress_reports pr
            WHERE pr.indicator_id = i.id AND pr.period BETWEEN $3 AND $4
            ORDER BY pr.period DESC LIMIT 1
         ) r ON true
         LEFT JOIN report_periods rp
           ON rp.fiscal_year_id = g.fiscal_year_id AND rp.project_id IS NOT DISTINCT FROM g.project_id AND rp.period = r.period
        WHERE g.fiscal_year_id = $1 AND ${projectOf('g', '$2', '$6')}
          AND ((g.archived_at IS NULL AND i.archived_at IS NULL) OR $5)
        ORDER BY g.id, n1.seq, n2.seq, i.seq`,
      scopeParams(scope, yearStart, period),
    );
  }

  /** The approved adjustments of these indicators' targets, oldest first. */
  findTargetHistory(indicatorIds: string[]): Promise<IndicatorTargetChange[]> {
    return targetHistoryOf(this.dataSource.manager, indicatorIds);
  }

  /** Monthly reports of the scope's indicators in [yearStart, period], for sparklines. */
  findHistory(scope: GoalScope, yearStart: string, period: string): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT r.indicator_id AS "indicatorId", r.period, r.actual_raw AS "actualRaw", r.actual_value::float8 AS "actualValue", r.light,
              r.light_reason AS "lightReason", r.light_explanation AS "lightExplanation"
         FROM progress_reports r
         JOIN indicators i ON i.id = r.indicator_id
         JOIN goals g ON g.id = i.goal_id
        WHERE g.fiscal_year_id = $1 AND ${projectOf('g', '$2', '$6')} AND r.period BETWEEN $3 AND $4
          AND ((g.archived_at IS NULL AND i.archived_at IS NULL) OR $5)
        ORDER BY r.indicator_id, r.period`,
      scopeParams(scope, yearStart, period),
    );
  }

  /** 执行数 per period (the service rates it against 当年预算 with libs/domain budgetStatus). */
  /** Every project's executions of a fiscal year in [yearStart, period], by project in month order. */
  async findExecutionsByProject(
    fiscalYearId: string,
    yearStart: string,
    period: string,
  ): Promise<Map<string, ExecutionRow[]>> {
    const rows: (ExecutionRow & { projectId: string })[] = await this.dataSource.query(
      `SELECT b.project_id AS "projectId", b.period, b.executed_yuan::float8 AS "executedYuan",
              b.note, b.version, b.updated_at AS "updatedAt"
         FROM budget_executions b
         JOIN projects p ON p.id = b.project_id
        WHERE p.fiscal_year_id = $1 AND b.period BETWEEN $2 AND $3
        ORDER BY b.project_id, b.period`,
      [fiscalYearId, yearStart, period],
    );
    const byProject = new Map<string, ExecutionRow[]>();
    for (const { projectId, ...row } of rows) {
      const list = byProject.get(projectId);
      if (list) list.push(row);
      else byProject.set(projectId, [row]);
    }
    return byProject;
  }

  findExecutions(projectId: string, yearStart: string, period: string): Promise<ExecutionRow[]> {
    return this.dataSource.query(
      `SELECT b.period, b.executed_yuan::float8 AS "executedYuan",
              b.note, b.version, b.updated_at AS "updatedAt"
         FROM budget_executions b
        WHERE b.project_id = $1 AND b.period BETWEEN $2 AND $3
        ORDER BY b.period`,
      [projectId, yearStart, period],
    );
  }

  findReportPeriods(projectId: string, yearStart: string, period: string): Promise<ReportPeriodRow[]> {
    return this.dataSource.query(
      `SELECT period, status, submitted_at AS "submittedAt", reviewed_at AS "reviewedAt", return_reason AS "returnReason", version
         FROM report_periods WHERE project_id = $1 AND period BETWEEN $2 AND $3 ORDER BY period`,
      [projectId, yearStart, period],
    );
  }

  /** The department-wide goals' months (project null) of the fiscal year, January to the month. */
  findOverallReportPeriods(
    fiscalYearId: string,
    yearStart: string,
    period: string,
  ): Promise<ReportPeriodRow[]> {
    return this.dataSource.query(
      `SELECT period, status, submitted_at AS "submittedAt", reviewed_at AS "reviewedAt", return_reason AS "returnReason", version
         FROM report_periods WHERE fiscal_year_id = $1 AND project_id IS NULL AND period BETWEEN $2 AND $3 ORDER BY period`,
      [fiscalYearId, yearStart, period],
    );
  }
}
