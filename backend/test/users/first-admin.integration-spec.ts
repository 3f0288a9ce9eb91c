import { DataSource } from 'typeorm';
import { createAdmin, hasActiveAdmin } from '../../src/cli/first-admin';
import { readAuthConfig } from '../../src/config/auth.config';
import { dataSourceOptions } from '../../src/database/data-source.options';
import { AuditService } from '../../src/modules/audit/audit.service';
import { DemoAccountsService } from '../../src/modules/users/demo-accounts.service';
import { UsersRepository } from '../../src/modules/users/users.repository';
import { insertDepartmentYear } from '../factories/department.factory';
import { createScratchDatabase, ScratchDatabase } from '../setup/test-database';

/** A database of its own: it must start without any administrator, and demo accounts take fixed names. */
describe('first administrator and demo accounts', () => {
  let scratch: ScratchDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    ds = await new DataSource(dataSourceOptions(scratch.connection)).initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch?.drop();
  });

  it('should create an audited administrator who may use the password at once, when none exists yet', async () => {
    expect(await hasActiveAdmin(ds)).toBe(false);
    const admin = await createAdmin(ds, 'Chief', 'First-Admin-2025');
    expect(await hasActiveAdmin(ds)).toBe(true);
    const [row] = await ds.query(
      `SELECT username, role_code AS role, must_change_password AS "mustChange", active FROM users WHERE id = $1`,
      [admin.id],
    );
    expect(row).toEqual({ username: 'chief', role: 'admin', mustChange: false, active: true });
    const audit = await ds.query(`SELECT action, actor_name AS actor FROM audit_log WHERE entity_id = $1`, [
      admin.id,
    ]);
    expect(audit).toEqual([{ action: 'user.create-admin', actor: 'cli' }]);
  });

  it.each([
    ['a weak password', 'second', 'weakpass', 'password', '至少 10 位'],
    ['a password containing the username', 'second', 'Second-2025-x', 'password', '不能包含用户名'],
    ['a bad username', 'x', 'First-Admin-2025', 'username', '3–64 位'],
    ['a taken username', 'chief', 'Other-Admin-2025', 'username', '已存在'],
  ])('should refuse %s, naming the field', async (_case, username, password, field, message) => {
    const error = await createAdmin(ds, username, password).catch((e: unknown) => e);
    const body = (error as { getResponse(): { errors: Record<string, string> } }).getResponse();
    expect(body.errors[field]).toContain(message);
  });

  it('should not make the demo accounts change their password', async () => {
    // The demo leader belongs to the first department, so one must exist.
    await insertDepartmentYear(ds);
    const service = new DemoAccountsService(
      ds,
      new UsersRepository(ds),
      new AuditService(),
      readAuthConfig({ NODE_ENV: 'development' }),
    );
    await service.ensure();
    const rows = await ds.query(
      `SELECT username, must_change_password AS "mustChange" FROM users WHERE username IN ('admin', 'leader', 'auditor') ORDER BY username`,
    );
    expect(rows).toEqual([
      { username: 'admin', mustChange: false },
      { username: 'auditor', mustChange: false },
      { username: 'leader', mustChange: false },
    ]);
  });
});
