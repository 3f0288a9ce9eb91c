import { DUE_SOON_REMINDER_DAYS, digestPeriod, reminderFor, reminderPeriods } from './reminders';
import type { PeriodStatus } from '../monitoring/reporting-calendar';

describe('reminders', () => {
  describe(reminderFor.name, () => {
    it.each<[string, PeriodStatus | null, string, ReturnType<typeof reminderFor>]>([
      // June is due on 2025-07-10.
      ['2025-06', null, '2025-07-06', null],
      ['2025-06', null, '2025-07-07', 'report-due'],
      ['2025-06', 'draft', '2025-07-10', 'report-due'],
      ['2025-06', 'returned', '2025-07-09', 'report-due'],
      ['2025-06', null, '2025-07-11', 'report-overdue'],
      ['2025-06', 'returned', '2025-08-10', 'report-overdue'],
      ['2025-06', null, '2025-08-11', null],
      ['2025-06', 'submitted', '2025-07-20', null],
      ['2025-06', 'approved', '2025-07-08', null],
      // December is due in January of the next year.
      ['2025-12', null, '2026-01-08', 'report-due'],
      ['2025-12', 'draft', '2026-01-11', 'report-overdue'],
    ])('should remind the report of %s (%s) on %s: %s', (period, status, today, expected) => {
      expect(reminderFor(period, status, today, 10)).toBe(expected);
    });

    it('should take the due day as a parameter', () => {
      expect(reminderFor('2025-06', null, '2025-07-06', 5)).toBe('report-overdue');
      expect(reminderFor('2025-06', null, '2025-07-03', 5)).toBe('report-due');
    });

    it('should remind exactly DUE_SOON_REMINDER_DAYS ahead', () => {
      expect(DUE_SOON_REMINDER_DAYS).toBe(3);
    });
  });

  describe(reminderPeriods.name, () => {
    it.each([
      ['2025-07-08', ['2025-05', '2025-06']],
      ['2025-07-20', ['2025-06']],
      ['2025-08-09', ['2025-06', '2025-07']],
      ['2025-08-12', ['2025-07']],
      ['2026-01-08', ['2025-11', '2025-12']],
      ['2025-03-05', ['2025-01']],
    ])('should look on %s at the months %j', (today, periods) => {
      expect(reminderPeriods(today, 10)).toEqual(periods);
    });

    it('should contain every month that reminderFor answers for', () => {
      for (const today of ['2025-07-07', '2025-08-10', '2026-01-15']) {
        const periods = reminderPeriods(today, 10);
        for (const period of ['2025-05', '2025-06', '2025-07', '2025-11', '2025-12'])
          expect(periods.includes(period)).toBe(reminderFor(period, null, today, 10) !== null);
      }
    });
  });

  describe(digestPeriod.name, () => {
    it.each([
      ['2025-07-10', '2025-05'],
      ['2025-07-11', '2025-06'],
      ['2025-07-31', '2025-06'],
      ['2026-01-11', '2025-12'],
      ['2026-01-05', '2025-11'],
      ['2026-02-01', '2025-12'],
    ])('should make the digest of %s about %s', (today, period) => {
      expect(digestPeriod(today, 10)).toBe(period);
    });
  });
});
