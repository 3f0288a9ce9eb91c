import { DomainErrorCode } from '../errors/domain.error';
import { budgetLight } from './budget-light';
import type { Light } from './light.types';

describe(budgetLight.name, () => {
  it.each<[number, number, Light, number, string]>([
    [6, 225, 'red', 45, '预算执行进度值 45.0 低于 60（红灯）'],
    [6, 300, 'yellow', 60, '预算执行进度值 60.0 介于 60 与 80 之间（黄灯）'],
    [6, 399, 'yellow', 79.8, '预算执行进度值 79.8 介于 60 与 80 之间（黄灯）'],
    [6, 400, 'green', 80, '预算执行进度值 80.0 达到 80（绿灯）'],
    [6, 900, 'green', 180, '预算执行进度值 180.0 达到 80（绿灯）'],
    [12, 1000, 'green', 100, '预算执行进度值 100.0 达到 80（绿灯）'],
    [3, 150, 'yellow', 60, '预算执行进度值 60.0 介于 60 与 80 之间（黄灯）'],
  ])(
    'should give month %d with %d of 1000 spent the light %s when paced over 12 months',
    (month, executed, light, progress, reason) => {
      expect(budgetLight({ month, executed, budget: 1000 })).toEqual({ light, reason, progress });
    },
  );

  it('should use thresholds from settings when they are overridden', () => {
    expect(budgetLight({ month: 6, executed: 400, budget: 1000 }, { greenFrom: 90 }).light).toBe('yellow');
  });

  it.each([
    [6, -1, 1000],
    [6, 100, 0],
    [6, Number.NaN, 1000],
    [6, 100, Number.POSITIVE_INFINITY],
  ])('should refuse month %d with %d of %d', (month, executed, budget) => {
    expect(() => budgetLight({ month, executed, budget })).toThrow(
      expect.objectContaining({
        code: DomainErrorCode.InvalidBudget,
        message: '全年预算数必须大于 0，执行数不能为负数',
      }),
    );
  });
});
