import { DomainErrorCode } from '../errors/domain.error';
import { parseTarget } from '../target/target-parser';
import type { Target, TargetContext } from '../target/target.types';
import { expectedByNow } from './expected-progress';

const QUANTITY: TargetContext = { level1: '产出指标', level2: '数量指标' };

describe(expectedByNow.name, () => {
  it.each<[string, TargetContext, number, number]>([
    ['1.2 万人/年', QUANTITY, 6, 6000],
    ['1.2 万人/年', QUANTITY, 12, 12000],
    ['3000 人/年', QUANTITY, 7, 1750],
    ['12 场', QUANTITY, 1, 1],
    ['12 场', QUANTITY, 5, 5],
    ['1-2 次', QUANTITY, 6, 0.5],
  ])('should pace the cumulative target %s (%j) in month %d to %d', (raw, context, month, expected) => {
    expect(expectedByNow(parseTarget(raw, context), month)).toBe(expected);
  });

  it.each<[string, TargetContext, number, number]>([
    ['≥90%', {}, 1, 90],
    ['≥90%', {}, 12, 90],
    ['≤48 小时', {}, 3, 48],
    ['1040 元/月', {}, 6, 1040],
    ['90%-95%', {}, 6, 90],
    ['稳步增长', { ...QUANTITY, previous: '2.5 万人' }, 4, 25000],
  ])(
    'should expect the level or relative target %s (%j) in full in month %d',
    (raw, context, month, expected) => {
      expect(expectedByNow(parseTarget(raw, context), month)).toBe(expected);
    },
  );

  it.each([1, 6, 12])('should expect 0 of a zero-tolerance target in month %d', (month) => {
    expect(expectedByNow(parseTarget('0'), month)).toBe(0);
  });

  it.each<[string, TargetContext]>([
    ['2025年底完成', {}],
    ['及时', {}],
    ['≥1 场、≥90人', QUANTITY],
    ['稳步增长', QUANTITY],
  ])('should have no single expected value when the target is %s (%j)', (raw, context) => {
    expect(expectedByNow(parseTarget(raw, context), 6)).toBeUndefined();
  });

  it('should have no expected value when a cumulative target lost its number', () => {
    const target: Target = { ...parseTarget('12 场', QUANTITY), value: undefined };
    expect(expectedByNow(target, 6)).toBeUndefined();
  });

  it.each([0, 13, 6.5])('should throw when the month is %d', (month) => {
    expect(() => expectedByNow(parseTarget('≥90%'), month)).toThrow(
      expect.objectContaining({ code: DomainErrorCode.InvalidMonth }),
    );
  });
});
