import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';

/**
 * An import archived what is written to (the new document no longer holds it): its history stays readable,
 * nothing more is added to it until an import brings it back (docs/security.md, archive instead of delete).
 */
export function assertNotArchived(row: { archived: boolean }, what: '指标' | '项目'): void {
  if (row.archived)
    throw new AppException(
      ErrorCode.Conflict,
      `该${what}已归档（最新导入的文件中已不包含），只能查看，不能再填报或修改；如需恢复请重新导入包含它的文件`,
      undefined,
      { archived: true },
    );
}
