import { AsyncLocalStorage } from 'node:async_hooks';
import type { RoleCode } from '../../modules/users/entities/role.entity';

/** Who is calling, known to every layer without threading it through each call (audit needs it). */
export interface Actor {
  id: string;
  username: string;
  role: RoleCode;
  departmentId: string | null;
  sessionId: string;
  /** An admin chose the current password: until the user changes it, only me/password/logout/refresh answer. */
  mustChangePassword: boolean;
}

export interface RequestContext {
  requestId?: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const runInRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);
export const currentContext = (): RequestContext | undefined => storage.getStore();
export const currentActor = (): Actor | undefined => storage.getStore()?.actor;
