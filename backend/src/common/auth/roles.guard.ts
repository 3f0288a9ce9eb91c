import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RoleCode } from '../../modules/users/entities/role.entity';
import { currentActor } from '../context/request-context';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';
import { IS_PUBLIC, ROLES } from './auth.decorators';

/** Enforces @Roles(...) after JwtAuthGuard has identified the actor. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const roles = this.reflector.getAllAndOverride<RoleCode[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const actor = currentActor();
    if (!actor || !roles.includes(actor.role))
      throw new AppException(ErrorCode.Forbidden, '没有权限执行此操作');
    return true;
  }
}
