import {
  daysOverdue,
  defaultAsOf,
  dueDate,
  isOverdue,
  localDate,
  monthOf,
  notReportedReason,
  periodOf,
  periodsUpTo,
  type PeriodStatus,
  yearOf,
} from './reporting-calendar';

describe('reporting calendar', () => {
  describe(dueDate.name, () => {
    it.each([
      ['2025-01', '2025-02-10'],
      ['2025-06', '2025-07-10'],
      ['2025-12', '2026-01-10'],
    ])('should make the report of %s due on %s by default', (period, due) => {
      expect(dueDate(period)).toBe(due);
    });

    it('should take the due day as a parameter', () => {
      expect(dueDate('2025-06', 5)).toBe('2025-07-05');
      expect(dueDate('2025-12', 28)).toBe('2026-01-28');
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

    it('should be late earlier when the due day is earlier', () => {
      expect(isOverdue('2025-06', null, '2025-07-06', 5)).toBe(true);
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

    it('should count from the given due day', () => {
      expect(daysOverdue('2025-06', '2025-07-11', 1)).toBe(10);
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
    expect(localDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['2025-06', '2025-07-11', 10, '本期未填报（已逾期）'],
    ['2025-06', '2025-07-05', 10, '本期尚未填报（2025-07-10 前填报）'],
    ['2025-06', '2025-07-05', 3, '本期未填报（已逾期）'],
  ])('should explain a missing report of %s on %s (due day %d) as %s', (period, today, dueDay, reason) => {
    expect(notReportedReason(period, today, dueDay)).toBe(reason);
  });

  it('should use the default due day when none is given', () => {
    expect(notReportedReason('2025-06', '2025-07-05')).toBe('本期尚未填报（2025-07-10 前填报）');
  });

  it('should read and write periods as YYYY-MM', () => {
    expect(periodOf(2025, 3)).toBe('2025-03');
    expect(yearOf('2025-03')).toBe(2025);
    expect(monthOf('2025-03')).toBe(3);
    expect(periodsUpTo(2025, 3)).toEqual(['2025-01', '2025-02', '2025-03']);
  });
});
