import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signIn } from './factories/user.factory';
import { createTestApp } from './setup/test-app';

type Role = 'admin' | 'leader' | 'lead' | 'auditor';
const ROLES: Role[] = ['admin', 'leader', 'lead', 'auditor'];
const ALL: Role[] = ROLES;
const PUBLIC = 'public' as const;

/**
 * Who may call each route, written by hand from domain.md §1. Routes are discovered from the running app,
 * so a new route without an entry here fails the test, and so does an entry whose route is gone.
 * "Allowed" means the guards let the role through (the answer is not 401/403); data-level rules (a lead's own
 * projects, a leader's department) are tested with real data in the feature tests.
 */
const MATRIX: Record<string, Role[] | typeof PUBLIC> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/refresh': PUBLIC,
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'POST /api/auth/password': ALL,
  'GET /api/departments': ALL,
  'GET /api/departments/:code/years/:year/projects': ALL,
  'POST /api/imports': ['admin'],
  'GET /api/departments/:code/years/:year/export': ['admin', 'leader', 'auditor'],
  'PUT /api/indicators/:id/reports/:period': ['lead', 'admin'],
  'PUT /api/projects/:id/budget-execution/:period': ['lead'],
  'POST /api/projects/:id/periods/:period/submit': ['lead'],
  'POST /api/projects/:id/periods/:period/approve': ['leader'],
  'POST /api/projects/:id/periods/:period/return': ['leader'],
  'POST /api/projects/:id/periods/:period/unlock': ['admin'],
  'GET /api/departments/:code/years/:year/locks': ALL,
  'PUT /api/departments/:code/years/:year/locks/:period': ['admin'],
  'DELETE /api/departments/:code/years/:year/locks/:period': ['admin'],
  'POST /api/indicators/:id/reports/:period/evidence': ['lead', 'admin'],
  'GET /api/indicators/:id/reports/:period/evidence': ALL,
  'GET /api/evidence/:id': ALL,
  'GET /api/departments/:code/years/:year/rounds': ALL,
  'POST /api/departments/:code/years/:year/rounds': ['admin'],
  'GET /api/rounds/:id': ALL,
  'POST /api/rounds/:id/close': ['admin'],
  'GET /api/users': ['admin', 'auditor'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/password': ['admin'],
  'PUT /api/projects/:id/leads': ['admin'],
  'PUT /api/indicators/:id/target': ['admin'],
  'GET /api/me/tasks': ALL,
  'GET /api/departments/:code/years/:year': ALL,
  'GET /api/projects/:id': ALL,
  'GET /api/departments/:code/years/:year/dashboard': ALL,
  'GET /api/dashboard': ALL,
  'GET /api/audit': ['admin', 'auditor'],
  'GET /api/projects/:id/self-evaluation/:year': ALL,
  'PUT /api/projects/:id/self-evaluation/:year': ['lead', 'admin'],
  'POST /api/projects/:id/self-evaluation/:year/submit': ['lead'],
  'POST /api/projects/:id/self-evaluation/:year/approve': ['leader'],
  'POST /api/projects/:id/self-evaluation/:year/return': ['leader'],
  'POST /api/projects/:id/self-evaluation/:year/unlock': ['admin'],
  'GET /api/departments/:code/years/:year/self-evaluation': ALL,
  'PUT /api/departments/:code/years/:year/self-evaluation': ['admin'],
  'POST /api/departments/:code/years/:year/self-evaluation/submit': ['admin'],
  'POST /api/departments/:code/years/:year/self-evaluation/approve': ['leader'],
  'POST /api/departments/:code/years/:year/self-evaluation/return': ['leader'],
  'POST /api/departments/:code/years/:year/self-evaluation/unlock': ['admin'],
  'GET /api/projects/:id/self-evaluation/:year.xlsx': ALL,
  'GET /api/departments/:code/years/:year/self-evaluation.xlsx': ALL,
  'GET /api/departments/:code/years/:year/self-evaluation/overall.xlsx': ALL,
  'GET /api/departments/:code/years/:year/targets.xlsx': ALL,
  'GET /api/departments/:code/years/:year/self-evaluation-report.docx': ALL,
  'GET /api/imports/target-template.xlsx': ALL,
  'POST /api/projects/:id/targets/import': ['admin'],
};

const PLACEHOLDERS: Record<string, string> = {
  code: '031',
  year: '2025',
  period: '2025-01',
  id: '00000000-0000-4000-8000-000000000000',
};

interface Route {
  method: string;
  path: string;
}

function discoverRoutes(app: INestApplication): Route[] {
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  const wrappers = [...app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  for (const wrapper of wrappers) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '').replace(/^\/|\/$/g, '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, object>)[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const full = ['api', base, String(path).replace(/^\/|\/$/g, '')].filter(Boolean).join('/');
      routes.push({ method, path: `/${full}` });
    }
  }
  return routes;
}

describe('authorization matrix (every route × every role)', () => {
  let app: INestApplication;
  let ds: DataSource;
  const bearers = {} as Record<Role, string>;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    for (const role of ROLES) bearers[role] = (await signIn(app, ds, role)).bearer;
  });

  afterAll(async () => {
    await app.close();
  });

  it('should have an entry for every route of the app, and no entry without a route', () => {
    const discovered = discoverRoutes(app)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(discovered.filter((key) => !(key in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !discovered.includes(key))).toEqual([]);
  });

  it('should let exactly the listed roles through, refuse the others with 403, and anonymous callers with 401', async () => {
    const mismatches: string[] = [];
    for (const { method, path } of discoverRoutes(app)) {
      const key = `${method} ${path}`;
      const allowed = MATRIX[key];
      if (!allowed || key === 'POST /api/auth/logout') continue;
      const url = path.replace(/:(\w+)/g, (_, name: string) => PLACEHOLDERS[name] ?? 'x');
      const call = (bearer?: string) => {
        const req = request(app.getHttpServer())[method.toLowerCase() as 'get'](url);
        return bearer ? req.set('Authorization', bearer).send({}) : req.send({});
      };
      if (allowed === PUBLIC) {
        const status = (await call()).status;
        if (status === 401 || status === 403)
          mismatches.push(`${key} anonymous → ${status}, expected public`);
        continue;
      }
      const anonymous = (await call()).status;
      if (anonymous !== 401) mismatches.push(`${key} anonymous → ${anonymous}, expected 401`);
      for (const role of ROLES) {
        const status = (await call(bearers[role])).status;
        const permitted = status !== 401 && status !== 403;
        if (permitted !== allowed.includes(role))
          mismatches.push(
            `${key} ${role} → ${status}, expected ${allowed.includes(role) ? 'allowed' : '403'}`,
          );
        if (status >= 500) mismatches.push(`${key} ${role} → ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
