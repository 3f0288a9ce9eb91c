import { budgetStatus, DEFAULT_RULE_SETTINGS, type Light, type RuleSettings } from '@jixiao/domain';

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
  rules: RuleSettings = DEFAULT_RULE_SETTINGS,
): BudgetLightFields {
  const { rate, pace, light, reason, explanation } = budgetStatus(
    { month, budget: budgetYuan, executed: executedYuan },
    null,
    rules,
  );
  return { rate, pace, light, lightReason: reason, explanation };
}
