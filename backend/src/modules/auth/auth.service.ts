import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { currentActor } from '../../common/context/request-context';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import type { AuthConfig } from '../../config/auth.config';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { CredentialRow, UsersRepository } from '../users/users.repository';
import { AUTH_CONFIG } from './auth.tokens';
import { SessionUser, TokenResponse } from './dto/auth.dto';
import { LoginAddressLimiter } from './login-address-limiter';
import { SessionChangeListener } from './session-change-listener';
import { SessionsRepository } from './sessions.repository';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The one answer to every failed login: it must not tell whether the account exists, is disabled or delayed. */
const invalidCredentials = (): AppException =>
  new AppException(ErrorCode.InvalidCredentials, '用户名或密码错误，或账户暂不可用');
const sessionEnded = (): AppException =>
  new AppException(ErrorCode.TokenExpired, '会话已结束（已退出、已过期或长时间未操作），请重新登录');

/** Why a login failed; audited, never shown. */
type FailureReason = 'unknown-user' | 'wrong-password' | 'disabled' | 'locked' | 'changed-during-login';

const sessionUser = (user: Omit<CredentialRow, 'passwordHash'>): SessionUser => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  departmentId: user.departmentId,
  mustChangePassword: user.mustChangePassword,
  locale: user.locale,
});

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when there is no password to check, so every failure takes about the same time. */
  private readonly dummyHash = argon2.hash(randomBytes(16).toString('hex'));

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly addressLimiter: LoginAddressLimiter,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly sessionChanges: SessionChangeListener,
  ) {}

  /**
   * argon2 runs outside any transaction (the embedded database has a single connection): read the account,
   * verify, then one short transaction that re-checks the row before opening the session.
   */
  async login(username: string, password: string, address: string): Promise<TokenResponse> {
    if (this.addressLimiter.isBlocked(address))
      throw new AppException(ErrorCode.TooManyRequests, '登录失败次数过多，请稍后再试');
    const user = await this.users.findCredentials(username);
    if (!user || !user.active || user.locked) {
      await argon2.verify(await this.dummyHash, password);
      const reason = !user ? 'unknown-user' : !user.active ? 'disabled' : 'locked';
      return this.refuse(address, username, user, reason);
    }
    if (!(await argon2.verify(user.passwordHash, password))) {
      const count = await this.users.recordFailure(user.id, {
        threshold: this.config.maxFailedLogins,
        baseSeconds: this.config.lockoutBaseSeconds,
        maxSeconds: this.config.lockoutMaxSeconds,
      });
      // No count: a concurrent failure delayed the account first; this one is refused like any attempt then.
      return this.refuse(address, username, user, count ? 'wrong-password' : 'locked', count);
    }
    const refreshToken = randomBytes(32).toString('base64url');
    const opened = await this.dataSource.transaction(async (manager) => {
      const current = await this.users.lockCredentials(manager, user.id);
      if (!current || current.passwordHash !== user.passwordHash || !current.active || current.locked)
        return undefined;
      await this.users.recordSuccess(manager, user.id);
      const sessionId = await this.sessions.create(manager, user.id, hashToken(refreshToken));
      await this.audit.record(manager, {
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        actor: { id: user.id, username: user.username },
      });
      return { sessionId, user: sessionUser(current) };
    });
    if (!opened) return this.refuse(address, username, user, 'changed-during-login');
    return this.issue(opened.user, opened.sessionId, refreshToken);
  }

  /**
   * Rotates the refresh token. A token that was already rotated means two parties hold the session (a copy was
   * stolen): the whole session ends, the legitimate holder's current token included.
   */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const hash = hashToken(refreshToken);
    const next = randomBytes(32).toString('base64url');
    let revoked: string | undefined;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findByHashForUpdate(manager, hash);
      if (!session) {
        const reused = await this.sessions.findRotated(manager, hash);
        if (reused) {
          await this.sessions.revoke(manager, reused.sessionId);
          revoked = reused.sessionId;
          await this.audit.record(manager, {
            action: 'auth.refresh-reuse',
            entity: 'user',
            entityId: reused.userId,
            after: { sessionId: reused.sessionId },
            actor: { id: reused.userId, username: reused.username },
          });
        }
        return undefined;
      }
      if (session.revoked || session.expired || session.idle) return undefined;
      const user = await this.users.findById(session.userId, manager);
      if (!user?.active) return undefined;
      await this.sessions.rotate(manager, session.id, hash, hashToken(next));
      return { user: sessionUser(user), sessionId: session.id };
    });
    // The revocation above is committed before the refusal, and ends the session's cached checks.
    if (revoked) await this.sessionChanges.sessionChanged(revoked);
    if (!outcome) throw sessionEnded();
    return this.issue(outcome.user, outcome.sessionId, next);
  }

  async logout(): Promise<void> {
    const actor = currentActor();
    if (!actor) return;
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId);
      await this.audit.record(manager, { action: 'auth.logout', entity: 'user', entityId: actor.id });
    });
    // After the commit: a check that began before it cannot cache what it read (SessionCache).
    await this.sessionChanges.sessionChanged(actor.sessionId);
  }

  /**
   * Audits a failed login with its real reason and answers the one refusal. The failure count was committed
   * on its own before: an audit that cannot be written is logged, and never undoes the count.
   */
  private async refuse(
    address: string,
    username: string,
    user: CredentialRow | undefined,
    reason: FailureReason,
    count?: { failedLogins: number; lockedUntil: Date | null },
  ): Promise<never> {
    this.addressLimiter.recordFailure(address);
    const record: AuditRecord = {
      action: count?.lockedUntil ? 'auth.lockout' : 'auth.login-failed',
      entity: 'user',
      entityId: user?.id ?? null,
      after: {
        reason,
        ...(user ? {} : { username }),
        ...(count ? { failures: count.failedLogins, lockedUntil: count.lockedUntil } : {}),
      },
      actor: { id: user?.id ?? null, username: user?.username ?? username },
    };
    try {
      await this.dataSource.transaction((manager) => this.audit.record(manager, record));
    } catch (error) {
      this.logger.error(
        `Audit of a failed login could not be written: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    throw invalidCredentials();
  }

  private async issue(user: SessionUser, sessionId: string, refreshToken: string): Promise<TokenResponse> {
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, sid: sessionId, role: user.role },
      { expiresIn: this.config.accessTokenTtlSeconds },
    );
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds, user };
  }
}
