import { DEFAULT_RULE_SETTINGS } from '@jixiao/domain';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from './factories/department.factory';
import { signIn } from './factories/user.factory';
import { annualIndicators, insertReport, LoadedDepartment, loadDepartment } from './read-api/read-fixtures';
import { createTestApp } from './setup/test-app';

type Role = 'admin' | 'leader' | 'lead' | 'auditor';
const ROLES: Role[] = ['admin', 'leader', 'lead', 'auditor'];
const ALL: Role[] = ROLES;
const PUBLIC = 'public' as const;

/**
 * What a route's data belongs to:
 * - global: no department (or the answer is filtered to what the caller may read, tested below);
 * - department: a department-year (`:code`) or something of it (a round);
 * - project: a project, an indicator or an evidence file; leads read their whole department;
 * - assigned: a write on a project's data, which only a lead assigned to the project may make (the admin's
 *   department-wide entries and weights on the same routes are covered by the feature tests);
 * - assigned-or-admin: a write on a project's data that its assigned lead and the admin may make.
 * - tree: editing an indicator tree (TreeEditPolicy): the admin any tree, a lead only the project assigned to them.
 * Another department's existing resource answers 403 for every department, project and assigned route
 * (a missing one 404): the API does not hide that a department exists, it only refuses its data.
 */
type Scope = 'global' | 'department' | 'project' | 'assigned' | 'assigned-or-admin' | 'tree';

interface Rule {
  roles: Role[] | typeof PUBLIC;
  scope: Scope;
  /** On an 'assigned' route, the admin may write too (a tree's 申报 and 调整: the admin prepares any tree). */
  adminWrites?: true;
}

/**
 * Who may call each route, written by hand from domain.md §1. Routes are discovered from the running app,
 * so a new route without an entry here fails the test, and so does an entry whose route is gone.
 * Every route is called by every role on the caller's own department (with the lead's assigned project and
 * another project of it) and on another department: "allowed" means the answer is not 401/403.
 */
