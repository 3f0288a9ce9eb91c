import { budgetLight, type Light } from '@jixiao/domain';

export interface BudgetStatus {
  /** 时间进度 %: m ÷ 12 × 100 */
  pace: number;
  light: Light;
  lightReason: string;
}

export const paceOf = (month: number): number => Math.round((month * 10000) / 12) / 100;

/** Budget execution light (libs/domain budgetLight) with the m/12 pace; grey when nothing was reported. */
export function budgetStatus(budgetYuan: number, executedYuan: number | null, month: number): BudgetStatus {
  const pace = paceOf(month);
  if (executedYuan === null) return { pace, light: 'grey', lightReason: '截至本期尚未填报预算执行数' };
  if (!(budgetYuan > 0)) return { pace, light: 'grey', lightReason: '当年预算为 0，无法计算执行进度' };
  const { light, reason } = budgetLight({ month, executed: executedYuan, budget: budgetYuan });
  return { pace, light, lightReason: reason };
}
