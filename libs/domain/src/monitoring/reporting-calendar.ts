import { messages } from '../messages/domain-messages';

/**
 * The reporting calendar of 双监控 (docs/domain.md §5). Periods are months written YYYY-MM. A period's report is due
 * by day `dueDay` (1–28, a setting the caller passes in) of the following month; dates are the bureau's calendar
 * dates in China.
 */
export const DEFAULT_DUE_DAY = 10;
export const REPORTING_TIME_ZONE = 'Asia/Shanghai';
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Statuses of a period's workflow; `null` = nothing entered for the period yet. */
export type PeriodStatus = 'draft' | 'submitted' | 'approved' | 'returned';

const pad = (n: number): string => String(n).padStart(2, '0');

export const periodOf = (year: number, month: number): string => `${year}-${pad(month)}`;
export const monthOf = (period: string): number => Number(period.slice(5, 7));
export const yearOf = (period: string): number => Number(period.slice(0, 4));

/** The periods of a year up to month m: 2025-01 … 2025-m. */
export const periodsUpTo = (year: number, month: number): string[] =>
  Array.from({ length: month }, (_, i) => periodOf(year, i + 1));

/** Today's calendar date (YYYY-MM-DD) in the reporting time zone. */
export function localDate(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: REPORTING_TIME_ZONE }).format(now);
}

/** Due date (YYYY-MM-DD) of a period's report: day `dueDay` of the following month. */
export function dueDate(period: string, dueDay: number = DEFAULT_DUE_DAY): string {
  const year = yearOf(period);
  const month = monthOf(period);
  return month === 12 ? `${year + 1}-01-${pad(dueDay)}` : `${year}-${pad(month + 1)}-${pad(dueDay)}`;
}

/** Late: the due date has passed and the report is not in (missing, still a draft, or returned for revision). */
export function isOverdue(
  period: string,
  status: PeriodStatus | null | undefined,
  today: string,
  dueDay: number = DEFAULT_DUE_DAY,
): boolean {
  if (status === 'submitted' || status === 'approved') return false;
  return today > dueDate(period, dueDay);
}

/** Days past the due date (0 when not yet late). */
export function daysOverdue(period: string, today: string, dueDay: number = DEFAULT_DUE_DAY): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate(period, dueDay)}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

/**
 * The month a view is "as of" when none is asked for: the latest month of the year with reports (what people
 * last entered is what they want to see), else this month in the current year, December for a past year,
 * January for a future one.
 */
export function defaultAsOf(year: number, today: string, latestReported: string | null = null): string {
  if (latestReported && yearOf(latestReported) === year) return latestReported;
  const currentYear = yearOf(today);
  if (year < currentYear) return periodOf(year, 12);
  if (year > currentYear) return periodOf(year, 1);
  return periodOf(year, monthOf(today));
}

/** Why an indicator without a report for the period is grey (未填报): late, or not yet due. */
export function notReportedReason(period: string, today: string, dueDay: number = DEFAULT_DUE_DAY): string {
  return isOverdue(period, null, today, dueDay)
    ? messages().reason.notReported
    : messages().reason.notYetDue(dueDate(period, dueDay));
}