const MATRIX: Record<string, Rule> = {
  'GET /api/health': { roles: PUBLIC, scope: 'global' },
  'GET /api/app-info': { roles: PUBLIC, scope: 'global' },
  'POST /api/auth/login': { roles: PUBLIC, scope: 'global' },
  'POST /api/auth/refresh': { roles: PUBLIC, scope: 'global' },
  'POST /api/auth/logout': { roles: ALL, scope: 'global' },
  'GET /api/auth/me': { roles: ALL, scope: 'global' },
  'POST /api/auth/password': { roles: ALL, scope: 'global' },
  'PUT /api/auth/me/locale': { roles: ALL, scope: 'global' },
  'GET /api/departments': { roles: ALL, scope: 'global' },
  'GET /api/departments/:code/years/:year/projects': { roles: ALL, scope: 'department' },
  'POST /api/imports': { roles: ['admin'], scope: 'global' },
  'GET /api/departments/:code/years/:year/export': {
    roles: ['admin', 'leader', 'auditor'],
    scope: 'department',
  },
  'PUT /api/indicators/:id/reports/:period': { roles: ['lead', 'admin'], scope: 'assigned' },
  'PUT /api/projects/:id/budget-execution/:period': { roles: ['lead'], scope: 'assigned' },
  'POST /api/projects/:id/periods/:period/submit': { roles: ['lead'], scope: 'assigned' },
  'POST /api/projects/:id/periods/:period/approve': { roles: ['leader'], scope: 'project' },
  'POST /api/projects/:id/periods/:period/return': { roles: ['leader'], scope: 'project' },
  'POST /api/projects/:id/periods/:period/unlock': { roles: ['admin'], scope: 'project' },
  'GET /api/departments/:code/years/:year/locks': { roles: ALL, scope: 'department' },
  // The department-wide goals' month: the admins, or a designated reporter (a lead: the feature test covers it).
  'POST /api/departments/:code/years/:year/periods/:period/submit': { roles: ['admin'], scope: 'department' },
  'POST /api/departments/:code/years/:year/periods/:period/approve': {
    roles: ['leader'],
    scope: 'department',
  },
  'POST /api/departments/:code/years/:year/periods/:period/return': {
    roles: ['leader'],
    scope: 'department',
  },
  'POST /api/departments/:code/years/:year/periods/:period/unlock': { roles: ['admin'], scope: 'department' },
  'GET /api/departments/:code/years/:year/reporter': { roles: ALL, scope: 'department' },
  'PUT /api/departments/:code/years/:year/reporter': { roles: ['admin'], scope: 'department' },
  'PUT /api/departments/:code/years/:year/locks/:period': { roles: ['admin'], scope: 'department' },
  'DELETE /api/departments/:code/years/:year/locks/:period': { roles: ['admin'], scope: 'department' },
  'POST /api/indicators/:id/reports/:period/evidence': { roles: ['lead', 'admin'], scope: 'assigned' },
  'GET /api/indicators/:id/reports/:period/evidence': { roles: ALL, scope: 'project' },
  'GET /api/evidence/:id': { roles: ALL, scope: 'project' },
  'GET /api/departments/:code/years/:year/rounds': { roles: ALL, scope: 'department' },
  'POST /api/departments/:code/years/:year/rounds': { roles: ['admin'], scope: 'department' },
  'GET /api/rounds/:id': { roles: ALL, scope: 'department' },
  'POST /api/rounds/:id/close': { roles: ['admin'], scope: 'department' },
  'GET /api/users': { roles: ['admin', 'auditor'], scope: 'global' },
  'POST /api/users': { roles: ['admin'], scope: 'global' },
  'PATCH /api/users/:id': { roles: ['admin'], scope: 'global' },
  'POST /api/users/:id/password': { roles: ['admin'], scope: 'global' },
  'PUT /api/projects/:id/leads': { roles: ['admin'], scope: 'project' },
  'PUT /api/indicators/:id/target': { roles: ['admin'], scope: 'project' },
  'POST /api/departments/:code/years/:year/target-readings/confirm': {
    roles: ['admin'],
    scope: 'department',
  },
  'GET /api/me/tasks': { roles: ALL, scope: 'global' },
  'GET /api/me/projects': { roles: ALL, scope: 'global' },
  // Each user's own notifications (another user's id answers 404, like a missing one).
  'GET /api/notifications': { roles: ALL, scope: 'global' },
  'POST /api/notifications/:id/read': { roles: ALL, scope: 'global' },
  'POST /api/notifications/read-all': { roles: ALL, scope: 'global' },
  'GET /api/departments/:code/digest/:period': { roles: ['leader', 'admin', 'auditor'], scope: 'department' },
  'POST /api/departments/:code/digest/:period/send': { roles: ['admin'], scope: 'department' },
  'GET /api/indicators/:id/history': { roles: ALL, scope: 'project' },
  'GET /api/departments/:code/years/:year': { roles: ALL, scope: 'department' },
  'GET /api/projects/:id': { roles: ALL, scope: 'project' },
  'GET /api/departments/:code/years/:year/dashboard': { roles: ALL, scope: 'department' },
  'GET /api/dashboard': { roles: ALL, scope: 'global' },
  'GET /api/dashboard/flagged': { roles: ALL, scope: 'global' },
  'GET /api/audit': { roles: ['admin', 'auditor'], scope: 'global' },
  'GET /api/projects/:id/self-evaluation/:year': { roles: ALL, scope: 'project' },
  'PUT /api/projects/:id/self-evaluation/:year': { roles: ['lead', 'admin'], scope: 'assigned' },
  'POST /api/projects/:id/self-evaluation/:year/submit': { roles: ['lead'], scope: 'assigned' },
  'POST /api/projects/:id/self-evaluation/:year/approve': { roles: ['leader'], scope: 'project' },
  'POST /api/projects/:id/self-evaluation/:year/return': { roles: ['leader'], scope: 'project' },
  'POST /api/projects/:id/self-evaluation/:year/unlock': { roles: ['admin'], scope: 'project' },
  'GET /api/departments/:code/years/:year/self-evaluation': { roles: ALL, scope: 'department' },
  'PUT /api/departments/:code/years/:year/self-evaluation': { roles: ['admin'], scope: 'department' },
  'POST /api/departments/:code/years/:year/self-evaluation/submit': { roles: ['admin'], scope: 'department' },
  'POST /api/departments/:code/years/:year/self-evaluation/approve': {
    roles: ['leader'],
    scope: 'department',
  },
  'POST /api/departments/:code/years/:year/self-evaluation/return': {
    roles: ['leader'],
    scope: 'department',
  },
  'POST /api/departments/:code/years/:year/self-evaluation/unlock': { roles: ['admin'], scope: 'department' },
  'GET /api/projects/:id/self-evaluation/:year.xlsx': { roles: ALL, scope: 'project' },
  'GET /api/departments/:code/years/:year/self-evaluation.xlsx': { roles: ALL, scope: 'department' },
  'GET /api/departments/:code/years/:year/self-evaluation/overall.xlsx': { roles: ALL, scope: 'department' },
  'GET /api/departments/:code/years/:year/targets.xlsx': { roles: ALL, scope: 'department' },
  'GET /api/departments/:code/years/:year/target-review': { roles: ALL, scope: 'department' },
  'GET /api/departments/:code/years/:year/target-review.xlsx': { roles: ALL, scope: 'department' },
  'PUT /api/departments/:code/years/:year/target-review/rules/:ruleId': {
    roles: ['admin'],
    scope: 'department',
  },
  'GET /api/departments/:code/years/:year/self-evaluation-report.docx': { roles: ALL, scope: 'department' },
  'GET /api/departments/:code/years/:year/rules': { roles: ALL, scope: 'department' },
  'PUT /api/departments/:code/years/:year/rules': { roles: ['admin'], scope: 'department' },
  'POST /api/departments/:code/years/:year/rules/preview': { roles: ['admin'], scope: 'department' },
  'GET /api/imports/target-template.xlsx': { roles: ALL, scope: 'global' },
  'GET /api/projects/:id/monitoring/:period.xlsx': { roles: ALL, scope: 'project' },
  'GET /api/projects/:id/monitoring/:period.docx': { roles: ALL, scope: 'project' },
  'GET /api/departments/:code/years/:year/monitoring/:period.xlsx': { roles: ALL, scope: 'department' },
  'POST /api/projects/:id/targets/import': { roles: ['admin'], scope: 'project' },
  'GET /api/departments/:code/years/:year/targets-provincial.xlsx': { roles: ALL, scope: 'department' },
  'POST /api/departments/:code/years/:year/carry-forward': { roles: ['admin'], scope: 'department' },
  'GET /api/departments/:code/years/:year/target-proposals': { roles: ALL, scope: 'department' },
  'POST /api/indicators/:id/confirm-proposal': { roles: ['lead', 'admin'], scope: 'assigned-or-admin' },
  'POST /api/departments/:code/years': { roles: ['admin'], scope: 'department' },
  'POST /api/departments/:code/years/:year/projects': { roles: ['admin'], scope: 'department' },
  'POST /api/departments/:code/years/:year/goals': { roles: ['admin'], scope: 'department' },
  'PATCH /api/projects/:id': { roles: ['admin', 'lead'], scope: 'tree' },
  'POST /api/projects/:id/goals': { roles: ['admin', 'lead'], scope: 'tree' },
  'PATCH /api/goals/:id': { roles: ['admin', 'lead'], scope: 'tree' },
  'POST /api/goals/:id/indicators': { roles: ['admin', 'lead'], scope: 'tree' },
  'PATCH /api/indicators/:id': { roles: ['admin', 'lead'], scope: 'tree' },
  'DELETE /api/indicators/:id': { roles: ['admin', 'lead'], scope: 'tree' },
  // 申报 → 批复 → 调整 (docs/domain.md "申报、批复与调整"); a designated department-wide reporter is a lead: feature test.
  'GET /api/projects/:id/tree': { roles: ALL, scope: 'project' },
  'POST /api/projects/:id/tree/submit': { roles: ['lead', 'admin'], scope: 'assigned', adminWrites: true },
  'POST /api/projects/:id/tree/approve': { roles: ['leader'], scope: 'project' },
  'POST /api/projects/:id/tree/return': { roles: ['leader'], scope: 'project' },
  'POST /api/projects/:id/adjustments': { roles: ['lead', 'admin'], scope: 'assigned', adminWrites: true },
  'GET /api/departments/:code/years/:year/tree': { roles: ALL, scope: 'department' },
  'POST /api/departments/:code/years/:year/tree/submit': { roles: ['admin'], scope: 'department' },
  'POST /api/departments/:code/years/:year/tree/approve': { roles: ['leader'], scope: 'department' },
  'POST /api/departments/:code/years/:year/tree/return': { roles: ['leader'], scope: 'department' },
  'POST /api/departments/:code/years/:year/adjustments': { roles: ['admin'], scope: 'department' },
  'GET /api/departments/:code/years/:year/adjustments': { roles: ALL, scope: 'department' },
  // Addressed by the request's id (none here: 404 for a leader); another department's leader: feature test.
  'POST /api/adjustments/:id/approve': { roles: ['leader'], scope: 'global' },
  'POST /api/adjustments/:id/return': { roles: ['leader'], scope: 'global' },
};

