import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES } from '../../src/common/auth/auth.decorators';
import type { RoleCode } from '../../src/modules/users/entities/role.entity';

/** One write route of the running app, as its controller declares it. */
export interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style path under /api, e.g. `/api/indicators/:id/reports/:period`. */
  path: string;
  /** Path parameter names in order of appearance. */
  params: string[];
  /** @Roles of the handler (or its controller); undefined = any signed-in user. */
  roles: RoleCode[] | undefined;
  public: boolean;
  /** The class of the @Body() parameter, when the handler takes one. */
  bodyType: Type | undefined;
  /** The class of the whole-query @Query() parameter, when the handler takes one. */
  queryType: Type | undefined;
  /** multipart/form-data upload (declared with @ApiConsumes). */
  multipart: boolean;
  /** Name for reports: `PUT /api/indicators/:id/reports/:period`. */
  name: string;
}

const WRITE_METHODS: Partial<Record<RequestMethod, WriteRoute['method']>> = {
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every POST/PUT/PATCH/DELETE handler of every controller the app registered, read from Nest's own metadata
 * (the same metadata the router uses), so a route added tomorrow is covered without touching the tests.
 */
export function discoverWriteRoutes(app: INestApplication, globalPrefix = 'api'): WriteRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: WriteRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[methodName] as object;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const method = requestMethod === undefined ? undefined : WRITE_METHODS[requestMethod];
      if (!method) continue;
      const paths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const roles =
        (Reflect.getMetadata(ROLES, handler) as RoleCode[] | undefined) ??
        (Reflect.getMetadata(ROLES, controller) as RoleCode[] | undefined);
      const isPublic = Boolean(
        Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller),
      );
      const consumes = (Reflect.getMetadata('swagger/apiConsumes', handler) as string[] | undefined) ?? [];
      for (const b of base) {
        for (const p of paths) {
          const path = joinPath(globalPrefix, b, p);
          routes.push({
            method,
            path,
            params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
            roles,
            public: isPublic,
            bodyType: argTypeOf(controller, methodName, RouteParamtypes.BODY),
            queryType: argTypeOf(controller, methodName, RouteParamtypes.QUERY),
            multipart: consumes.includes('multipart/form-data'),
            name: `${method} ${path}`,
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.name.localeCompare(b.name));
}

function argTypeOf(controller: Type, methodName: string, kind: RouteParamtypes): Type | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, methodName) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const paramTypes = (Reflect.getMetadata('design:paramtypes', controller.prototype, methodName) ??
    []) as Type[];
  for (const [key, arg] of Object.entries(args)) {
    // Keys are `${paramtype}:${index}`; a whole-body @Body() (or whole-query @Query()) has no property name.
    if (Number(key.split(':')[0]) === kind && arg.data === undefined) return paramTypes[arg.index];
  }
  return undefined;
}
