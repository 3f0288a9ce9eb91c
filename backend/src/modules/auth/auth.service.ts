import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { currentActor } from '../../common/context/request-context';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import type { AuthConfig } from '../../config/auth.config';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import { AUTH_CONFIG } from './auth.tokens';
import { SessionUser, TokenResponse } from './dto/auth.dto';
import { SessionsRepository } from './sessions.repository';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const INVALID = '用户名或密码错误';

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly dummyHash = argon2.hash(randomBytes(16).toString('hex'));

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async login(username: string, password: string): Promise<TokenResponse> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findCredentialsForUpdate(manager, username);
      if (!user) {
        await argon2.verify(await this.dummyHash, password);
        await this.audit.record(manager, {
          action: 'auth.login-failed',
          entity: 'user',
          entityId: null,
          after: { username },
          actor: { id: null, username },
        });
        return { error: new AppException(ErrorCode.InvalidCredentials, INVALID) };
      }
      const actor = { id: user.id, username: user.username };
      if (user.lockedUntil && user.lockedUntil > new Date()) {
        return { error: this.lockedError(user.lockedUntil) };
      }
      if (!user.active)
        return { error: new AppException(ErrorCode.Forbidden, '账户已停用，请联系绩效管理员') };
      if (!(await argon2.verify(user.passwordHash, password))) {
        const failures = user.failedLogins + 1;
        const lock =
          failures >= this.config.maxFailedLogins
            ? new Date(Date.now() + this.config.lockoutSeconds * 1000)
            : null;
        await this.users.recordFailure(manager, user.id, lock ? 0 : failures, lock);
        await this.audit.record(manager, {
          action: lock ? 'auth.lockout' : 'auth.login-failed',
          entity: 'user',
          entityId: user.id,
          after: { failures },
          actor,
        });
        return {
          error: lock
            ? this.lockedError(lock)
            : new AppException(
                ErrorCode.InvalidCredentials,
                `${INVALID}（再失败 ${this.config.maxFailedLogins - failures} 次将锁定 15 分钟）`,
              ),
        };
      }
      await this.users.recordSuccess(manager, user.id);
      const refreshToken = randomBytes(32).toString('base64url');
      const sessionId = await this.sessions.create(manager, user.id, hashToken(refreshToken));
      await this.audit.record(manager, { action: 'auth.login', entity: 'user', entityId: user.id, actor });
      const sessionUser: SessionUser = {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        departmentId: user.departmentId,
      };
      return { tokens: await this.issue(sessionUser, sessionId, refreshToken) };
    });
    // Failures are committed (counter, lockout, audit) before the error is thrown.
    if ('error' in outcome) throw outcome.error;
    return outcome.tokens;
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findByHashForUpdate(manager, hashToken(refreshToken));
      if (!session || session.revoked || session.expired || session.idle) {
        throw new AppException(
          ErrorCode.TokenExpired,
          '会话已结束（已退出、已过期或长时间未操作），请重新登录',
        );
      }
      const user = await this.users.findById(session.userId, manager);
      if (!user?.active) throw new AppException(ErrorCode.TokenExpired, '账户不可用，请重新登录');
      const next = randomBytes(32).toString('base64url');
      await this.sessions.rotate(manager, session.id, hashToken(next));
      return this.issue(
        {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          departmentId: user.departmentId,
        },
        session.id,
        next,
      );
    });
  }

  async logout(): Promise<void> {
    const actor = currentActor();
    if (!actor) return;
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId);
      await this.audit.record(manager, { action: 'auth.logout', entity: 'user', entityId: actor.id });
    });
  }

  private async issue(user: SessionUser, sessionId: string, refreshToken: string): Promise<TokenResponse> {
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, sid: sessionId, role: user.role },
      { expiresIn: this.config.accessTokenTtlSeconds },
    );
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds, user };
  }

  private lockedError(until: Date): AppException {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new AppException(
      ErrorCode.AccountLocked,
      `连续登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试`,
      undefined,
      {
        lockedUntil: until.toISOString(),
      },
    );
  }
}
