import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ErrorCode } from '../../src/common/errors/error-code';
import { ImportsService } from '../../src/modules/imports/imports.service';
import type { RoleCode } from '../../src/modules/users/entities/role.entity';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { insertUser } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import {
  bodyArbitrary,
  IdPools,
  malformedJson,
  pathParamArbitrary,
  Upload,
  uploadArbitrary,
} from './bad-input.arbitraries';
import { discoverWriteRoutes, WriteRoute } from './write-routes';
import { REVIEW_RULE_IDS } from '@jixiao/domain';

/** Generated requests over all write routes together; at least this many, spread evenly. */
const TOTAL_CASES = Number(process.env.FUZZ_CASES ?? 1200);
/** A fixed seed keeps CI reproducible (a failure replays exactly); set FUZZ_SEED to explore other cases. */
const SEED = Number(process.env.FUZZ_SEED ?? 20251125);
const ROLES: RoleCode[] = ['admin', 'leader', 'lead', 'auditor'];
const ERROR_KEYS = new Set(['statusCode', 'code', 'message', 'errors', 'details']);
const ERROR_CODES = new Set<string>(Object.values(ErrorCode));
/** A field path: `actual`, `reasons[0]`, `projects[2].goals[0].title`. */
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\[\d+\]|\.[A-Za-z][A-Za-z0-9]*)*$/;

type Auth = { kind: 'role'; role: RoleCode } | { kind: 'none' } | { kind: 'forged' };

interface Case {
  auth: Auth;
  params: string[];
  /** Query parameters of a route that takes a query DTO (e.g. a DELETE's version). */
  query: Record<string, unknown>;
  body:
    | { kind: 'json'; value: unknown }
    | { kind: 'malformed'; raw: string }
    | { kind: 'upload'; file: Upload | null };
}

/** Database constraint names are not fields a user can correct. */
const CONSTRAINT_NAME = /^(pk|fk|uq|ck|ix|rel|idx)_/i;

/** Why a response breaks the API's error contract, or undefined when it keeps it. */
export function contractViolation(
  status: number,
  body: unknown,
  fieldNames: Set<string>,
  anyKeyNamesAField: boolean,
): string | undefined {
  if (status >= 500) return `answered ${status}`;
  if (status < 400) return undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'error body is not a JSON object';
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => !ERROR_KEYS.has(k));
  if (extra.length) return `unexpected keys ${extra.join(', ')}`;
  if (b.statusCode !== status) return `statusCode ${String(b.statusCode)} ≠ HTTP ${status}`;
  if (typeof b.code !== 'string' || !ERROR_CODES.has(b.code)) return `unknown code ${String(b.code)}`;
  if (typeof b.message !== 'string' || !b.message.trim()) return 'empty message';
  if (status !== 400) return undefined;
  const errors = b.errors;
  if (!errors || typeof errors !== 'object' || !Object.keys(errors).length) return '400 without field errors';
  for (const [key, message] of Object.entries(errors as Record<string, unknown>)) {
    if (typeof message !== 'string' || !message.trim()) return `empty message for ${key}`;
    // A key the client sent itself (an unknown field, whatever its spelling) names that field.
    if (fieldNames.has(key)) continue;
    const root = key.split(/[.[]/)[0];
    if (!key || (!anyKeyNamesAField && !key.trim()) || CONSTRAINT_NAME.test(root))
      return `error key "${key}" does not name a field`;
    // An uploaded document's paths name its own fields (even unknown ones); elsewhere: a field path or a key the client sent.
    if (!anyKeyNamesAField && !FIELD_PATH.test(key) && !fieldNames.has(root))
      return `error key "${key}" does not name a field`;
  }
  return undefined;
}

/**
 * Breaches found by this suite and not fixed yet, each matched narrowly on the request that causes it so any
 * other breach still fails the run. Empty: the six it found (malformed JSON and wrong upload field without
 * `errors`, exponent-notation decimals, NUL characters, unnamed database data errors, objects without a
 * primitive value) are fixed in the validation layer and the exception filter.
 */
const KNOWN_DEFECTS: {
  id: string;
  matches: (c: Case, status: number, body: Record<string, unknown>) => boolean;
}[] = [];

