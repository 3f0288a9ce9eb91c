import type { components } from '../../core/api/api-types';

type Schemas = components['schemas'];

/** An indicator whose light as of the month is red, yellow or grey, with what is needed to act on it. */
export type FlaggedIndicator = Schemas['FlaggedIndicatorResponse'];

/** 预算执行 of one project against the time pace as of the month. */
export type ProjectBudget = Schemas['ProjectBudgetResponse'];

export type BudgetTotal = Schemas['BudgetTotalResponse'];

export type TrendPoint = Schemas['TrendPointResponse'];

/** A report of a period that is late: missing, still a draft, or returned for revision. */
export type OverdueReport = Schemas['OverdueReportResponse'];

export type DepartmentDashboard = Schemas['DepartmentDashboardResponse'];

/** A department's line of the city view. */
export type DepartmentRollup = Schemas['DepartmentRollupResponse'];

/** The city view: totals and one row per department; the flagged indicators are paged apart. */
export type CityDashboard = Schemas['CityDashboardResponse'];

/** One page of the city's flagged indicators. */
export type FlaggedPage = Schemas['FlaggedPageResponse'];

export type FlaggedSort = 'worst' | 'department' | 'project';

/** What the city's flagged list asks the server for: filters, order and page. */
export interface FlaggedRequest {
  readonly year: number;
  readonly asOf: string | null;
  readonly department: string | null;
  readonly project: string | null;
  readonly lights: readonly string[];
  readonly level1: string | null;
  readonly sort: FlaggedSort;
  readonly page: number;
  readonly pageSize: number;
}
