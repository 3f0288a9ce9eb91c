import { DomainError, DomainErrorCode } from '../errors/domain.error';
import { messages } from '../messages/domain-messages';
import { denoise, formatNumber, round2 } from '../shared/number.util';
import { missedCheckpoint } from '../rules/rule-checks';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../rules/rule-settings';
import type { Light, Thresholds } from './light.types';
import { assertMonth, progressLight, resolveThresholds } from './thresholds.util';

// Budget execution of a project (or a sum of projects) up to month m: 执行数 year to date against 当年预算, in 元.
export interface BudgetInput {
  month: number;
  budget: number;
  executed: number | null; // null: nothing reported yet
}

export interface BudgetStatus {
  pace: number; // 时间进度 % = m ÷ 12 × 100, two decimals
  rate: number | null; // 执行率 % = executed ÷ budget × 100, two decimals
  progress: number | null; // v = 执行率 ÷ 时间进度 × 100, truncated to one decimal as explained
  light: Light;
  reason: string;
  explanation: string;
}

export function assertBudget(executed: number, budget: number): void {
  if (!(Number.isFinite(executed) && Number.isFinite(budget) && executed >= 0 && budget > 0)) {
    throw new DomainError(DomainErrorCode.InvalidBudget, messages().error.invalidBudget);
  }
}

/** 时间进度 % of month m: m ÷ 12 × 100. */
export const paceOf = (month: number): number => round2((month * 100) / 12);

/**
 * v = 执行率 ÷ (m/12) × 100 → red < 60, yellow 60–80, green ≥ 80 (docs/domain.md §5); spending has no "ahead".
 * Nothing reported → grey (未填报); a budget of 0 cannot be paced → undetermined (无法判定).
 */
export function budgetStatus(
  input: BudgetInput,
  thresholds?: Partial<Thresholds> | null,
  rules: Pick<RuleSettings, 'thresholds' | 'budgetCheckpoints'> = DEFAULT_RULE_SETTINGS,
): BudgetStatus {
  assertMonth(input.month);
  const { month, budget, executed } = input;
  const limits = resolveThresholds(thresholds ?? undefined, rules.thresholds);
  const pace = paceOf(month);
  if (executed === null) {
    return {
      pace,
      rate: null,
      progress: null,
      light: 'grey',
      reason: messages().reason.budgetNotReported,
      explanation: messages().explain.budgetNotReported,
    };
  }
  if (budget === 0 && executed >= 0) {
    return {
      pace,
      rate: null,
      progress: null,
      light: 'undetermined',
      reason: messages().reason.budgetZero,
      explanation: messages().explain.budgetZero,
    };
  }
  assertBudget(executed, budget);
  const v = denoise((executed * 1200) / (budget * month));
  const paced = progressLight(v, limits, false);
  const rate = round2((executed * 100) / budget);
  const formula = messages().explain.budget(formatNumber(executed), formatNumber(budget), month, v);
  const band = messages().explain.steps([formula, messages().explain.band(v, paced, limits, false)]);
  const reason = messages().reason.progress(messages().reason.budgetLabel, v, paced, limits);
  // A province's checkpoint (e.g. 40 % by June) missed turns the light red whatever the pace says.
  const missed = missedCheckpoint(month, rate, rules.budgetCheckpoints);
  return {
    pace,
    rate,
    progress: Number(messages().explain.oneDecimal(v)),
    light: missed ? 'red' : paced,
    reason: missed ? missed.reason : reason,
    explanation: missed ? messages().explain.steps([band, missed.reason]) : band,
  };
}
