import { wanToYuan, wanToYuanOrNull, yuanToWan, yuanToWanOrNull } from './money.util';

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
