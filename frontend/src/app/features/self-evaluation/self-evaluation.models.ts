import type { components } from '../../core/api/api-types';

type Schemas = components['schemas'];

/** A 项目支出绩效自评 or 部门整体支出绩效自评, as GET /api/projects/:id/self-evaluation/:year answers. */
export type SelfEvaluation = Schemas['SelfEvaluationResponse'];

/** Workflow of a self-evaluation: approved (and submitted) are locked. */
export type SelfEvaluationStatus = SelfEvaluation['status'];

/** One 三级指标 row of the 自评表. */
export type EvaluationItem = Schemas['EvaluationItemResponse'];

export type EvaluationBudget = Schemas['EvaluationBudgetResponse'];

export type EvaluationHeader = Schemas['EvaluationHeaderResponse'];

/** One project line of the department's overview. */
export type EvaluationSummary = Schemas['EvaluationSummaryResponse'];

export type DepartmentEvaluation = Schemas['DepartmentEvaluationResponse'];

/** PUT body: only what changed; null falls back to the default (last report, equal share). */
export type SelfEvaluationChange = Schemas['SelfEvaluationDto'];

export type TargetImportResult = Schemas['TargetImportResponse'];

/** A bad cell of an imported sheet (details.rows of the 400). */
export type ImportRowError = Schemas['ImportRowErrorResponse'];
