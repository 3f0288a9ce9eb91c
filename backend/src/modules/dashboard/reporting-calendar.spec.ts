import {
  REPORT_DUE_DAY,
  readDueDay,
  daysOverdue,
  defaultAsOf,
  dueDate,
  isOverdue,
  localDate,
  notReportedReason,
  periodsUpTo,
  type PeriodStatus,
} from './reporting-calendar';

describe('reporting calendar', () => {
  describe(dueDate.name, () => {
    it.each([
      ['2025-01', '2025-02-10'],
      ['2025-06', '2025-07-10'],
      ['2025-12', '2026-01-10'],
    ])('should make the report of %s due on %s', (period, due) => {
      expect(dueDate(period)).toBe(due);
      expect(REPORT_DUE_DAY).toBe(10);
    });
  });

  describe(isOverdue.name, () => {
    it.each<[string, PeriodStatus | null, string, boolean]>([
      ['2025-06', null, '2025-07-10', false],
      ['2025-06', null, '2025-07-11', true],
      ['2025-06', 'draft', '2025-07-11', true],
      ['2025-06', 'returned', '2025-08-01', true],
      ['2025-06', 'submitted', '2025-08-01', false],
      ['2025-06', 'approved', '2026-01-01', false],
      ['2025-12', null, '2026-01-10', false],
      ['2025-12', 'draft', '2026-01-11', true],
    ])('should call %s with status %s on %s overdue: %s', (period, status, today, expected) => {
      expect(isOverdue(period, status, today)).toBe(expected);
    });
  });

  describe(daysOverdue.name, () => {
    it.each([
      ['2025-06', '2025-07-09', 0],
      ['2025-06', '2025-07-10', 0],
      ['2025-06', '2025-07-11', 1],
      ['2025-12', '2026-02-10', 31],
    ])('should count the days %s is late on %s as %d', (period, today, days) => {
      expect(daysOverdue(period, today)).toBe(days);
    });
  });

  describe(defaultAsOf.name, () => {
    it.each([
      [2025, '2025-07-03', '2025-07'],
      [2024, '2025-07-03', '2024-12'],
      [2026, '2025-07-03', '2026-01'],
    ])('should look at year %d as of the right month when today is %s', (year, today, asOf) => {
      expect(defaultAsOf(year, today)).toBe(asOf);
    });

    it.each([
      [2025, '2026-12-07', '2025-06', '2025-06'],
      [2026, '2026-12-07', '2026-03', '2026-03'],
      [2026, '2026-12-07', '2025-06', '2026-12'],
      [2025, '2026-12-07', null, '2025-12'],
    ])(
      'should look at year %d on %s as of the latest month with reports (%s) when there is one',
      (year, today, latest, asOf) => {
        expect(defaultAsOf(year, today, latest)).toBe(asOf);
      },
    );
  });

  it('should date today in China, where a UTC evening is already the next day', () => {
    expect(localDate(new Date('2025-07-10T16:30:00Z'))).toBe('2025-07-11');
  });

  it.each([
    ['2025-06', '2025-07-11', '本期未填报（已逾期）'],
    ['2025-06', '2025-07-05', '本期尚未填报（2025-07-10 前填报）'],
  ])('should explain a missing report of %s on %s as %s', (period, today, reason) => {
    expect(notReportedReason(period, today)).toBe(reason);
  });

  it('should list the periods of a year up to a month', () => {
    expect(periodsUpTo(2025, 3)).toEqual(['2025-01', '2025-02', '2025-03']);
  });
});

describe('readDueDay', () => {
  it.each([
    [undefined, 10],
    ['', 10],
    ['1', 1],
    ['28', 28],
  ])('should read %p as day %p', (value, day) => {
    expect(readDueDay(value)).toBe(day);
  });

  it.each(['0', '29', '10.5', 'x'])('should refuse %p', (value) => {
    expect(() => readDueDay(value)).toThrow(/REPORT_DUE_DAY/);
  });
});
