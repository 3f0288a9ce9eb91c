import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SessionsRepository } from '../../modules/auth/sessions.repository';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';
import type { AccessTokenPayload } from './jwt-auth.guard';

export const API_DOCS_PATH = 'api/docs';

/**
 * The docs (UI, assets, /api/docs-json) are served by Swagger outside Nest's guards: this middleware asks for
 * the same bearer token and open session as the API, and the admin role.
 */
export function adminOnlyApiDocs(app: INestApplication): RequestHandler {
  const jwt = app.get(JwtService);
  const sessions = app.get(SessionsRepository);
  const verdict = async (authorization: string | undefined): Promise<AppException | null> => {
    const [scheme, token] = (authorization ?? '').split(' ');
    const payload =
      scheme === 'Bearer' && token
        ? await jwt.verifyAsync<AccessTokenPayload>(token).catch(() => undefined)
        : undefined;
    const actor = payload ? await sessions.findActiveActor(payload.sid, payload.sub) : undefined;
    if (!actor) return new AppException(ErrorCode.Unauthorized, '接口文档需要绩效管理员登录后查看');
    if (actor.role !== 'admin') return new AppException(ErrorCode.Forbidden, '接口文档仅向绩效管理员开放');
    return null;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith(`/${API_DOCS_PATH}`)) return next();
    verdict(req.headers.authorization).then((error) => {
      if (error) res.status(error.getStatus()).json(error.toBody());
      else next();
    }, next);
  };
}
