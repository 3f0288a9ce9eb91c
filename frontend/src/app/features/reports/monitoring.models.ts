import type { components } from '../../core/api/api-types';
import type { Goal, IndicatorNode } from '../../shared/goals/goal.models';

type Schemas = components['schemas'];

// The value lists and the calendar come from libs/domain, as the API's DTOs and CHECKs do.
export {
  DEVIATION_REASONS,
  type DeviationReason,
  LIKELIHOODS,
  monthOf,
  PERIOD_PATTERN,
  type PeriodStatus,
} from '@jixiao/domain';
export type { Likelihood as LikelihoodValue } from '@jixiao/domain';

export type { IndicatorNode, LatestReport, Level1Node, Level2Node } from '../../shared/goals/goal.models';

/** The report of an indicator for one period, as the API stores it (PUT answer and 409 `details.current`). */
export type ReportRow = Schemas['ProgressReportResponse'];

/** The PUT answer: the stored report with the month's status (a first save creates the 草稿). */
export type SavedReport = Schemas['SavedReportResponse'];

/** PUT /api/indicators/:id/reports/:period */
export type ReportBody = Schemas['ReportDto'];

/** A goal with its indicator tree, as the project detail answers it. */
export type GoalNode = Goal;

export type BudgetExecutionPeriod = Schemas['BudgetExecutionPeriodResponse'];

export type ReportPeriodState = Schemas['ReportPeriodResponse'];

/** GET /api/projects/:id?asOf=YYYY-MM: the monitoring screens read its goals, budget and periods. */
export type ProjectMonitoring = Schemas['ProjectDetailResponse'];

/** PUT /api/projects/:id/budget-execution/:period answer (and 409 `details.current`). */
export type BudgetExecutionRow = Schemas['BudgetExecutionRowResponse'];

/** A project's month workflow row (submit / approve / return answers). */
export type PeriodRow = Schemas['ReportPeriodRowResponse'];

/** A period the admin locked for a whole department-year. */
export type PeriodLock = Schemas['PeriodLockResponse'];

/** An uploaded 佐证材料 file. */
export type EvidenceFile = Schemas['EvidenceFileResponse'];

/** One annual indicator with its place in the tree, flattened for a grid. */
export interface AnnualIndicator {
  readonly indicator: IndicatorNode;
  readonly goalLabel: string;
  readonly level1: string; // 一级指标
  readonly level2: string; // 二级指标
}

/** Every monitored indicator of the annual goals (年度目标), in document order. */
export function annualIndicators(project: Pick<ProjectMonitoring, 'goals'>): AnnualIndicator[] {
  return project.goals
    .filter((goal) => goal.term === 'annual')
    .flatMap((goal) =>
      goal.indicators.flatMap((level1) =>
        level1.children.flatMap((level2) =>
          level2.indicators
            .filter((indicator) => indicator.monitored)
            .map((indicator) => ({
              indicator,
              goalLabel: goal.label,
              level1: level1.name,
              level2: level2.name,
            })),
        ),
      ),
    );
}
