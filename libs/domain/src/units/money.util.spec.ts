import { parseMoneyYuan, wanToYuan, wanToYuanOrNull, yuanToWan, yuanToWanOrNull } from './money.util';

describe('万元 ↔ 元', () => {
  it.each([
    [466, 4660000],
    [758.22, 7582200],
    [0.000001, 0.01],
    [12.345678, 123456.78],
  ])('should store %d 万元 as %d 元', (wan, yuan) => {
    expect(wanToYuan(wan)).toBe(yuan);
    expect(yuanToWan(yuan)).toBe(wan);
  });

  it('should keep a missing amount missing', () => {
    expect(wanToYuanOrNull(null)).toBeNull();
    expect(wanToYuanOrNull(undefined)).toBeNull();
    expect(yuanToWanOrNull(null)).toBeNull();
    expect(yuanToWanOrNull(undefined)).toBeNull();
    expect(wanToYuanOrNull(1.5)).toBe(15000);
    expect(yuanToWanOrNull(15000)).toBe(1.5);
  });
});

describe(parseMoneyYuan.name, () => {
  it.each<[string | number, number]>([
    ['350万', 3500000],
    ['350 万元', 3500000],
    ['３５０万元', 3500000],
    ['758.22万', 7582200],
    ['3,500,000', 3500000],
    ['3500000元', 3500000],
    [' 1250000.5 ', 1250000.5],
    [3500000, 3500000],
    [0, 0],
  ])('should read %p as %d 元', (typed, yuan) => {
    expect(parseMoneyYuan(typed)).toBe(yuan);
  });

  it.each<string | number>(['', 'abc', '-5', '350万万', '1,2345', '12.345', '350 万 元 元', -1, Number.NaN])(
    'should refuse %p',
    (typed) => {
      expect(parseMoneyYuan(typed)).toBeUndefined();
    },
  );
});
