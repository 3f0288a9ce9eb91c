import { actualValueIn } from '../actual/actual-reading.util';
import type { Actual } from '../actual/actual.types';
import { messages } from '../messages/domain-messages';
import { reasonRequired } from '../monitoring/deviation-reason';
import type { Light } from '../monitoring/light.types';
import { worstLight } from '../monitoring/thresholds.util';
import { denoise, formatNumber } from '../shared/number.util';
import type { Target } from '../target/target.types';
import { type BudgetCheckpoint, DEFAULT_RULE_SETTINGS, type RuleSettings } from './rule-settings';

/** The checkpoint in force in month m: the latest one due by then, or undefined before the first. */
export function checkpointFor(
  month: number,
  checkpoints: readonly BudgetCheckpoint[] = DEFAULT_RULE_SETTINGS.budgetCheckpoints,
): BudgetCheckpoint | undefined {
  return [...checkpoints].reverse().find((point) => point.month <= month);
}

/** A missed budget checkpoint (执行率 below what is due by its month), with the sentence saying so. */
export function missedCheckpoint(
  month: number,
  rate: number,
  checkpoints: readonly BudgetCheckpoint[] = DEFAULT_RULE_SETTINGS.budgetCheckpoints,
): { checkpoint: BudgetCheckpoint; reason: string } | undefined {
  const checkpoint = checkpointFor(month, checkpoints);
  if (checkpoint === undefined || rate >= checkpoint.minRate) return undefined;
  return {
    checkpoint,
    reason: messages().rules.checkpointMissed(checkpoint.month, checkpoint.minRate, rate),
  };
}

export interface DualWarning {
  gap: number; // |target progress − budget progress| in points
  message: string;
}

/**
 * 双监控 consistency: target progress and budget progress (both v, % of the time pace) differing by more than the
 * setting's points → a warning; none when the setting is off or either side is unknown.
 */
export function dualMonitoringWarning(
  targetProgress: number | null,
  budgetProgress: number | null,
  rules: Pick<RuleSettings, 'consistencyGap'> = DEFAULT_RULE_SETTINGS,
): DualWarning | null {
  const limit = rules.consistencyGap;
  if (limit === null || targetProgress === null || budgetProgress === null) return null;
  const gap = denoise(Math.abs(targetProgress - budgetProgress));
  if (gap <= limit) return null;
  return {
    gap,
    message: messages().rules.dualGap(
      formatNumber(targetProgress),
      formatNumber(budgetProgress),
      formatNumber(gap),
      limit,
    ),
  };
}

const ON_TRACK: readonly Light[] = ['green', 'blue'];

/** A project's light from its indicators' lights and its budget light, as the setting combines them. */
export function projectLight(
  indicatorLights: readonly Light[],
  budgetLight: Light | null,
  rules: Pick<RuleSettings, 'projectLight'> = DEFAULT_RULE_SETTINGS,
): Light {
  const targets = worstLight(indicatorLights);
  if (rules.projectLight === 'indicators' || budgetLight === null) return targets;
  if (rules.projectLight === 'worst') return worstLight([targets, budgetLight]);
  // dual (Hefei): budget off → red; budget on track, targets off → yellow; both on track → green. A grey or
  // undetermined side says what it says.
  const off = (light: Light): boolean => light === 'red' || light === 'yellow';
  if (off(budgetLight)) return 'red';
  if (!ON_TRACK.includes(budgetLight)) return worstLight([targets, budgetLight]);
  if (off(targets)) return 'yellow';
  return ON_TRACK.includes(targets) ? 'green' : targets;
}

/** Whether the month cannot be submitted while this report gives no 偏差原因 (a setting; none nationally). */
export function reasonMissing(
  light: Light | null | undefined,
  hasReason: boolean,
  rules: Pick<RuleSettings, 'reasonLights'> = DEFAULT_RULE_SETTINGS,
): boolean {
  return !hasReason && reasonRequired(light, rules.reasonLights);
}

/**
 * 超额完成: a 正向 actual at or above the setting's % of the (annual) target needs 偏差原因及整改措施 (Guangxi 130 %).
 * Returns the % reached, or null when none is asked (off, not numeric, not 正向, target 0).
 */
export function overCompletion(
  target: Target | null,
  actual: Actual | undefined,
  rules: Pick<RuleSettings, 'overCompletionFrom'> = DEFAULT_RULE_SETTINGS,
): number | null {
  const from = rules.overCompletionFrom;
  if (from === null || !target || !actual || target.confidence === 'unparsed') return null;
  if (target.direction !== 'higher' || target.operator === 'all-of' || !target.value) return null;
  const value = actualValueIn(target, actual);
  if (value === undefined) return null;
  const percent = denoise((value / target.value) * 100);
  return percent >= from ? percent : null;
}

/** A month's report as the submit checks it: its light, whether it gives a 偏差原因, its actual against the target. */
export interface SubmittedReport {
  indicatorId: string;
  name: string;
  light: Light;
  hasReason: boolean;
  target: Target | null;
  actual: Actual | undefined;
}

/**
 * What stops a month's submit under the settings: each report whose light asks for a 偏差原因 without one, and each
 * over-completion (≥ the setting's %) without an explanation — keyed `reasons.<indicatorId>` and
 * `overCompletion.<indicatorId>`, each message naming the indicator.
 */
export function submitReasonProblems(
  reports: readonly SubmittedReport[],
  rules: Pick<RuleSettings, 'reasonLights' | 'overCompletionFrom'> = DEFAULT_RULE_SETTINGS,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const report of reports) {
    if (reasonMissing(report.light, report.hasReason, rules)) {
      const field = `reasons.${report.indicatorId}`;
      problems[field] =
        `${field}：${messages().rules.reasonMissing(report.name, messages().lightNames[report.light])}`;
    }
    const percent = overCompletion(report.target, report.actual, rules);
    if (percent !== null && !report.hasReason) {
      const field = `overCompletion.${report.indicatorId}`;
      problems[field] =
        `${field}：${messages().rules.overCompletion(report.name, formatNumber(percent), rules.overCompletionFrom as number)}`;
    }
  }
  return problems;
}
