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

export type CityDashboard = Schemas['CityDashboardResponse'];

/** What the department and the city dashboards share. */
export type Dashboard = Omit<DepartmentDashboard, 'department'>;
