/** Periods are months written YYYY-MM, as the API writes them. */

import { monthOf, PERIOD_PATTERN, periodOf, REPORTING_TIME_ZONE, yearOf } from '@jixiao/domain';

// The period helpers are libs/domain's reporting calendar, as the API's.
export { monthOf, PERIOD_PATTERN, periodOf, yearOf };

/** The period of a query parameter, or null when it is missing or not a month of `year` (when given). */
export function parsePeriod(value: string | null, year?: number): string | null {
  if (!value || !PERIOD_PATTERN.test(value)) return null;
  return year === undefined || yearOf(value) === year ? value : null;
}

/** Today's year and month in the bureau's time zone, which decides what "this month" is. */
export function currentPeriod(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: REPORTING_TIME_ZONE }).format(now).slice(0, 7);
}

/** The months one can look at in a fiscal year: all of a past year, up to this month of the current one. */
export function monthsOf(year: number, today: string = currentPeriod()): number[] {
  const currentYear = yearOf(today);
  const last = year < currentYear ? 12 : year > currentYear ? 1 : monthOf(today);
  return Array.from({ length: last }, (_, index) => index + 1);
}
