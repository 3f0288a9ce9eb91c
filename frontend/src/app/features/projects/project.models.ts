import type { DepartmentRef, Lead } from '../../core/api/departments.models';
import type { Goal, ReportStatus } from '../../shared/goals/goal.models';
import type { Light, LightCounts } from '../../shared/lights/light.models';

/** 资金来源: a row of the project's funding table (万元). */
export interface FundingSource {
  readonly seq: number;
  readonly name: string;
  readonly amount: number | null;
}

/** 支出明细测算: what the money is for and how the amount was worked out (万元). */
export interface SpendingDetail {
  readonly seq: number;
  /** 支出活动 */
  readonly activity: string;
  /** 活动内容 */
  readonly description: string | null;
  /** 支出经济分类 */
  readonly economicClassification: string | null;
  readonly classificationCode: string | null;
  readonly amount: number | null;
  /** 测算依据 */
  readonly basis: string | null;
  readonly remark: string | null;
}

/** 项目采购 */
export interface Procurement {
  readonly seq: number;
  /** 采购品目 */
  readonly item: string;
  readonly description: string | null;
  readonly quantity: number | null;
  readonly amount: number | null;
  readonly remark: string | null;
}

/** 执行数 reported for one period (元, year to date). */
export interface BudgetExecutionPeriod {
  readonly period: string;
  readonly executedYuan: number;
  readonly rate: number | null;
  readonly pace: number;
  readonly light: Light;
  readonly lightReason: string;
  /** The rule with the figures filled in (tooltip of the light). */
  readonly explanation?: string | null;
  readonly note: string | null;
  readonly version: number;
  readonly updatedAt: string;
}

/** The workflow state of the project's report for one month, with its due date. */
export interface ReportPeriod {
  readonly period: string;
  /** null: nothing entered for the month yet. */
  readonly status: ReportStatus | null;
  readonly dueDate: string;
  readonly overdue: boolean;
  readonly submittedAt: string | null;
  readonly reviewedAt: string | null;
  /** 退回原因 */
  readonly returnReason: string | null;
  readonly version: number | null;
}

/** GET /api/projects/:id: every 表12 header field, funds, goals with trees, monitoring. */
export interface ProjectDetail {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  /** 项目类别 (表10) */
  readonly category: string | null;
  /** 当年预算 (万元, 表10) */
  readonly budget: number;
  /** 主管部门 */
  readonly competentDepartment: string | null;
  /** 执行单位 */
  readonly executingUnit: string | null;
  /** 项目负责人 as the source table names them. */
  readonly leadName: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
  /** 项目属性 */
  readonly attribute: string | null;
  /** 支出项目类别 */
  readonly expenditureCategory: string | null;
  readonly startYear: number | null;
  readonly endYear: number | null;
  /** 立项依据 */
  readonly legalBasis: string | null;
  /** 实施方案 */
  readonly implementationPlan: string | null;
  /** 项目总预算 (万元) */
  readonly totalBudget: number | null;
  /** 项目当年预算 (万元, 表12) */
  readonly currentBudget: number | null;
  /** 前两年预算变动情况 */
  readonly priorBudgetChanges: string | null;
  readonly department: DepartmentRef;
  /** No longer in the department's current document (a later import left it out); kept with all its data. */
  readonly archived: boolean;
  readonly archivedAt: string | null;
  readonly year: number;
  /** The month the lights are as of (YYYY-MM). */
  readonly asOf: string;
  /** Accounts assigned as 项目负责人. */
  readonly leads: readonly Lead[];
  readonly fundingSources: readonly FundingSource[];
  readonly spendingDetails: readonly SpendingDetail[];
  readonly procurements: readonly Procurement[];
  readonly goals: readonly Goal[];
  readonly lightSummary: LightCounts;
  readonly projectLight: Light | null;
  readonly budgetExecution: {
    readonly budgetYuan: number;
    readonly periods: readonly BudgetExecutionPeriod[];
  };
  readonly reportPeriods: readonly ReportPeriod[];
}