/** Bodies that pass validation, so that the call reaches the service's access check instead of a 400. */
const BODIES: Record<string, object> = {
  'PUT /api/indicators/:id/reports/:period': { actual: '1' },
  'POST /api/indicators/:id/confirm-proposal': { version: 1 },
  'POST /api/departments/:code/years/:year/target-readings/confirm': {
    items: [{ indicatorId: '00000000-0000-4000-8000-000000000000', version: 1 }],
  },
  'PUT /api/projects/:id/budget-execution/:period': { executed: 1 },
  'POST /api/projects/:id/periods/:period/return': { reason: '数据有误' },
  'POST /api/projects/:id/self-evaluation/:year/return': { reason: '数据有误' },
  'POST /api/departments/:code/years/:year/periods/:period/return': { reason: '数据有误' },
  'POST /api/departments/:code/years/:year/periods/:period/unlock': { reason: '数据更正' },
  'PUT /api/departments/:code/years/:year/reporter': { userId: null },
  'POST /api/departments/:code/years/:year/self-evaluation/return': { reason: '数据有误' },
  'PUT /api/projects/:id/self-evaluation/:year': { version: 0 },
  'PUT /api/departments/:code/years/:year/target-review/rules/:ruleId': { enabled: true },
  'PUT /api/departments/:code/years/:year/rules': { ...DEFAULT_RULE_SETTINGS, version: 0 },
  'POST /api/departments/:code/years/:year/rules/preview': DEFAULT_RULE_SETTINGS,
  'POST /api/projects/:id/tree/submit': { version: 0 },
  'POST /api/projects/:id/tree/approve': { version: 0 },
  'POST /api/projects/:id/tree/return': { version: 0, reason: '数据有误' },
  'POST /api/departments/:code/years/:year/tree/submit': { version: 0 },
  'POST /api/departments/:code/years/:year/tree/approve': { version: 0 },
  'POST /api/departments/:code/years/:year/tree/return': { version: 0, reason: '数据有误' },
  'POST /api/projects/:id/adjustments': {
    items: [{ indicatorId: '00000000-0000-4000-8000-000000000000', target: '≥1次' }],
    reason: '任务调整',
    effectiveFrom: '2025-07',
  },
  'POST /api/departments/:code/years/:year/adjustments': {
    items: [{ indicatorId: '00000000-0000-4000-8000-000000000000', target: '≥1次' }],
    reason: '任务调整',
    effectiveFrom: '2025-07',
  },
  'POST /api/adjustments/:id/approve': { version: 1 },
  'POST /api/adjustments/:id/return': { version: 1, reason: '依据不足' },
  // Stale versions: the allowed callers reach the version check (409), the others are refused before it.
  'PATCH /api/projects/:id': { version: 999999 },
  'POST /api/projects/:id/goals': { term: 'annual', title: '权限矩阵的目标' },
  'PATCH /api/goals/:id': { version: 999999, title: '权限矩阵的目标' },
  'POST /api/goals/:id/indicators': {
    level1: '产出指标',
    level2: '数量指标',
    name: '权限矩阵',
    target: '≥1次',
  },
  'PATCH /api/indicators/:id': { version: 999999 },
};

