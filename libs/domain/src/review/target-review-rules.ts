import { messages } from '../messages/domain-messages';
import { ZH_CN_MESSAGES } from '../messages/zh-cn.messages';
import type {
  ReviewFinding,
  ReviewRule,
  ReviewRuleId,
  ReviewSeverity,
  ReviewSwitches,
  SeverityCounts,
} from './target-review.types';

/**
 * The rule table of the target-quality review (docs/domain.md §9), from the national and provincial guides
 * on setting targets: data, so that a department-year can switch a rule off (with a reason) or on.
 */
// prettier-ignore
export const REVIEW_RULES: readonly ReviewRule[] = ([
  { id: 'vague-target', severity: 'error', scope: 'indicator', defaultEnabled: true },
  { id: 'qualitative-quantity', severity: 'error', scope: 'indicator', defaultEnabled: true },
  { id: 'missing-operator', severity: 'warning', scope: 'indicator', defaultEnabled: true },
  { id: 'missing-unit', severity: 'warning', scope: 'indicator', defaultEnabled: true },
  { id: 'rate-over-100', severity: 'error', scope: 'indicator', defaultEnabled: true },
  { id: 'input-as-output', severity: 'warning', scope: 'indicator', defaultEnabled: true },
  { id: 'satisfaction-misplaced', severity: 'error', scope: 'indicator', defaultEnabled: true },
  { id: 'goal-missing-level1', severity: 'error', scope: 'goal', defaultEnabled: true },
  { id: 'goal-missing-cost', severity: 'warning', scope: 'goal', defaultEnabled: false },
  { id: 'too-few-indicators', severity: 'warning', scope: 'goal', defaultEnabled: true },
  { id: 'not-above-last-year', severity: 'warning', scope: 'indicator', defaultEnabled: true },
  { id: 'same-as-long-term', severity: 'info', scope: 'tree', defaultEnabled: true },
  { id: 'duplicate-indicator', severity: 'error', scope: 'goal', defaultEnabled: true },
  { id: 'unreadable-target', severity: 'error', scope: 'indicator', defaultEnabled: true },
] as const).map((rule) => ({ ...rule, ...ZH_CN_MESSAGES.review.rules[rule.id] }));

const RULES_BY_ID = new Map(REVIEW_RULES.map((rule) => [rule.id, rule]));

export function reviewRule(id: ReviewRuleId): ReviewRule {
  return RULES_BY_ID.get(id) as ReviewRule;
}

export function isReviewRuleId(id: string): id is ReviewRuleId {
  return RULES_BY_ID.has(id as ReviewRuleId);
}

export function ruleEnabled(id: ReviewRuleId, switches: ReviewSwitches = {}): boolean {
  return switches[id] ?? reviewRule(id).defaultEnabled;
}

/** A finding of a rule, with the rule's severity, title and fix hint. */
export function findingOf(id: ReviewRuleId, message: string): ReviewFinding {
  const { severity } = reviewRule(id);
  const { title, fixHint } = messages().review.rules[id];
  return { ruleId: id, severity, title, message, fixHint };
}

export function countBySeverity(findings: readonly { severity: ReviewSeverity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, total: findings.length };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export const REVIEW_SEVERITY_LABELS: Readonly<Record<ReviewSeverity, string>> =
  ZH_CN_MESSAGES.review.severities;
