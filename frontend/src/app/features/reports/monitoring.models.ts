import type {
  Confidence,
  DeviationReason,
  Light,
  Likelihood,
  PeriodStatus,
  Target,
  Thresholds,
} from '@jixiao/domain';

// The value lists and the calendar come from libs/domain, as the API's DTOs and CHECKs do.
export {
  DEVIATION_REASONS,
  type DeviationReason,
  LIKELIHOODS,
  monthOf,
  PERIOD_PATTERN,
  type PeriodStatus,
} from '@jixiao/domain';
export type LikelihoodValue = Likelihood;

/** The report of an indicator for one period, as the API stores it (PUT answer and 409 `details.current`). */
export interface ReportRow {
  readonly id: string;
  readonly indicatorId: string;
  readonly period: string;
  readonly actualRaw: string;
  readonly forecastRaw: string | null;
  readonly likelihood: string | null;
  readonly reasons: readonly string[];
  readonly reasonText: string | null;
  readonly correctiveAction: string | null;
  readonly evidence: string | null;
  readonly light: Light | null;
  readonly lightReason: string | null;
  readonly explanation?: string | null;
  readonly version: number;
  readonly updatedAt: string;
}

/** PUT /api/indicators/:id/reports/:period */
export interface ReportBody {
  readonly version: number;
  readonly actual: string;
  readonly forecast?: string;
  readonly likelihood?: LikelihoodValue;
  readonly reasons: readonly DeviationReason[];
  readonly reasonText?: string;
  readonly correctiveAction?: string;
  readonly evidence?: string;
}

/** The latest report of an indicator up to the month asked for (GET /api/projects/:id). */
export interface LatestReport {
  readonly period: string;
  readonly actualRaw: string;
  readonly forecastRaw: string | null;
  readonly likelihood: string | null;
  readonly light: Light | null;
  readonly lightReason: string | null;
  readonly explanation?: string | null;
  readonly status: PeriodStatus | null;
  readonly version: number;
  readonly reasons: readonly string[];
  readonly reasonText: string | null;
  readonly correctiveAction: string | null;
  readonly evidence: string | null;
  readonly updatedAt: string;
}

/** A 三级指标 of the project detail. */
export interface IndicatorNode {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly targetRaw: string;
  readonly target: Target | null;
  readonly confidence: Confidence | null;
  readonly unit: string | null;
  readonly version: number;
  readonly monitored: boolean;
  readonly latestReport: LatestReport | null;
  readonly light: Light | null;
  readonly lightReason: string;
  /** The rule with the figures filled in (the light's tooltip). */
  readonly explanation?: string;
  /** The thresholds the API judges this indicator with (its own over the defaults): the preview uses them. */
  readonly thresholds?: Thresholds;
}

export interface Level2Node {
  readonly id: string;
  readonly name: string;
  readonly indicators: readonly IndicatorNode[];
}

export interface Level1Node {
  readonly id: string;
  readonly name: string;
  readonly children: readonly Level2Node[];
}

export interface GoalNode {
  readonly id: string;
  readonly term: 'long' | 'annual';
  readonly seq: number;
  readonly label: string;
  readonly title: string;
  readonly indicators: readonly Level1Node[];
}

export interface BudgetExecutionPeriod {
  readonly period: string;
  readonly executedYuan: number;
  readonly note: string | null;
  readonly light: Light;
  readonly lightReason: string;
  readonly explanation?: string;
  readonly version: number;
}

export interface ReportPeriodState {
  readonly period: string;
  readonly status: PeriodStatus | null;
  readonly dueDate: string;
  readonly overdue: boolean;
  readonly submittedAt: string | null;
  readonly reviewedAt: string | null;
  readonly returnReason: string | null;
  readonly version: number | null;
}

/** GET /api/projects/:id?asOf=YYYY-MM: the parts the monitoring screens read. */
export interface ProjectMonitoring {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  readonly year: number;
  readonly asOf: string;
  readonly department: { readonly code: string; readonly name: string };
  readonly leads: readonly { readonly id: string; readonly username: string; readonly displayName: string }[];
  readonly goals: readonly GoalNode[];
  readonly budgetExecution: {
    readonly budgetYuan: number;
    readonly periods: readonly BudgetExecutionPeriod[];
  };
  readonly reportPeriods: readonly ReportPeriodState[];
}

/** PUT /api/projects/:id/budget-execution/:period answer (and 409 `details.current`). */
export interface BudgetExecutionRow {
  readonly id: string;
  readonly period: string;
  readonly executedYuan: number;
  readonly note: string | null;
  readonly version: number;
}

/** A project's month workflow row (submit / approve / return answers). */
export interface PeriodRow {
  readonly id: string;
  readonly period: string;
  readonly status: PeriodStatus;
  readonly returnReason: string | null;
  readonly version: number;
}

/** A period the admin locked for a whole department-year. */
export interface PeriodLock {
  readonly period: string;
  readonly reason: string;
  readonly lockedAt: string;
  readonly lockedBy: string | null;
}

/** An uploaded 佐证材料 file. */
export interface EvidenceFile {
  readonly id: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly createdAt: string;
}

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
