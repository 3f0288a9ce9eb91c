import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';

/** 400 on `period` when it lies outside the budget year of what is written (entries, workflow, locks). */
export function assertPeriodInYear(period: string, year: number): void {
  if (Number(period.slice(0, 4)) !== year) {
    throw new AppException(ErrorCode.ValidationFailed, `期间 ${period} 不属于 ${year} 预算年度`, {
      period: `period：期间必须在 ${year} 年内`,
    });
  }
}
