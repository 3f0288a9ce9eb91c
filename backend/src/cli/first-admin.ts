import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { passwordPolicyViolation } from '../common/auth/password-policy';
import { AppException } from '../common/errors/app.exception';
import { ErrorCode } from '../common/errors/error-code';
import { AuditService } from '../modules/audit/audit.service';
import { UsersRepository } from '../modules/users/users.repository';

/** Printed at start when no active administrator exists (production has no demo accounts). */
export const FIRST_ADMIN_HINT =
  'No active administrator yet. Create one with: npm run admin:create -- <username>  ' +
  '(the password is asked for without echo, or read from JIXIAO_ADMIN_PASSWORD)\n';

export async function hasActiveAdmin(dataSource: DataSource): Promise<boolean> {
  return new UsersRepository(dataSource).hasActiveAdmin();
}

/**
 * Creates an administrator (绩效管理员) from the command line, audited. Not forced to change the password at
 * first login: the person who runs the command typed it (a password an admin sets for someone else is).
 */
export async function createAdmin(
  dataSource: DataSource,
  username: string,
  password: string,
  displayName = '系统管理员',
): Promise<{ id: string; username: string }> {
  const name = username.toLowerCase();
  if (!/^[a-z0-9_.-]{3,64}$/.test(name))
    throw new AppException(ErrorCode.ValidationFailed, '用户名须为 3–64 位小写字母、数字或 ._-', {
      username: 'username：用户名须为 3–64 位小写字母、数字或 ._-',
    });
  const problem = passwordPolicyViolation(password, name);
  if (problem)
    throw new AppException(ErrorCode.ValidationFailed, problem, { password: `password：${problem}` });
  const hash = await argon2.hash(password);
  return dataSource.transaction(async (manager) => {
    const id = await new UsersRepository(dataSource).insertAdmin(manager, {
      username: name,
      displayName,
      passwordHash: hash,
    });
    if (!id)
      throw new AppException(ErrorCode.Conflict, `用户名 ${name} 已存在`, {
        username: 'username：用户名已存在',
      });
    await new AuditService().record(manager, {
      action: 'user.create-admin',
      entity: 'user',
      entityId: id,
      after: { username: name, role: 'admin', via: 'cli' },
      actor: { id: null, username: 'cli' },
    });
    return { id, username: name };
  });
}
