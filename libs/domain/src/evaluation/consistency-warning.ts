import { messages } from '../messages/domain-messages';
import { denoise, formatNumber } from '../shared/number.util';

export interface ConsistencyWarning {
  light: 'red' | 'green';
  deviation: number; // (indicator rate − budget rate) ÷ indicator rate
  reason: string;
  explanation: string; // the rates and the deviation with their figures
}

/**
 * Flags indicators that claim success while money is not spent (docs/domain.md §6):
 * (Σ indicator score ÷ 90 − budget score ÷ 10) ÷ (Σ indicator score ÷ 90) > 5 % → red.
 * 90 and 10 follow the budget weight, so a 20-point budget scheme compares against 80 and 20.
 */
export function consistencyWarning(
  indicatorTotal: number,
  budgetScoreValue: number,
  budgetWeight = 10,
  tolerance = 0.05,
): ConsistencyWarning {
  const indicatorRate = indicatorTotal / (100 - budgetWeight);
  const budgetRate = budgetScoreValue / budgetWeight;
  const deviation = indicatorRate > 0 ? denoise((indicatorRate - budgetRate) / indicatorRate) : 0;
  const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;
  const red = deviation > tolerance;
  const explanation = messages().scoreExplain.consistency(
    formatNumber(indicatorTotal),
    formatNumber(100 - budgetWeight),
    percent(indicatorRate),
    formatNumber(budgetScoreValue),
    formatNumber(budgetWeight),
    percent(budgetRate),
    percent(deviation),
    percent(tolerance),
    red,
  );
  return red
    ? {
        light: 'red',
        deviation,
        reason: messages().consistency.inconsistent(percent(deviation), percent(tolerance)),
        explanation,
      }
    : {
        light: 'green',
        deviation,
        reason: messages().consistency.consistent(percent(deviation)),
        explanation,
      };
}
