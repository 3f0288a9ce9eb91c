import { budgetStatus, type Light } from '@jixiao/domain';

/** libs/domain budgetStatus under the API's field names: execution rate, pace, light, reason and explanation. */
export interface BudgetLightFields {
  rate: number | null;
  pace: number;
  light: Light;
  lightReason: string;
  explanation: string;
}

export function budgetLightOf(
  budgetYuan: number,
  executedYuan: number | null,
  month: number,
): BudgetLightFields {
  const { rate, pace, light, reason, explanation } = budgetStatus({
    month,
    budget: budgetYuan,
    executed: executedYuan,
  });
  return { rate, pace, light, lightReason: reason, explanation };
}
