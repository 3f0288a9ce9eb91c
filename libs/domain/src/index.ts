// Public facade of the domain library. Barrel only here, at the library's edge.
export * from './document/budget-document.types';

// Targets (指标值): types and the parser.
export * from './target/target.types';
export { parseTarget } from './target/target-parser';

// Actuals (完成值).
export * from './actual/actual.types';
export { assertNumberGiven, isQuantitative, parseActual } from './actual/actual-parser';
export { partLabels } from './actual/part-labels';

// Monitoring (绩效运行监控): warning lights with their explanations, budget execution, the reporting calendar.
export * from './monitoring/light.types';
export * from './monitoring/report-values';
export {
  indicatorStatus,
  isReadable,
  type IndicatorStatus,
  restateReport,
  type ReportReading,
  type RestatedReport,
  type StoredReport,
  type StatusAsOf,
  type StatusOptions,
} from './monitoring/indicator-status';
export { budgetStatus, paceOf, type BudgetInput, type BudgetStatus } from './monitoring/budget-status';
export {
  FLAGGED_LIGHTS,
  flagRank,
  isFlagged,
  resolveThresholds,
  worstLight,
  type FlaggedLight,
} from './monitoring/thresholds.util';
export { expectedByNow } from './monitoring/expected-progress';
export { DEFAULT_REASON_LIGHTS, reasonRequired } from './monitoring/deviation-reason';
export * from './monitoring/report-warnings';
export * from './monitoring/reporting-calendar';
export * from './monitoring/year-being-monitored';
export * from './monitoring/year-end-projection';
export * from './monitoring/monitoring-form';

// Rules as settings (监控规则) of a department-year: lights, budget checkpoints, 双监控, reasons, scoring profile.
export * from './rules/rule-settings';
export * from './rules/rule-checks';

// Self-evaluation (绩效自评): scores, grade, weights, consistency.
export {
  scoreIndicator,
  explainScore,
  bandText,
  bandClosed,
  insideBand,
  type IndicatorScore,
  type IndicatorScoring,
  roundScore,
  type ExplainedScore,
} from './evaluation/indicator-score';
export * from './evaluation/evaluate-sheet';
export { meetsTarget } from './evaluation/meets-target';
export { budgetScore } from './evaluation/budget-score';
export * from './evaluation/grade';
export * from './evaluation/section-weights';
export * from './evaluation/consistency-warning';
export * from './evaluation/final-actual';

// The indicator tree (一级 / 二级指标) and units.
export * from './indicator/indicator-levels';
export * from './indicator/indicator-entry';
export { UNIT_MULTIPLIERS, convertUnit, splitUnit, type SplitUnit } from './units/unit.util';
export * from './units/money.util';

// Imports: what a new document changes, and when archiving needs a confirmation.
export * from './archive/import-diff';

// Errors and user-facing text.
export * from './errors/domain.error';
export { LIGHT_NAMES } from './monitoring/light-names';
export { ZH_CN_MESSAGES, type DomainMessages } from './messages/zh-cn.messages';
export { EN_US_MESSAGES } from './messages/en-us.messages';
export { DOMAIN_MESSAGES, composeIn, messages } from './messages/domain-messages';

// The review workflow shared by monitoring periods and self-evaluations.
export * from './workflow/review-workflow';
export * from './workflow/return-reasons';
export * from './notifications/reminders';

// The languages of the user interface.
export * from './i18n/ui-locale';

// Audit log
export * from './audit/audit-labels';
export * from './audit/audit-labels.en-us';

// Target-quality review (目标质量审查): the rule table, per indicator (the editor), per goal and per tree.
export * from './review/target-review.types';
export * from './review/target-review-rules';
export { level1Of, readingOf, reviewIndicator } from './review/indicator-review';
export { reviewGoal, reviewTree, type GoalFinding } from './review/target-review';

// Next year from this year (结转): the proposed target of each indicator.
export * from './carry/target-proposal';
// The lifecycle of an indicator tree: 申报 → 批复 → 调整.
export * from './workflow/tree-lifecycle';
