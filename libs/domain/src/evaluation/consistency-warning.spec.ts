import { consistencyWarning } from './consistency-warning';

describe(consistencyWarning.name, () => {
  it.each<[number, number, 'red' | 'green', number]>([
    [90, 10, 'green', 0],
    [90, 9.5, 'green', 0.05],
    [90, 9.4, 'red', 0.06],
    [81, 9, 'green', 0],
    [90, 5, 'red', 0.5],
    [45, 10, 'green', -1],
    [0, 3, 'green', 0],
  ])('should flag indicators %d with budget score %d as %s', (indicators, budget, light, deviation) => {
    expect(consistencyWarning(indicators, budget)).toMatchObject({ light, deviation });
  });

  it('should explain the warning in Chinese when money is not spent', () => {
    expect(consistencyWarning(90, 5).reason).toBe(
      '指标得分高于预算执行水平，偏差 50.0% 超过 5.0%，需说明原因（红灯）',
    );
    expect(consistencyWarning(90, 10).reason).toBe('指标得分与预算执行相符（偏差 0.0%）');
  });

  it('should follow a 20-point budget scheme when configured', () => {
    expect(consistencyWarning(80, 19, 20)).toMatchObject({ light: 'green', deviation: 0.05 });
    expect(consistencyWarning(80, 18, 20, 0.1)).toMatchObject({ light: 'green', deviation: 0.1 });
  });

  it('should show the rates and the deviation with their figures', () => {
    expect(consistencyWarning(81, 4.5).explanation).toBe(
      '指标完成率 = 81 ÷ 90 = 90.0%；预算执行率 = 4.5 ÷ 10 = 45.0%；偏差 = (90.0% − 45.0%) ÷ 90.0% = 50.0% > 5.0% → 红灯',
    );
    expect(consistencyWarning(90, 10).explanation).toBe(
      '指标完成率 = 90 ÷ 90 = 100.0%；预算执行率 = 10 ÷ 10 = 100.0%；偏差 = (100.0% − 100.0%) ÷ 100.0% = 0.0% ≤ 5.0% → 绿灯',
    );
  });
});
