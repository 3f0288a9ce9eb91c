import { UnitMismatchError } from '../errors/domain.error';
import { parseTarget } from '../target/target-parser';
import { assertNumberGiven, isQuantitative, parseActual } from './actual-parser';
import type { Actual } from './actual.types';

describe(parseActual.name, () => {
  it.each<[string, Omit<Actual, 'raw'>]>([
    ['1.1万人', { value: 11000, unit: '人' }],
    ['11000', { value: 11000, unit: undefined }],
    ['95%', { value: 95, unit: '%' }],
    ['48小时', { value: 48, unit: '小时' }],
    ['758.22万元', { value: 7582200, unit: '元' }],
    ['1.1万人/年', { value: 11000, unit: '人' }],
    ['已完成1.1万人', { value: 11000, unit: '人' }],
    ['-2%', { value: -2, unit: '%' }],
    ['2025-11-30', { date: '2025-11-30' }],
    ['2025年11月20日完成', { date: '2025-11-20' }],
    ['达成', { judgement: '达成' }],
    ['已完成', { judgement: '达成' }],
    ['部分达成', { judgement: '部分达成' }],
    ['基本完成', { judgement: '部分达成' }],
    ['未达成', { judgement: '未达成' }],
    ['未完成', { judgement: '未达成' }],
    ['进行中', {}],
    ['2场、95人', {}],
  ])('should read %s without a target', (raw, expected) => {
    expect(parseActual(raw)).toEqual({ raw, ...expected });
  });

  it.each<[string, string, number, string | undefined]>([
    ['1.1万人', '1.2 万人/年', 11000, '人'],
    ['11000', '1.2 万人/年', 11000, '人'],
    ['2天', '≤48 小时', 48, '小时'],
    ['7582200元', '758.22 万元', 7582200, '元'],
    ['12', '≥12', 12, undefined],
    ['1.5次', '1-2 次', 1.5, '次'],
    // As people type: full-width forms, thousands separators, Chinese numerals.
    ['１２', '≥12', 12, undefined],
    ['≥９０％', '≥90%', 90, '%'],
    ['９０ ％', '≥90%', 90, '%'],
    ['12,000', '1.2 万人/年', 12000, '人'],
    ['1,200,000元', '≥120 万元', 1200000, '元'],
    ['１２，０００人', '1.2 万人/年', 12000, '人'],
    ['一万二', '1.2 万人/年', 12000, '人'],
    ['一万二千人', '1.2 万人/年', 12000, '人'],
    ['三十', '≥30', 30, undefined],
    ['两千人次', '≥1000人次', 2000, '人次'],
    ['三十万元', '≥20 万元', 300000, '元'],
    ['百分之九十五', '≥90%', 95, '%'],
    ['一点五次', '1-2 次', 1.5, '次'],
  ])('should read %s in the unit of target %s', (raw, target, value, unit) => {
    expect(parseActual(raw, parseTarget(target))).toEqual({ raw, value, unit });
  });

  it.each(['一般', '十分满意', '一季度完成', '百分之', '百分之九十人', '二二'])(
    'should leave %s as words when the Chinese numeral is not an amount',
    (raw) => {
      expect(parseActual(raw, parseTarget('≥90%'))).toEqual({ raw });
    },
  );

  it('should keep its own unit when the target has no number to compare with', () => {
    expect(parseActual('95%', parseTarget('及时'))).toEqual({ raw: '95%', value: 95, unit: '%' });
  });

  it.each([
    ['1.1万人次', '1.2 万人/年'],
    ['3场', '≥12'],
  ])('should throw a Chinese unit error when %s cannot compare with %s', (raw, target) => {
    expect(() => parseActual(raw, parseTarget(target))).toThrow(UnitMismatchError);
  });
});

describe(assertNumberGiven.name, () => {
  const count = parseTarget('≥80人');

  it.each(['abc', '见附件', '进行中', '2025-06-30'])(
    'should refuse %p for a 定量 target, asking for a number in its unit',
    (typed) => {
      expect(() => assertNumberGiven(count, parseActual(typed, count))).toThrow(
        '请填写数值，如 105 或 105人',
      );
    },
  );

  it.each(['105', '1.2万', '达成', '未完成'])('should accept %p for a 定量 target', (typed) => {
    expect(() => assertNumberGiven(count, parseActual(typed, count))).not.toThrow();
  });

  it.each(['定性', '2025年12月31日前完成', '≥1场、≥90人', '稳步增长', '不知所云的目标'])(
    'should leave words to a target that is not 定量 (%s)',
    (raw) => {
      const target = parseTarget(raw);
      expect(isQuantitative(target)).toBe(false);
      expect(() => assertNumberGiven(target, { raw: 'abc' })).not.toThrow();
    },
  );

  it('should ask for a bare number when the target has no unit, and read a range as 定量', () => {
    expect(() => assertNumberGiven(parseTarget('≥80'), { raw: 'abc' })).toThrow('请填写数值，如 105 或 105');
    expect(isQuantitative(parseTarget('90%-95%'))).toBe(true);
    expect(isQuantitative(null)).toBe(false);
    expect(isQuantitative(undefined)).toBe(false);
  });
});
