import { DomainError, DomainErrorCode, UnitMismatchError } from '../errors/domain.error';
import { parseTarget } from '../target/target-parser';
import { parseActual } from './actual-parser';
import { actualValueIn, splitActual } from './actual-reading.util';

describe(actualValueIn.name, () => {
  it.each<[string, string, number | undefined]>([
    ['≤48 小时', '2天', 48],
    ['1.2 万人/年', '11000', 11000],
    ['及时', '达成', undefined],
  ])('should give the value of %s in the target unit for %s', (target, actual, expected) => {
    expect(actualValueIn(parseTarget(target), parseActual(actual))).toBe(expected);
  });

  it('should throw when the actual unit does not convert', () => {
    expect(() => actualValueIn(parseTarget('≤48 小时'), parseActual('3次'))).toThrow(UnitMismatchError);
  });
});

describe(splitActual.name, () => {
  const target = parseTarget('≥1 场、≥90人', { level2: '数量指标' });

  it('should pair each reported value with its part when values are separated by 、', () => {
    const pairs = splitActual(target, parseActual('2场、95人'));

    expect(pairs?.map((pair) => pair.actual.value)).toEqual([2, 95]);
    expect(pairs?.map((pair) => pair.target.unit)).toEqual(['场', '人']);
  });

  it.each([
    '2场、95人',
    '2 场、95 人',
    '2场,95人',
    '２场，９５人',
    '2场；95人',
    '两场、九十五人',
    '2 、 95',
    '2，095人',
  ])('should read %s alike, part by part', (raw) => {
    expect(splitActual(target, parseActual(raw))?.map((pair) => pair.actual.value)).toEqual([2, 95]);
  });

  it('should read a comma between the parts as a separator, a comma inside a number as thousands', () => {
    expect(splitActual(target, parseActual('1，900人'))?.map((pair) => pair.actual.value)).toEqual([1, 900]);
    expect(splitActual(target, parseActual('2场、1,900人'))?.map((pair) => pair.actual.value)).toEqual([
      2, 1900,
    ]);
  });

  it('should give up when a judgement covers the whole indicator', () => {
    expect(splitActual(target, parseActual('达成'))).toBeUndefined();
  });

  it.each([
    [target, '2场', '该指标有 2 项要求，完成值需按项用“、”分隔填写，收到 1 项'],
    [parseTarget('≥90%'), '95%', '该指标有 0 项要求，完成值需按项用“、”分隔填写，收到 1 项'],
  ])('should throw when the number of values does not match the parts', (partsTarget, raw, message) => {
    const split = (): unknown => splitActual(partsTarget, parseActual(raw));

    expect(split).toThrow(DomainError);
    expect(split).toThrow(message);
    expect(split).toThrow(expect.objectContaining({ code: DomainErrorCode.PartsMismatch }));
  });
});