describe('write routes under generated bad input', () => {
  let app: INestApplication;
  let ds: DataSource;
  let routes: WriteRoute[];
  let fiscalYearId: string;
  let departmentId: string;
  const code = uniqueCode();
  const pools: IdPools = {};
  const known: Record<string, string[]> = {
    code: [code],
    year: ['2025'],
    period: Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    ruleId: [...REVIEW_RULE_IDS],
  };
  let smallDocument: string;
  const hints: string[] = [];
  const outcomes = new Map<string, Map<number, number>>();
  const violations = new Map<string, string[]>();
  const knownHits = new Map<string, number>();
  let totalCases = 0;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    [{ departmentId, fiscalYearId }] = await ds.query(
      `SELECT d.id AS "departmentId", fy.id AS "fiscalYearId" FROM departments d JOIN fiscal_years fy ON fy.department_id = d.id WHERE d.code = $1`,
      [code],
    );
    hints.push(
      ...(
        await ds.query(
          `SELECT DISTINCT i.target_raw FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.fiscal_year_id = $1 AND g.term = 'annual'`,
          [fiscalYearId],
        )
      ).map((r: { target_raw: string }) => r.target_raw),
    );
    pools.projects = (
      await ds.query(`SELECT id FROM projects WHERE fiscal_year_id = $1 ORDER BY seq`, [fiscalYearId])
    ).map((r: { id: string }) => r.id);
    pools.indicators = (
      await ds.query(
        `SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.fiscal_year_id = $1 ORDER BY g.term, i.seq LIMIT 60`,
        [fiscalYearId],
      )
    ).map((r: { id: string }) => r.id);
    pools.goals = (
      await ds.query(`SELECT id FROM goals WHERE fiscal_year_id = $1 ORDER BY term, seq`, [fiscalYearId])
    ).map((r: { id: string }) => r.id);
    // Users the routes may edit, deactivate or reset: never the actors of the run.
    pools.users = [];
    for (let i = 0; i < 3; i++) pools.users.push((await insertUser(ds, { role: 'lead', departmentId })).id);
    const [round] = await ds.query(
      `INSERT INTO monitoring_rounds (fiscal_year_id, name, period, deadline) VALUES ($1, '2025年1–6月 绩效监控', '2025-06', '2025-07-15') RETURNING id`,
      [fiscalYearId],
    );
    pools.rounds = [round.id];
    // A small but complete normalized document (one project) for the upload routes to mutate.
    const seed = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'seeds', '031-2025.json'), 'utf8'),
    );
    smallDocument = JSON.stringify({ ...seed, projects: seed.projects.slice(0, 1) });
    routes = discoverWriteRoutes(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('should find the write routes of every module', () => {
    const names = routes.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'PUT /api/indicators/:id/reports/:period',
        'POST /api/imports',
        'POST /api/users',
        'PUT /api/indicators/:id/target',
        'POST /api/rounds/:id/close',
      ]),
    );
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  /** Fresh users of every role for one route (logout or a password change there must not leak into the next). */
  async function actorsFor(): Promise<Record<RoleCode, string>> {
    const jwt = app.get(JwtService);
    const bearers = {} as Record<RoleCode, string>;
    for (const role of ROLES) {
      const bound = role === 'leader' || role === 'lead' ? departmentId : null;
      const user = await insertUser(ds, { role, departmentId: bound });
      const [session] = await ds.query(
        `INSERT INTO refresh_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour') RETURNING id`,
        [user.id, randomBytes(32).toString('hex')],
      );
      bearers[role] =
        `Bearer ${await jwt.signAsync({ sub: user.id, sid: session.id, role }, { expiresIn: 900 })}`;
      if (role === 'lead')
        await ds.query(
          `INSERT INTO project_assignments (project_id, user_id) SELECT id, $2 FROM projects WHERE fiscal_year_id = $1`,
          [fiscalYearId, user.id],
        );
    }
    return bearers;
  }

  function caseArbitrary(route: WriteRoute): fc.Arbitrary<Case> {
    const allowed = route.roles ?? ROLES;
    const others = ROLES.filter((r) => !allowed.includes(r));
    const auth: fc.Arbitrary<Auth> = route.public
      ? fc.constant({ kind: 'none' })
      : fc.oneof(
          {
            weight: 12,
            arbitrary: fc.constantFrom(...allowed).map((role): Auth => ({ kind: 'role', role })),
          },
          ...(others.length
            ? [
                {
                  weight: 1,
                  arbitrary: fc.constantFrom(...others).map((role): Auth => ({ kind: 'role', role })),
                },
              ]
            : []),
          { weight: 1, arbitrary: fc.constantFrom<Auth>({ kind: 'none' }, { kind: 'forged' }) },
        );
    const segments = route.path.split('/');
    const params = fc.tuple(
      ...route.params.map((name) => {
        const before = segments[segments.indexOf(`:${name}`) - 1] ?? '';
        return pathParamArbitrary(name, before, pools, known);
      }),
    );
    const body: fc.Arbitrary<Case['body']> = route.multipart
      ? uploadArbitrary(() => JSON.parse(smallDocument)).map((file) => ({ kind: 'upload' as const, file }))
      : fc.oneof(
          {
            weight: 15,
            arbitrary: bodyArbitrary(route.bodyType, pools, hints).map((value) => ({
              kind: 'json' as const,
              value,
            })),
          },
          { weight: 1, arbitrary: malformedJson().map((raw) => ({ kind: 'malformed' as const, raw })) },
        );
    const query = route.queryType
      ? bodyArbitrary(route.queryType, pools, hints).map((value) =>
          value && typeof value === 'object' && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : {},
        )
      : fc.constant({});
    return fc.record({ auth, params, body, query });
  }

  async function send(route: WriteRoute, c: Case, bearers: Record<RoleCode, string>) {
    let url = route.path;
    route.params.forEach((name, i) => {
      url = url.replace(`:${name}`, safeEncode(c.params[i]));
    });
    const query = new URLSearchParams(
      Object.entries(c.query).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
    if (query) url += `?${query}`;
    let req = request(app.getHttpServer())[route.method.toLowerCase() as 'post'](url);
    if (c.auth.kind === 'role') req = req.set('Authorization', bearers[c.auth.role]);
    if (c.auth.kind === 'forged') req = req.set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.e30.');
    if (c.body.kind === 'upload') {
      const file = c.body.file;
      return file ? req.attach(file.fieldName, file.content, file.fileName) : req.field('note', 'no file');
    }
    const raw = c.body.kind === 'malformed' ? c.body.raw : (JSON.stringify(c.body.value) ?? 'null');
    return req.set('Content-Type', 'application/json').send(raw);
  }

  it('should answer every generated request without a 5xx, and every 4xx in the one error shape naming fields', async () => {
    const perRoute = Math.ceil(TOTAL_CASES / routes.length);
    for (const [routeIndex, route] of routes.entries()) {
      const bearers = await actorsFor();
      await ds.query(`DELETE FROM period_locks WHERE fiscal_year_id = $1`, [fiscalYearId]);
      const statuses = new Map<number, number>();
      outcomes.set(route.name, statuses);
      await fc.assert(
        fc.asyncProperty(caseArbitrary(route), async (c) => {
          const res = await send(route, c, bearers);
          totalCases++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const fieldNames = new Set([
            ...route.params,
            ...Object.keys(c.query),
            ...(c.body.kind === 'json' && c.body.value && typeof c.body.value === 'object'
              ? Object.keys(c.body.value)
              : []),
          ]);
          const problem = contractViolation(res.status, res.body, fieldNames, route.multipart);
          const known = problem && KNOWN_DEFECTS.find((d) => d.matches(c, res.status, res.body ?? {}));
          if (known) knownHits.set(known.id, (knownHits.get(known.id) ?? 0) + 1);
          // Collected rather than thrown: one run lists every kind of breach on every route.
          else if (problem) {
            const key = `${route.name}: ${problem}`;
            const seen = violations.get(key) ?? [];
            if (seen.length < 2) seen.push(describeCase(c, res.body));
            violations.set(key, seen);
          }
        }),
        { numRuns: perRoute, seed: SEED + routeIndex },
      );
    }
    // The spread of answers per route, for whoever reads the log of a failing run.
    if (process.env.FUZZ_VERBOSE)
      for (const [name, statuses] of outcomes)
        process.stdout.write(`${name}: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    if (knownHits.size)
      process.stdout.write(
        `Known, still unfixed breaches hit: ${JSON.stringify(Object.fromEntries(knownHits))}\n`,
      );
    expect(Object.fromEntries(violations)).toEqual({});
    expect(totalCases).toBeGreaterThanOrEqual(TOTAL_CASES);
    // The generator must get past validation and the guards into the services often enough to mean something.
    const deep = [...outcomes.values()]
      .flatMap((s) => [...s])
      .filter(([status]) => ![400, 401, 403].includes(status))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(deep / totalCases).toBeGreaterThan(0.15);
  }, 300_000);
});

function describeCase(c: Case, response: unknown): string {
  const body =
    c.body.kind === 'upload'
      ? c.body.file && { ...c.body.file, content: `${c.body.file.content.length} bytes` }
      : c.body.kind === 'json'
        ? c.body.value
        : c.body.raw;
  const text = JSON.stringify({ auth: c.auth, params: c.params, query: c.query, body });
  return `${text.slice(0, 300)} → ${JSON.stringify(response).slice(0, 300)}`;
}

function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate cannot be percent-encoded; send its replacement.
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}
