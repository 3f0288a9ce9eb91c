import type { components } from '../../core/api/api-types';
import type { Goal, IndicatorNode, ReportStatus } from '../../shared/goals/goal.models';

type Schemas = components['schemas'];

/** 完成目标可能性 */
export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export type LikelihoodValue = (typeof LIKELIHOODS)[number];

/** 偏差原因 categories the API accepts. */
export const DEVIATION_REASONS = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];

export type { IndicatorNode, LatestReport, Level1Node, Level2Node } from '../../shared/goals/goal.models';

/** Workflow state of a project's month: 草稿 / 已提交 / 已审核通过 / 已退回. */
export type PeriodStatus = ReportStatus;

/** The report of an indicator for one period, as the API stores it (PUT answer and 409 `details.current`). */
export type ReportRow = Schemas['ProgressReportResponse'];

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

/** Month (1–12) of a period 'YYYY-MM'. */
export function monthOf(period: string): number {
  return Number(period.slice(5, 7));
}

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
