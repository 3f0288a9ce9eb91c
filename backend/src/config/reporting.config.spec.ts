import { REPORT_DUE_DAY, readDueDay } from './reporting.config';

describe('readDueDay', () => {
  it('should default to the 10th when the setting is not given', () => {
    expect(REPORT_DUE_DAY).toBe(10);
  });

  it.each([
    [undefined, 10],
    ['', 10],
    ['1', 1],
    ['28', 28],
  ])('should read REPORT_DUE_DAY=%s as day %d', (value, day) => {
    expect(readDueDay(value)).toBe(day);
  });

  it.each(['0', '29', '1.5', 'abc'])('should refuse REPORT_DUE_DAY=%s at boot', (value) => {
    expect(() => readDueDay(value)).toThrow(/REPORT_DUE_DAY/);
  });
});
