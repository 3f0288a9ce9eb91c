import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { Request } from 'express';
import { SessionCache } from '../../modules/auth/session-cache';
import { SessionsRepository } from '../../modules/auth/sessions.repository';
import { Actor, currentContext } from '../context/request-context';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';
import { ALLOW_PENDING_PASSWORD_CHANGE, IS_PUBLIC } from './auth.decorators';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
}

/**
 * Global guard: a bearer access token whose session is still open (not logged out, not idle, user active).
 * Checking the session on each request is what makes logout and lockout take effect at once. A user whose
 * password an admin chose reaches only the routes marked @AllowPendingPasswordChange until they change it.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsRepository,
    private readonly cache: SessionCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<Request>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new AppException(ErrorCode.Unauthorized, '请先登录');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError)
        throw new AppException(ErrorCode.TokenExpired, '登录已过期，请重新登录');
      throw new AppException(ErrorCode.Unauthorized, '登录凭证无效，请重新登录');
    }
    const actor = await this.checkSession(payload);
    if (!actor)
      throw new AppException(ErrorCode.TokenExpired, '会话已结束（已退出或长时间未操作），请重新登录');
    const requestContext = currentContext();
    if (requestContext) requestContext.actor = actor;
    (request as Request & { actor?: unknown }).actor = actor;
    if (
      actor.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_CHANGE, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      throw new AppException(
        ErrorCode.PasswordChangeRequired,
        '请先修改密码：初始密码或重置的密码须由本人修改后才能使用系统',
      );
    return true;
  }

  /** The session check, answered from SessionCache when it can (it is invalidated on every change). */
  private async checkSession(payload: AccessTokenPayload): Promise<Actor | undefined> {
    const cached = this.cache.get(payload.sid, payload.sub);
    if (cached) return cached;
    const check = this.cache.begin();
    const open = await this.sessions.findOpenSession(payload.sid, payload.sub);
    if (!open) return undefined;
    this.cache.fill(check, open.actor, open.secondsLeft);
    return open.actor;
  }
}
