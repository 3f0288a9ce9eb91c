import { findDate, isoDate, lastDayOfMonth } from './date.util';

describe(lastDayOfMonth.name, () => {
  it.each([
    [2025, 2, 28],
    [2024, 2, 29],
    [2025, 12, 31],
    [2025, 6, 30],
  ])('should give the last day of %d-%d as %d', (year, month, day) => {
    expect(lastDayOfMonth(year, month)).toBe(day);
  });
});

describe(isoDate.name, () => {
  it.each<[number, number, number | undefined, string | undefined]>([
    [2025, 11, 30, '2025-11-30'],
    [2025, 6, undefined, '2025-06-30'],
    [2025, 2, 30, undefined],
    [2025, 13, 1, undefined],
    [2025, 0, 1, undefined],
    [2025, 1, 0, undefined],
  ])('should turn %d-%d-%s into %s', (year, month, day, expected) => {
    expect(isoDate(year, month, day)).toBe(expected);
  });
});

describe(findDate.name, () => {
  it.each([
    ['2025-11-30', '2025-11-30', ''],
    ['2025年11月20日完成', '2025-11-20', '完成'],
    ['2025年6月份', '2025-06-30', ''],
    ['2025年第一季度', '2025-03-31', ''],
    ['2025年下半年', '2025-12-31', ''],
    ['2025年度内', '2025-12-31', ''],
  ])('should find %s as %s with %j around it', (text, date, rest) => {
    expect(findDate(text)).toEqual({ date, rest });
  });

  it('should find nothing when the text holds no date', () => {
    expect(findDate('2025年度预算')).toBeUndefined();
  });
});