/** Query strings that pass validation (a stale version: nothing is deleted). */
const QUERIES: Record<string, string> = {
  'DELETE /api/indicators/:id': '?version=999999',
};

const NO_ID = '00000000-0000-4000-8000-000000000000';
const PERIOD = '2025-01';

/** Which data a call addresses: the caller's department (the lead's project or another one), or another department. */
type Subject = 'assigned' | 'unassigned' | 'other';
const SUBJECTS: Subject[] = ['assigned', 'unassigned', 'other'];

interface Target {
  code: string;
  projectId: string;
  goalId: string;
  indicatorId: string;
  evidenceId: string;
  roundId: string;
}

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

/** The URL of a route for one subject: `:id` is a project, indicator, evidence file, round or user by its prefix. */
function urlOf(path: string, target: Target): string {
  const id = path.startsWith('/api/projects/')
    ? target.projectId
    : path.startsWith('/api/indicators/')
      ? target.indicatorId
      : path.startsWith('/api/goals/')
        ? target.goalId
        : path.startsWith('/api/evidence/')
          ? target.evidenceId
          : path.startsWith('/api/rounds/')
            ? target.roundId
            : NO_ID;
  const values: Record<string, string> = {
    code: target.code,
    year: '2025',
    period: PERIOD,
    id,
    ruleId: 'goal-missing-cost',
  };
  return path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'x');
}

