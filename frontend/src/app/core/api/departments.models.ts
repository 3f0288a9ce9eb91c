import type { components } from './api-types';

type Schemas = components['schemas'];

/** A department (部门, a budget unit) as GET /api/departments lists it. */
export type DepartmentSummary = Schemas['DepartmentResponse'];

export type DepartmentRef = Schemas['DepartmentRefResponse'];

/** A project lead (项目负责人) account assigned to a project. */
export type Lead = Schemas['LeadResponse'];

/** The latest period with activity up to the month, and its workflow state. */
export type LastReport = Schemas['LastReportResponse'];

/** The latest 执行数 up to the month against 当年预算, with its light against the pace (m/12). */
export type BudgetExecutionSummary = Schemas['BudgetExecutionSummaryResponse'];

/** One project (项目) of a department's year, with its monitoring summary as of the month. */
export type ProjectSummary = Schemas['ProjectSummaryResponse'];

/** A department's budget year: overview (表11) and the department-wide goals (部门整体目标). */
export type DepartmentYear = Schemas['DepartmentYearResponse'];
