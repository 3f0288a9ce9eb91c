/** Periods are months written YYYY-MM, as the API writes them. */

export const periodOf = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;
export const yearOf = (period: string): number => Number(period.slice(0, 4));
export const monthOf = (period: string): number => Number(period.slice(5, 7));

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The period of a query parameter, or null when it is missing or not a month of `year` (when given). */
export function parsePeriod(value: string | null, year?: number): string | null {
  if (!value || !PERIOD_PATTERN.test(value)) return null;
  return year === undefined || yearOf(value) === year ? value : null;
}

/** Today's year and month in the bureau's time zone, which decides what "this month" is. */
export function currentPeriod(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now).slice(0, 7);
}

/** The months one can look at in a fiscal year: all of a past year, up to this month of the current one. */
export function monthsOf(year: number, today: string = currentPeriod()): number[] {
  const currentYear = yearOf(today);
  const last = year < currentYear ? 12 : year > currentYear ? 1 : monthOf(today);
  return Array.from({ length: last }, (_, index) => index + 1);
}
