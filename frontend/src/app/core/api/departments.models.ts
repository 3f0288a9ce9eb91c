import type { Goal, ReportStatus } from '../../shared/goals/goal.models';
import type { Light, LightCounts } from '../../shared/lights/light.models';

/** A department (部门, a budget unit) as GET /api/departments lists it. */
export interface DepartmentSummary {
  readonly code: string;
  readonly name: string;
  /** The supervising department, for the 预算单位 hierarchy; null at the top. */
  readonly parentCode: string | null;
  /** Fiscal years with imported budget data. */
  readonly years: readonly number[];
}

export interface DepartmentRef {
  readonly code: string;
  readonly name: string;
}

/** A project lead (项目负责人) account assigned to a project. */
export interface Lead {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
}

/** The latest period with activity up to the month, and its workflow state. */
export interface LastReport {
  readonly period: string;
  readonly status: ReportStatus;
  readonly updatedAt: string;
}

/** The latest 执行数 up to the month against 当年预算, with its light against the pace (m/12). */
export interface BudgetExecutionSummary {
  /** Period of the execution figure; null when none was reported. */
  readonly period: string | null;
  /** 当年预算 in 元. */
  readonly budgetYuan: number;
  readonly executedYuan: number | null;
  /** 执行率 % */
  readonly rate: number | null;
  /** 时间进度 % = m/12 × 100 */
  readonly pace: number;
  readonly light: Light;
  readonly lightReason: string;
  /** The rule with the figures filled in (tooltip of the light). */
  readonly explanation?: string | null;
}

/** One project (项目) of a department's year, with its monitoring summary as of the month. */
export interface ProjectSummary {
  readonly id: string;
  /** 项目编码, e.g. 42011225031T000000113; null when the source document lost it. */
  readonly code: string | null;
  readonly name: string;
  /** 支出项目类别 (表10). */
  readonly category: string | null;
  /** 当年预算 in 万元. */
  readonly budget: number;
  readonly leads: readonly Lead[];
  readonly lightSummary: LightCounts;
  /** The worst indicator light; null when the project has no monitored indicator. */
  readonly projectLight: Light | null;
  readonly lastReport: LastReport | null;
  readonly budgetExecution: BudgetExecutionSummary;
}

/** A department's budget year: overview (表11) and the department-wide goals (部门整体目标). */
export interface DepartmentYear {
  readonly department: DepartmentRef;
  readonly year: number;
  /** The month the lights are as of (YYYY-MM). */
  readonly asOf: string;
  /** 表11 概况 as imported; read it with `readOverview`. */
  readonly overview: Readonly<Record<string, unknown>>;
  readonly goals: readonly Goal[];
  readonly lightCounts: LightCounts;
  readonly light: Light | null;
}
