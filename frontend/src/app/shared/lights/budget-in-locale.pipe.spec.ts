import { type BudgetLightView, localizeBudget } from './budget-in-locale.pipe';

// 47.5 % of 16000 元 spent by June (time elapsed 50 %), as the API judges and explains it.
const june: BudgetLightView = {
  budgetYuan: 16000,
  executedYuan: 7600,
  pace: 50,
  light: 'green',
  lightReason: '预算执行进度值 95.0 达到 80（绿灯）',
  explanation: '预算执行进度值 = 7600 ÷ (16000 × 6/12) × 100 = 95.0；95.0 ≥ 80 → 绿灯',
};

describe(localizeBudget.name, () => {
  it('should explain the budget light in English from the figures the API sent', () => {
    expect(localizeBudget(june, 'en-US')).toMatchObject({
      lightReason: 'Budget progress 95.0 reaches 80 (green light)',
      explanation: 'Budget progress = 7600 ÷ (16000 × 6/12) × 100 = 95.0; 95.0 ≥ 80 → green light',
    });
  });

  it('should keep what the API sent on Chinese screens, where the light differs, or without a month', () => {
    expect(localizeBudget(june, 'zh-CN')).toBe(june);
    const red = { ...june, light: 'red' as const };
    expect(localizeBudget(red, 'en-US')).toBe(red);
    const none = { ...june, pace: 0 };
    expect(localizeBudget(none, 'en-US')).toBe(none);
  });

  it("should take the year's budget from the caller for a month's execution", () => {
    const { budgetYuan: _budget, ...month } = june;
    expect(localizeBudget(month, 'en-US', 16000).explanation).toMatch(/^Budget progress = 7600/);
    expect(localizeBudget(month, 'en-US')).toBe(month);
  });
});
