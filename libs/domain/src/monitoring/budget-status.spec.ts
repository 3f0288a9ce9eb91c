import { DomainErrorCode } from '../errors/domain.error';
import { budgetStatus, paceOf } from './budget-status';
import type { Light } from './light.types';

describe(budgetStatus.name, () => {
  it.each<[number, number, Light, number, string, string]>([
    [
      6,
      225,
      'red',
      45,
      '预算执行进度值 45.0 低于 60（红灯）',
      '225 ÷ (1000 × 6/12) × 100 = 45.0；45.0 < 60 → 红灯',
    ],
    [
      6,
      300,
      'yellow',
      60,
      '预算执行进度值 60.0 介于 60 与 80 之间（黄灯）',
      '300 ÷ (1000 × 6/12) × 100 = 60.0；60 ≤ 60.0 < 80 → 黄灯',
    ],
    [
      6,
      399,
      'yellow',
      79.8,
      '预算执行进度值 79.8 介于 60 与 80 之间（黄灯）',
      '399 ÷ (1000 × 6/12) × 100 = 79.8；60 ≤ 79.8 < 80 → 黄灯',
    ],
    [
      6,
      400,
      'green',
      80,
      '预算执行进度值 80.0 达到 80（绿灯）',
      '400 ÷ (1000 × 6/12) × 100 = 80.0；80.0 ≥ 80 → 绿灯',
    ],
    [
      6,
      900,
      'green',
      180,
      '预算执行进度值 180.0 达到 80（绿灯）',
      '900 ÷ (1000 × 6/12) × 100 = 180.0；180.0 ≥ 80 → 绿灯',
    ],
    [
      12,
      1000,
      'green',
      100,
      '预算执行进度值 100.0 达到 80（绿灯）',
      '1000 ÷ (1000 × 12/12) × 100 = 100.0；100.0 ≥ 80 → 绿灯',
    ],
    [
      3,
      150,
      'yellow',
      60,
      '预算执行进度值 60.0 介于 60 与 80 之间（黄灯）',
      '150 ÷ (1000 × 3/12) × 100 = 60.0；60 ≤ 60.0 < 80 → 黄灯',
    ],
  ])(
    'should give month %d with %d of 1000 spent the light %s when paced over 12 months',
    (month, executed, light, progress, reason, formula) => {
      expect(budgetStatus({ month, executed, budget: 1000 })).toEqual({
        pace: paceOf(month),
        rate: executed / 10,
        progress,
        light,
        reason,
        explanation: `预算执行进度值 = ${formula}`,
      });
    },
  );

  it('should give the pace of a month with two decimals', () => {
    expect(paceOf(7)).toBe(58.33);
    expect(paceOf(12)).toBe(100);
  });

  it('should use thresholds from settings when they are overridden', () => {
    expect(budgetStatus({ month: 6, executed: 400, budget: 1000 }, { greenFrom: 90 }).light).toBe('yellow');
    expect(budgetStatus({ month: 6, executed: 400, budget: 1000 }, null).light).toBe('green');
  });

  it('should show grey when nothing was reported', () => {
    expect(budgetStatus({ month: 6, executed: null, budget: 1000 })).toEqual({
      pace: 50,
      rate: null,
      progress: null,
      light: 'grey',
      reason: '截至本期尚未填报预算执行数',
      explanation: '截至本期无预算执行数 → 灰灯（未填报）',
    });
  });

  it('should call spending against a budget of 0 undetermined, not grey', () => {
    expect(budgetStatus({ month: 6, executed: 10, budget: 0 })).toMatchObject({
      light: 'undetermined',
      rate: null,
      explanation: '当年预算 = 0，无从计算执行进度 → 无法判定',
    });
  });

  it.each([
    [6, -1, 1000],
    [6, 100, -5],
    [6, Number.NaN, 1000],
    [6, 100, Number.POSITIVE_INFINITY],
  ])('should refuse month %d with %d of %d', (month, executed, budget) => {
    expect(() => budgetStatus({ month, executed, budget })).toThrow(
      expect.objectContaining({
        code: DomainErrorCode.InvalidBudget,
        message: '全年预算数必须大于 0，执行数不能为负数',
      }),
    );
  });
});