/** Whether a role may call a route on a subject (domain.md §1): admins and auditors everything their role allows,
 * leaders their department, leads their department to read and their assigned projects to write. */
function expectedAllowed(rule: Rule, role: Role, subject: Subject, hasDepartment = true): boolean {
  if (rule.roles === PUBLIC) return true;
  if (!rule.roles.includes(role)) return false;
  // A project's values are its assigned lead's to write; the admin writes the department-wide ones (feature tests).
  if (rule.scope === 'assigned' && role === 'admin' && !rule.adminWrites) return false;
  if (role === 'admin' || role === 'auditor' || rule.scope === 'global') return true;
  if (!hasDepartment || subject === 'other') return false;
  const assigned = rule.scope === 'assigned' || rule.scope === 'assigned-or-admin' || rule.scope === 'tree';
  return !(role === 'lead' && assigned && subject === 'unassigned');
}

async function evidenceOn(ds: DataSource, indicator: { id: string }): Promise<string> {
  const [report] = await ds.query(`SELECT id FROM progress_reports WHERE indicator_id = $1 AND period = $2`, [
    indicator.id,
    PERIOD,
  ]);
  const [row] = await ds.query(
    `INSERT INTO evidence_files (progress_report_id, file_name, mime_type, size_bytes, sha256, content)
     VALUES ($1, '佐证.txt', 'text/plain', 2, repeat('0', 64), 'ok'::bytea) RETURNING id`,
    [report.id],
  );
  return row.id;
}

