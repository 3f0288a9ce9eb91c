import { currentPeriod, monthOf, monthsOf, parsePeriod, periodOf, yearOf } from './period';

describe('period', () => {
  it('should write and read YYYY-MM', () => {
    expect(periodOf(2025, 6)).toBe('2025-06');
    expect(yearOf('2025-06')).toBe(2025);
    expect(monthOf('2025-06')).toBe(6);
  });

  it.each([
    { value: '2025-06', year: 2025, period: '2025-06' },
    { value: '2025-06', year: undefined, period: '2025-06' },
    { value: '2024-06', year: 2025, period: null },
    { value: '2025-13', year: 2025, period: null },
    { value: 'june', year: 2025, period: null },
    { value: null, year: 2025, period: null },
  ])('should read $value of year $year as $period', ({ value, year, period }) => {
    expect(parsePeriod(value, year)).toBe(period);
  });

  it.each([
    { year: 2024, today: '2025-03', months: 12 },
    { year: 2025, today: '2025-03', months: 3 },
    { year: 2026, today: '2025-03', months: 1 },
  ])('should offer $months months of $year when today is $today', ({ year, today, months }) => {
    expect(monthsOf(year, today)).toEqual(Array.from({ length: months }, (_, index) => index + 1));
  });

  it("should take today's month in China time", () => {
    // 2025-06-30 17:00 UTC is already 1 July in Beijing.
    expect(currentPeriod(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07');
  });
});
