import { DomainError, DomainErrorCode } from '../errors/domain.error';
import { ZH_CN_MESSAGES as MSG } from '../messages/zh-cn.messages';
import { denoise } from '../shared/number.util';
import type { LightResult, Thresholds } from './light.types';
import { assertMonth, progressLight, resolveThresholds } from './thresholds.util';

// Budget execution of a project up to month m (执行数 year to date against 当年预算).
export interface BudgetProgressInput {
  month: number;
  executed: number;
  budget: number;
}

export interface BudgetLightResult extends LightResult {
  progress: number;
}

export function assertBudget(executed: number, budget: number): void {
  if (!(Number.isFinite(executed) && Number.isFinite(budget) && executed >= 0 && budget > 0)) {
    throw new DomainError(DomainErrorCode.InvalidBudget, MSG.error.invalidBudget);
  }
}

// v = 执行率 ÷ (m/12) × 100 → red < 60, yellow 60–80, green ≥ 80 (domain.md §5); spending has no "ahead".
export function budgetLight(input: BudgetProgressInput, thresholds?: Partial<Thresholds>): BudgetLightResult {
  assertMonth(input.month);
  assertBudget(input.executed, input.budget);
  const limits = resolveThresholds(thresholds);
  const progress = denoise((input.executed * 1200) / (input.budget * input.month));
  const light = progressLight(progress, limits, false);
  return { light, reason: MSG.reason.progress(MSG.reason.budgetLabel, progress, light, limits), progress };
}
