import type { Level1 } from '../indicator/indicator-levels';
import { normalizeText } from '../target/target-text.util';
import { level1Of, reviewIndicator } from './indicator-review';
import { findingOf, ruleEnabled } from './target-review-rules';
import { messages } from '../messages/domain-messages';
import type { ReviewFinding, ReviewGoal, ReviewOptions, TreeFinding } from './target-review.types';

/** A finding of one goal; `indicatorIndex` (0-based) is set for findings about one of its indicators. */
export interface GoalFinding extends ReviewFinding {
  indicatorIndex: number | null;
}

// Every goal measures what it produces, what that achieves and whether those served are satisfied.
const REQUIRED: readonly Level1[] = ['产出指标', '效益指标', '满意度指标'];

const nameKey = (name: string): string => name.replace(/\s+/g, '');

/** The review of one goal's tree (docs/domain.md §9): its own checks, then each indicator's. */
export function reviewGoal(goal: ReviewGoal, options: ReviewOptions = {}): GoalFinding[] {
  const on = (id: Parameters<typeof ruleEnabled>[0]) => ruleEnabled(id, options.switches);
  const findings: GoalFinding[] = [];
  const levels = new Set(goal.indicators.map(level1Of));
  const missing = REQUIRED.filter((level1) => !levels.has(level1));
  if (missing.length > 0 && on('goal-missing-level1'))
    findings.push({
      ...findingOf('goal-missing-level1', messages().review.goalMissing(missing)),
      indicatorIndex: null,
    });
  if (!levels.has('成本指标') && on('goal-missing-cost'))
    findings.push({
      ...findingOf('goal-missing-cost', messages().review.goalMissingCost),
      indicatorIndex: null,
    });
  if (goal.indicators.length < 3 && on('too-few-indicators'))
    findings.push({
      ...findingOf('too-few-indicators', messages().review.tooFew(goal.indicators.length)),
      indicatorIndex: null,
    });
  const seen = new Set<string>();
  goal.indicators.forEach((indicator, indicatorIndex) => {
    for (const finding of reviewIndicator(indicator, options)) findings.push({ ...finding, indicatorIndex });
    const key = nameKey(indicator.name);
    if (seen.has(key) && on('duplicate-indicator'))
      findings.push({
        ...findingOf('duplicate-indicator', messages().review.duplicate(indicator.name)),
        indicatorIndex,
      });
    seen.add(key);
  });
  return findings;
}

/**
 * The review of a project's or the department's whole tree: every goal, and the annual indicators that only
 * repeat the long-term target (same indicator, same 指标值).
 */
export function reviewTree(goals: readonly ReviewGoal[], options: ReviewOptions = {}): TreeFinding[] {
  const longTerm = new Map<string, string>();
  for (const goal of goals.filter((g) => g.term === 'long'))
    for (const indicator of goal.indicators)
      longTerm.set(nameKey(indicator.name), normalizeText(indicator.target));
  const findings: TreeFinding[] = [];
  goals.forEach((goal, goalIndex) => {
    const own = reviewGoal(goal, options).map((finding) => ({ ...finding, goalIndex }));
    if (goal.term === 'annual' && ruleEnabled('same-as-long-term', options.switches)) {
      goal.indicators.forEach((indicator, indicatorIndex) => {
        const target = normalizeText(indicator.target);
        if (target !== '' && longTerm.get(nameKey(indicator.name)) === target)
          own.push({
            ...findingOf(
              'same-as-long-term',
              messages().review.sameAsLongTerm(indicator.name, indicator.target),
            ),
            goalIndex,
            indicatorIndex,
          });
      });
    }
    // Goal findings first, then by indicator in the table's order.
    own.sort((a, b) => (a.indicatorIndex ?? -1) - (b.indicatorIndex ?? -1));
    findings.push(...own);
  });
  return findings;
}
