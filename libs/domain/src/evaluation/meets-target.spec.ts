import { parseActual } from '../actual/actual-parser';
import { parseTarget } from '../target/target-parser';
import type { TargetContext } from '../target/target.types';
import { compareWith, meetsTarget, sameValue } from './meets-target';

describe(meetsTarget.name, () => {
  it.each<[string, TargetContext, string, boolean | undefined]>([
    ['≥90%', {}, '95%', true],
    ['≥90%', {}, '85%', false],
    ['当年满意度超过90%', {}, '90%', false],
    ['≤48 小时', {}, '2天', true],
    ['<5%', {}, '5%', false],
    ['1040 元/月', {}, '1040', true],
    ['1040 元/月', {}, '1000', false],
    ['0', {}, '0', true],
    ['0', {}, '1', false],
    ['1-2 次', {}, '2次', true],
    ['1-2 次', {}, '3次', false],
    ['1-2 次', {}, '0次', false],
    ['2025年底完成', {}, '2025-11-30', true],
    ['2025年底完成', {}, '2026-01-05', false],
    ['2025年底完成', {}, '已完成', true],
    ['年底前完成', {}, '2025-11-30', undefined],
    ['及时', {}, '达成', true],
    ['及时', {}, '部分达成', false],
    ['及时', {}, '95%', undefined],
    ['稳步增长', { previous: '2.5 万人' }, '2.6万人', true],
    ['稳步增长', {}, '2.6万人', undefined],
    ['≥1 场、≥90人', {}, '2场、95人', true],
    ['≥1 场、≥90人', {}, '2场、80人', false],
    ['≥1 场、2025年底完成', {}, '2场、进行中', undefined],
    ['≥1 场、≥90人', {}, '未达成', false],
    ['≥90%', {}, '进行中', undefined],
  ])('should judge %s (%j) against %s as %s', (target, context, actual, expected) => {
    expect(meetsTarget(parseTarget(target, context), parseActual(actual))).toBe(expected);
  });
});

describe(compareWith.name, () => {
  it.each<[number, '>=' | '>' | '<=' | '<' | '=', number, boolean]>([
    [90, '>=', 90, true],
    [90, '>', 90, false],
    [90, '<=', 90, true],
    [90, '<', 90, false],
    [90, '=', 90, true],
    [91, '=', 90, false],
  ])('should compare %d %s %d as %s', (value, operator, expected, result) => {
    expect(compareWith(value, operator, expected)).toBe(result);
  });
});

describe(sameValue.name, () => {
  it('should treat values equal when only float noise differs', () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(1040, 1041)).toBe(false);
  });
});
