import { DomainErrorCode, UnitMismatchError } from '../errors/domain.error';
import { convertUnit, splitUnit, UNIT_MULTIPLIERS } from './unit.util';

describe('UNIT_MULTIPLIERS', () => {
  it('should define 万 as 10⁴ and 亿 as 10⁸ when expanding units', () => {
    expect(UNIT_MULTIPLIERS['万']).toBe(1e4);
    expect(UNIT_MULTIPLIERS['亿']).toBe(1e8);
  });
});

describe(splitUnit.name, () => {
  it.each<[string | undefined, number, string | undefined]>([
    ['万元', 1e4, '元'],
    ['万人次', 1e4, '人次'],
    ['亿元', 1e8, '元'],
    ['千万元', 1e7, '元'],
    ['万', 1e4, undefined],
    ['人', 1, '人'],
    ['名', 1, '人'],
    ['日', 1, '天'],
    ['', 1, undefined],
    [undefined, 1, undefined],
  ])('should split %j into factor %d and unit %j', (text, factor, unit) => {
    expect(splitUnit(text)).toEqual({ factor, unit });
  });
});

describe(convertUnit.name, () => {
  it.each<[number, string | undefined, string | undefined, number]>([
    [1.1, '万人', '人', 11000],
    [758.22, '万元', '元', 7582200],
    [7582200, '元', '万元', 758.22],
    [1.5, '亿元', '万元', 15000],
    [2, '天', '小时', 48],
    [90, '分钟', '小时', 1.5],
    [5, '%', '‰', 50],
    [11000, undefined, '人', 11000],
    [1.1, '万', '人', 11000],
    [12, undefined, undefined, 12],
    [3, '名', '人', 3],
  ])('should convert %d %s into %s as %d', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });

  it.each<[string, string | undefined, string]>([
    ['人次', '人', '完成值单位“人次”无法换算为目标单位“人”，不能比较'],
    ['元', '小时', '完成值单位“元”无法换算为目标单位“小时”，不能比较'],
    ['元/年', '元/月', '完成值单位“元/年”无法换算为目标单位“元/月”，不能比较'],
    ['次', undefined, '目标值未注明单位，无法核对完成值的单位“次”；请只填写数字，或先为目标补充单位'],
  ])('should refuse %s against %s with a Chinese message when units do not convert', (from, to, message) => {
    const convert = (): number => convertUnit(1, from, to);

    expect(convert).toThrow(UnitMismatchError);
    expect(convert).toThrow(message);
    expect(convert).toThrow(
      expect.objectContaining({ code: DomainErrorCode.UnitMismatch, name: 'UnitMismatchError' }),
    );
  });
});
