import { assertBudget } from '../monitoring/budget-status';
import { assertWeight, roundScore } from './indicator-score';

// 预算执行率 score: min(全年执行数 ÷ 全年预算数 × 分值, 分值), 分值 10 by default (docs/domain.md §6), rounded to the
// scoring profile's decimals (2 nationally).
export function budgetScore(executed: number, budget: number, weight = 10, decimals = 2): number {
  assertBudget(executed, budget);
  assertWeight(weight);
  return Math.min(weight, roundScore((executed / budget) * weight, decimals));
}
