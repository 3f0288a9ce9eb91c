import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DemoAccountsService } from '../../src/modules/users/demo-accounts.service';
import { insertDepartmentYear, insertProject } from '../factories/department.factory';
import { createTestApp } from '../setup/test-app';

describe(DemoAccountsService.name, () => {
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
  });

  afterAll(async () => {
    await app.close();
  });

  it('should bind the demo leader and every demo lead to the first department', async () => {
    // Code "0…" sorts before the other tests' departments: this one is the first.
    const dept = await insertDepartmentYear(ds, { code: '000demo' });
    await insertProject(ds, dept.fiscalYearId, { seq: 1 });
    const accounts = await app.get(DemoAccountsService).ensure();
    expect(accounts.map((a) => a.role)).toEqual(expect.arrayContaining(['admin', 'leader', 'lead']));
    const rows: { username: string; departmentId: string | null }[] = await ds.query(
      `SELECT username, department_id AS "departmentId" FROM users WHERE username = ANY($1) AND role_code IN ('lead', 'leader')`,
      [accounts.map((a) => a.username)],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toEqual({ username: row.username, departmentId: dept.departmentId });
  });

  it('should assign each demo lead to its project, once, however often it runs', async () => {
    const service = app.get(DemoAccountsService);
    await service.ensure();
    const accounts = await service.ensure();
    const leads = accounts.filter((a) => a.role === 'lead');
    expect(leads.length).toBeGreaterThan(0);
    const assigned: { username: string; project: string; n: number }[] = await ds.query(
      `SELECT u.username, min(p.name) AS project, count(*)::int AS n
         FROM project_assignments a JOIN users u ON u.id = a.user_id JOIN projects p ON p.id = a.project_id
        WHERE u.username = ANY($1) GROUP BY u.username ORDER BY u.username`,
      [leads.map((a) => a.username)],
    );
    expect(assigned).toEqual(
      [...leads]
        .sort((a, b) => a.username.localeCompare(b.username))
        .map((a) => ({ username: a.username, project: a.project, n: 1 })),
    );
  });
});
