import { INestApplication } from '@nestjs/common';
import Ajv, { type ValidateFunction } from 'ajv';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildApiDocumentOffline } from '../src/common/openapi/api-document';
import { uniqueCode } from './factories/department.factory';
import { insertUser, signIn } from './factories/user.factory';
import {
  annualIndicators,
  insertPeriod,
  loadDepartment,
  type LoadedDepartment,
} from './read-api/read-fixtures';
import { createTestApp } from './setup/test-app';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/**
 * OpenAPI 3.0 → JSON Schema for Ajv: `nullable: true` (also beside an enum or a $ref, as openapi-typescript reads
 * it: `| null`) becomes "that, or null"; refs point into the document registered as 'api'; an object allows
 * no property it does not declare.
 */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/', 'api#/components/')
        : jsonSchema(value),
    ]),
  );
  // A field the API sends but the document does not declare would be missing from the frontend's types.
  if (converted['properties'] && !('additionalProperties' in converted))
    converted['additionalProperties'] = false;
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

/**
 * The OpenAPI document is what the frontend's types are generated from (`npm run api:types`): real answers of
 * the API must match the response schemas it declares, field by field, including null and the enums.
 */
describe('Answers match the OpenAPI document', () => {
  let app: INestApplication;
  let ds: DataSource;
  let dept: LoadedDepartment;
  let admin: string;
  let lead: string;
  let projectId: string;
  let indicatorId: string;
  let paths: Record<string, Partial<Record<Method, Operation>>>;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    const document = await buildApiDocumentOffline();
    paths = document.paths as typeof paths;
    ajv.addSchema(jsonSchema({ components: document.components }) as object, 'api');
    dept = await loadDepartment(app, ds, uniqueCode());
    projectId = dept.projects[0].id;
    indicatorId = (await annualIndicators(ds, dept.fiscalYearId)).find(
      (indicator) => indicator.projectId === projectId,
    )!.id;
    await insertPeriod(ds, dept.fiscalYearId, projectId, '2025-05', 'submitted');
    const user = await insertUser(ds, { role: 'lead', departmentId: dept.departmentId });
    await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
      projectId,
      user.id,
    ]);
    const login = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    lead = `Bearer ${login.body.accessToken}`;
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
  });

  afterAll(async () => {
    await app.close();
  });

  /** The schema the document declares for this route's answer with that status. */
  function validatorFor(method: Method, path: string, status: number): ValidateFunction {
    const operation = paths[path]?.[method];
    const schema = operation?.responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} declares no JSON answer for ${status}`);
    return ajv.compile(jsonSchema(schema) as object);
  }

  async function expectDocumented(
    method: Method,
    path: string,
    url: string,
    bearer: string,
    body?: object,
    status = 200,
  ): Promise<void> {
    const call = request(app.getHttpServer())[method](url).set('Authorization', bearer);
    const res = await (body ? call.send(body) : call).expect(status);
    const validate = validatorFor(method, path, status);
    const valid = validate(JSON.parse(JSON.stringify(res.body)));
    expect({ route: `${method.toUpperCase()} ${path}`, errors: valid ? null : validate.errors }).toEqual({
      route: `${method.toUpperCase()} ${path}`,
      errors: null,
    });
  }

  it('should answer the reads of the department, its projects and dashboards as documented', async () => {
    const year = `/api/departments/${dept.code}/years/2025`;
    await expectDocumented('get', '/api/departments', '/api/departments', admin);
    await expectDocumented('get', '/api/departments/{code}/years/{year}', year, admin);
    await expectDocumented('get', '/api/departments/{code}/years/{year}/projects', `${year}/projects`, admin);
    await expectDocumented('get', '/api/projects/{id}', `/api/projects/${projectId}?asOf=2025-06`, admin);
    await expectDocumented(
      'get',
      '/api/departments/{code}/years/{year}/dashboard',
      `${year}/dashboard`,
      admin,
    );
    await expectDocumented('get', '/api/dashboard', '/api/dashboard?year=2025', admin);
    await expectDocumented('get', '/api/users', '/api/users', admin);
    await expectDocumented('get', '/api/auth/me', '/api/auth/me', admin);
    await expectDocumented('get', '/api/app-info', '/api/app-info', admin);
  });

  it('should answer the monitoring writes, locks and tasks as documented', async () => {
    await expectDocumented(
      'put',
      '/api/indicators/{id}/reports/{period}',
      `/api/indicators/${indicatorId}/reports/2025-06`,
      lead,
      { version: 0, actual: '3', reasons: [] },
    );
    await expectDocumented(
      'put',
      '/api/projects/{id}/budget-execution/{period}',
      `/api/projects/${projectId}/budget-execution/2025-06`,
      lead,
      { version: 0, executed: 1000 },
    );
    await expectDocumented(
      'post',
      '/api/projects/{id}/periods/{period}/return',
      `/api/projects/${projectId}/periods/2025-05/return`,
      await signIn(app, ds, 'leader', dept.departmentId).then((session) => session.bearer),
      { reason: '请补充佐证材料' },
    );
    await expectDocumented('get', '/api/me/tasks', '/api/me/tasks', lead);
    const locks = `/api/departments/${dept.code}/years/2025/locks`;
    await expectDocumented(
      'put',
      '/api/departments/{code}/years/{year}/locks/{period}',
      `${locks}/2025-03`,
      admin,
      {
        reason: '季度监控',
      },
    );
    await expectDocumented('get', '/api/departments/{code}/years/{year}/locks', locks, admin);
  });

  it('should answer the self-evaluations as documented', async () => {
    await expectDocumented(
      'get',
      '/api/projects/{id}/self-evaluation/{year}',
      `/api/projects/${projectId}/self-evaluation/2025`,
      admin,
    );
    await expectDocumented(
      'get',
      '/api/departments/{code}/years/{year}/self-evaluation',
      `/api/departments/${dept.code}/years/2025/self-evaluation`,
      admin,
    );
  });
});
