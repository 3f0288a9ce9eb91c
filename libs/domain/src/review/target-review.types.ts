import type { GoalTerm } from '../document/budget-document.types';
import type { Target } from '../target/target.types';

// How serious a finding is: error — the finance bureau's review would send the table back; warning — likely
// questioned; info — worth a look.
export const REVIEW_SEVERITIES = ['error', 'warning', 'info'] as const;
export type ReviewSeverity = (typeof REVIEW_SEVERITIES)[number];

// The rules of the target-quality review (目标质量审查, docs/domain.md §9), by id.
export const REVIEW_RULE_IDS = [
  'vague-target',
  'qualitative-quantity',
  'missing-operator',
  'missing-unit',
  'rate-over-100',
  'input-as-output',
  'satisfaction-misplaced',
  'goal-missing-level1',
  'goal-missing-cost',
  'too-few-indicators',
  'not-above-last-year',
  'same-as-long-term',
  'duplicate-indicator',
  'unreadable-target',
] as const;
export type ReviewRuleId = (typeof REVIEW_RULE_IDS)[number];

// What a rule looks at: one indicator (the editor runs these as the user types), a goal, or a whole tree.
export type ReviewScope = 'indicator' | 'goal' | 'tree';

/** One row of the rule table. */
export interface ReviewRule {
  id: ReviewRuleId;
  severity: ReviewSeverity;
  scope: ReviewScope;
  /** Chinese title, e.g. 指标值不可衡量. */
  title: string;
  /** How to fix it, in Chinese. */
  fixHint: string;
  /** Whether it runs when the department-year has not switched it. */
  defaultEnabled: boolean;
}

/** A department-year's switches: a rule id mapped to on/off; an absent rule keeps its default. */
export type ReviewSwitches = Readonly<Partial<Record<string, boolean>>>;

export interface ReviewOptions {
  switches?: ReviewSwitches;
  /** 预算年度, for targets written as dates without a year. */
  year?: number;
}

/** What the review reads of a 三级指标 (a document Indicator or a stored row). */
export interface ReviewIndicator {
  level1: string; // 一级指标
  level2: string; // 二级指标
  name: string; // 三级指标
  target: string; // 指标值 as written
  /** 上年 as written (annual tables). */
  prev1?: string | null;
  /** 计量单位 column, where the table has one. */
  unit?: string | null;
  /** The stored structured reading; read with parseTarget when absent. */
  parsed?: Target | null;
}

export interface ReviewGoal {
  term: GoalTerm;
  indicators: ReviewIndicator[];
}

/** A finding: the rule, its severity, what was found and how to fix it. */
export interface ReviewFinding {
  ruleId: ReviewRuleId;
  severity: ReviewSeverity;
  title: string;
  /** What was found, in Chinese, naming the indicator or the goal. */
  message: string;
  fixHint: string;
}

/** A finding in a tree: the goal it belongs to and, for indicator findings, the indicator (0-based indexes). */
export interface TreeFinding extends ReviewFinding {
  goalIndex: number;
  indicatorIndex: number | null;
}

export type SeverityCounts = Record<ReviewSeverity, number> & { total: number };
