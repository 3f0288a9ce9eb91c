import { SetMetadata } from '@nestjs/common';
import type { RoleCode } from '../../modules/users/entities/role.entity';

export const IS_PUBLIC = 'jixiao:public';
export const ROLES = 'jixiao:roles';

/** A route anyone may call (login, health). Everything else needs a valid session. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The roles allowed on a route; finer rules (a lead's own projects) are checked by the service. */
export const Roles = (...roles: RoleCode[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

export const ALLOW_PENDING_PASSWORD_CHANGE = 'jixiao:allow-pending-password-change';

/** A route a user who must change their password may still call (me, change password, logout). */
export const AllowPendingPasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOW_PENDING_PASSWORD_CHANGE, true);
