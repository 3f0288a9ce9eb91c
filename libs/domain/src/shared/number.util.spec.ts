import { denoise, formatNumber, parseDecimal, round2 } from './number.util';

describe(round2.name, () => {
  it.each([
    [1.005, 1.01],
    [18.333333, 18.33],
    [9.995, 10],
    [0, 0],
    [7582200, 7582200],
  ])('should round %d to %d when two decimals are kept', (value, expected) => {
    expect(round2(value)).toBe(expected);
  });
});

describe(denoise.name, () => {
  it('should remove float noise when a ratio lands next to a threshold', () => {
    expect(0.7 / 0.1).not.toBe(7);
    expect(denoise(0.7 / 0.1)).toBe(7);
  });
});

describe(parseDecimal.name, () => {
  it.each([
    ['758.22', 1e4, 7582200],
    ['1.1', 1e4, 11000],
    ['2.73', 1e4, 27300],
    ['12', 1, 12],
    ['0.060', 1, 0.06],
  ])('should read %s times %d exactly as %d', (text, factor, expected) => {
    expect(parseDecimal(text, factor)).toBe(expected);
  });

  it('should use factor 1 when none is given', () => {
    expect(parseDecimal('99.5')).toBe(99.5);
  });
});

describe(formatNumber.name, () => {
  it('should show a value without float noise when put into a reason', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  });
});
