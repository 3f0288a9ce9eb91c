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
});
