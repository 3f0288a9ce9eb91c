import type { DepartmentRef } from '../../core/api/departments.models';
import type { Light, LightCounts } from '../../shared/lights/light.models';

/** An indicator whose light as of the month is red, yellow or grey, with what is needed to act on it. */
export interface FlaggedIndicator {
  readonly department: DepartmentRef;
  /** null: a department-wide (部门整体) indicator. */
  readonly projectId: string | null;
  readonly projectCode: string | null;
  /** 项目名称, or 部门整体. */
  readonly projectName: string;
  readonly goalId: string;
  readonly indicatorId: string;
  /** 一级指标 */
  readonly level1: string;
  /** 二级指标 */
  readonly level2: string;
  /** 三级指标 */
  readonly indicatorName: string;
  readonly targetRaw: string;
  readonly targetUnit: string | null;
  readonly actualRaw: string | null;
  readonly actualValue: number | null;
  /** What the target asks for by this month, in the target's unit. */
  readonly expectedByNow: number | null;
  /** 进度比 % (higher-is-better indicators only). */
  readonly progress: number | null;
  readonly forecastRaw: string | null;
  readonly likelihood: string | null;
  readonly light: Light;
  /** 预警原因 */
  readonly lightReason: string;
  /** The rule with the figures filled in (tooltip of the light). */
  readonly explanation?: string | null;
}

/** 预算执行 of one project against the time pace as of the month. */
export interface ProjectBudget {
  readonly department: DepartmentRef;
  readonly projectId: string;
  readonly projectCode: string | null;
  readonly projectName: string;
  readonly budgetYuan: number;
  readonly executedYuan: number | null;
  readonly executedPeriod: string | null;
  /** 执行率 % */
  readonly rate: number | null;
  /** 时间进度 % */
  readonly pace: number;
  readonly light: Light;
  readonly lightReason: string;
  /** The rule with the figures filled in (tooltip of the light). */
  readonly explanation?: string | null;
}

export interface BudgetTotal {
  readonly budgetYuan: number;
  readonly executedYuan: number | null;
  readonly rate: number | null;
  readonly pace: number;
  readonly light: Light;
  readonly lightReason: string;
  /** The rule with the figures filled in (tooltip of the light). */
  readonly explanation?: string | null;
}

export interface TrendPoint extends LightCounts {
  readonly period: string;
}

/** A report of a period that is late: missing, still a draft, or returned for revision. */
export interface OverdueReport {
  readonly department: DepartmentRef;
  readonly projectId: string | null;
  readonly projectCode: string | null;
  readonly projectName: string;
  readonly period: string;
  readonly status: 'missing' | 'draft' | 'returned';
  readonly dueDate: string;
  readonly daysOverdue: number;
}

export interface Dashboard {
  readonly year: number;
  /** 截至月份 (YYYY-MM) */
  readonly asOf: string;
  /** The date overdue is judged by (China time). */
  readonly today: string;
  readonly counts: LightCounts;
  /** Red, then yellow, then grey; within a colour the least progress first. */
  readonly flagged: readonly FlaggedIndicator[];
  readonly budget: { readonly total: BudgetTotal; readonly projects: readonly ProjectBudget[] };
  /** January to the month. */
  readonly trend: readonly TrendPoint[];
  readonly overdue: readonly OverdueReport[];
}

export interface DepartmentDashboard extends Dashboard {
  readonly department: DepartmentRef;
  /** The year's latest month with reports (the default month); null before the first report. */
  readonly latestReportedPeriod: string | null;
}

/** A department's line of the city view. */
export interface DepartmentRollup {
  readonly department: DepartmentRef;
  readonly counts: LightCounts;
  readonly budget: BudgetTotal;
  /** Number of overdue reports. */
  readonly overdue: number;
}

export interface CityDashboard extends Dashboard {
  readonly departments: readonly DepartmentRollup[];
}
