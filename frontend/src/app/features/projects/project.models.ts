import type { components } from '../../core/api/api-types';

type Schemas = components['schemas'];

/** 资金来源: a row of the project's funding table (万元). */
export type FundingSource = Schemas['FundingSourceResponse'];

/** 支出明细测算: what the money is for and how the amount was worked out (万元). */
export type SpendingDetail = Schemas['SpendingDetailResponse'];

/** 项目采购 */
export type Procurement = Schemas['ProcurementResponse'];

/** 执行数 reported for one period (元, year to date). */
export type BudgetExecutionPeriod = Schemas['BudgetExecutionPeriodResponse'];

/** The workflow state of the project's report for one month, with its due date. */
export type ReportPeriod = Schemas['ReportPeriodResponse'];

/** GET /api/projects/:id: every 表12 header field, funds, goals with trees, monitoring. */
export type ProjectDetail = Schemas['ProjectDetailResponse'];
