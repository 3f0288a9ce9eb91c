import { defaultAsOf, localDate, monthOf, periodOf, yearOf } from '@jixiao/domain';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { REPORT_DUE_DAY } from '../../config/reporting.config';

/** The month a read view looks at (截至月份), with what every query of that view needs. */
export interface AsOf {
  year: number;
  /** YYYY-MM */
  period: string;
  /** 1–12: m of the m/12 pace */
  month: number;
  /** YYYY-01: first period of the fiscal year */
  yearStart: string;
  /** Today's date (YYYY-MM-DD) in the reporting time zone: decides what is overdue. */
  today: string;
  /** Day of the following month a period's report is due (REPORT_DUE_DAY). */
  dueDay: number;
}

/**
 * `asOf` (already checked to be YYYY-MM by the DTO) or the default month (the latest month with reports, if
 * known); it must fall in the fiscal year.
 */
export function resolveAsOf(
  year: number,
  asOf: string | undefined,
  today: string = localDate(),
  latestReported: string | null = null,
): AsOf {
  const period = asOf ?? defaultAsOf(year, today, latestReported);
  if (yearOf(period) !== year) {
    const message = `asOf：截至月份必须在 ${year} 年内（${year}-01 至 ${year}-12）`;
    throw new AppException(ErrorCode.ValidationFailed, `请求数据有误：asOf`, { asOf: message });
  }
  return {
    year,
    period,
    month: monthOf(period),
    yearStart: periodOf(year, 1),
    today,
    dueDay: REPORT_DUE_DAY,
  };
}
