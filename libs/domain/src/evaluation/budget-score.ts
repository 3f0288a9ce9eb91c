import { assertBudget } from '../monitoring/budget-status';
import { round2 } from '../shared/number.util';
import { assertWeight } from './indicator-score';

// 预算执行率 score: min(全年执行数 ÷ 全年预算数 × 分值, 分值), 分值 10 by default (docs/domain.md §6).
export function budgetScore(executed: number, budget: number, weight = 10): number {
  assertBudget(executed, budget);
  assertWeight(weight);
  return Math.min(weight, round2((executed / budget) * weight));
}
