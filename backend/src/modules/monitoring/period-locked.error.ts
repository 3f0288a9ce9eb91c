import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';

/** 423 for any write to a period the admin locked for the department-year (期间锁定). */
export function periodLockedError(period: string, reason: string): AppException {
  return new AppException(
    ErrorCode.Locked,
    `${period} 期间已被绩效管理员锁定，不能修改（原因：${reason}）；如需修改请先由绩效管理员解除期间锁定`,
    undefined,
    { locked: true, period, reason },
  );
}