/** A department's targets: the lead's project is its first, the other project its second. */
async function targetsOf(ds: DataSource, dept: LoadedDepartment): Promise<Target[]> {
  const indicators = await annualIndicators(ds, dept.fiscalYearId);
  const [round] = await ds.query(
    `INSERT INTO monitoring_rounds (fiscal_year_id, name, period, deadline) VALUES ($1, '1月监控', $2, '2025-02-15') RETURNING id`,
    [dept.fiscalYearId, PERIOD],
  );
  const targets: Target[] = [];
  for (const project of dept.projects.slice(0, 2)) {
    const indicator = indicators.find((i) => i.projectId === project.id);
    if (!indicator) throw new Error(`project ${project.name} has no annual indicator`);
    await insertReport(ds, indicator, PERIOD, indicator.targetRaw);
    const [{ goal_id: goalId }] = await ds.query(`SELECT goal_id FROM indicators WHERE id = $1`, [
      indicator.id,
    ]);
    targets.push({
      code: dept.code,
      projectId: project.id,
      goalId,
      indicatorId: indicator.id,
      evidenceId: await evidenceOn(ds, indicator),
      roundId: round.id,
    });
  }
  return targets;
}

describe('authorization matrix (every route × every role × own / other department × assigned / other project)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let own: LoadedDepartment;
  let other: LoadedDepartment;
  const targets = {} as Record<Subject, Target>;
  const bearers = {} as Record<Role, string>;
  /** A lead and a leader whose accounts lost their department (rows written before it was required). */
  const unbound = {} as Record<'lead' | 'leader', string>;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    own = await loadDepartment(app, ds, uniqueCode());
    other = await loadDepartment(app, ds, uniqueCode());
    [targets.assigned, targets.unassigned] = await targetsOf(ds, own);
    [targets.other] = await targetsOf(ds, other);
    // Next year exists: the carry-forward is called by every role (its access check answers first) and copies nothing.
    for (const dept of [own, other])
      await ds.query(`INSERT INTO fiscal_years (department_id, year) VALUES ($1, 2026)`, [dept.departmentId]);
    for (const role of ROLES) {
      const departmentId = role === 'lead' || role === 'leader' ? own.departmentId : null;
      const { user, bearer } = await signIn(app, ds, role, departmentId);
      bearers[role] = bearer;
      if (role === 'lead')
        await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
          targets.assigned.projectId,
          user.id,
        ]);
    }
    for (const role of ['lead', 'leader'] as const) {
      const { bearer, user } = await signIn(app, ds, role, null);
      if (role === 'lead')
        await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
          targets.assigned.projectId,
          user.id,
        ]);
      unbound[role] = bearer;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  const call = (route: Route, url: string, bearer?: string) => {
    const key = `${route.method} ${route.path}`;
    const req = request(app.getHttpServer())[route.method.toLowerCase() as 'get'](url + (QUERIES[key] ?? ''));
    if (bearer) req.set('Authorization', bearer);
    if (key === 'POST /api/indicators/:id/reports/:period/evidence')
      return req.attach('file', Buffer.from('佐证材料'), '佐证.txt');
    return req.send(BODIES[key] ?? {});
  };

  it('should have an entry for every route of the app, and no entry without a route', () => {
    const discovered = discoverRoutes(app)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(discovered.filter((key) => !(key in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !discovered.includes(key))).toEqual([]);
  });

  // Every route × role × subject, downloads included: the time grows with the routes (a minute on a busy machine).
  it('should let exactly the listed roles through on the data they may reach, and refuse other departments with 403', async () => {
    const mismatches: string[] = [];
    for (const route of discoverRoutes(app)) {
      const key = `${route.method} ${route.path}`;
      const rule = MATRIX[key];
      if (!rule || key === 'POST /api/auth/logout') continue;
      for (const subject of rule.scope === 'global' ? (['assigned'] as Subject[]) : SUBJECTS) {
        const url = urlOf(route.path, targets[subject]);
        const anonymous = (await call(route, url)).status;
        const anonymousExpected = rule.roles === PUBLIC ? 'public' : 401;
        if (rule.roles === PUBLIC ? anonymous === 401 || anonymous === 403 : anonymous !== 401)
          mismatches.push(`${key} [${subject}] anonymous → ${anonymous}, expected ${anonymousExpected}`);
        if (rule.roles === PUBLIC) continue;
        const callers: [string, string, boolean][] = [
          ...ROLES.map((role): [string, string, boolean] => [
            role,
            bearers[role],
            expectedAllowed(rule, role, subject),
          ]),
          ...(['lead', 'leader'] as const).map((role): [string, string, boolean] => [
            `${role} without department`,
            unbound[role],
            expectedAllowed(rule, role, subject, false),
          ]),
        ];
        for (const [who, bearer, allowed] of callers) {
          const status = (await call(route, url, bearer)).status;
          const permitted = status !== 401 && status !== 403;
          if (permitted !== allowed)
            mismatches.push(
              `${key} [${subject}] ${who} → ${status}, expected ${allowed ? 'allowed' : '403'}`,
            );
          else if (!allowed && status !== 403)
            mismatches.push(`${key} [${subject}] ${who} → ${status}, expected 403`);
          if (status >= 500) mismatches.push(`${key} [${subject}] ${who} → ${status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);

  it("should list only the caller's own department in the department list and the city dashboard, and none without one", async () => {
    const seen = async (bearer: string) => {
      const departments = await request(app.getHttpServer())
        .get('/api/departments')
        .set('Authorization', bearer)
        .expect(200);
      const city = await request(app.getHttpServer())
        .get('/api/dashboard?year=2025')
        .set('Authorization', bearer)
        .expect(200);
      const codes = [own.code, other.code];
      return {
        list: (departments.body as { code: string }[]).map((d) => d.code).filter((c) => codes.includes(c)),
        city: (city.body.departments as { department: { code: string } }[])
          .map((d) => d.department.code)
          .filter((c) => codes.includes(c)),
        cityTotal: city.body.lightCounts?.total as number | undefined,
      };
    };
    const admin = await seen(bearers.admin);
    expect(admin.list.sort()).toEqual([own.code, other.code].sort());
    expect(admin.city.sort()).toEqual([own.code, other.code].sort());
    for (const role of ['leader', 'lead'] as const) {
      const mine = await seen(bearers[role]);
      expect(mine.list).toEqual([own.code]);
      expect(mine.city).toEqual([own.code]);
      const none = await seen(unbound[role]);
      expect(none.list).toEqual([]);
      expect(none.city).toEqual([]);
    }
  });

  it('should give a leader the submitted periods of their own department to review and a lead their assigned project, and nothing without a department', async () => {
    await ds.query(
      `INSERT INTO report_periods (fiscal_year_id, project_id, period, status) VALUES ($1, $2, '2025-03', 'submitted'), ($3, $4, '2025-03', 'submitted')`,
      [own.fiscalYearId, own.projects[2].id, other.fiscalYearId, other.projects[2].id],
    );
    const reviews = async (bearer: string) =>
      (
        (await request(app.getHttpServer()).get('/api/me/tasks').set('Authorization', bearer).expect(200))
          .body.tasks as { projectId: string }[]
      ).map((t) => t.projectId);
    const mine = await reviews(bearers.leader);
    expect(mine).toContain(own.projects[2].id);
    expect(mine).not.toContain(other.projects[2].id);
    expect(await reviews(unbound.leader)).toEqual([]);
    // 2025 is over: every open month of the lead's project is overdue; an unbound lead has nothing to report.
    expect(new Set(await reviews(bearers.lead))).toEqual(new Set([targets.assigned.projectId]));
    expect(await reviews(unbound.lead)).toEqual([]);
  });
});
