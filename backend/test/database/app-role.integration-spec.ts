import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appRoleGrants } from '../../src/database/app-role';
import { dataSourceOptions } from '../../src/database/data-source.options';
import { runMigrationsAs } from '../../src/database/run-migrations';
import { insertDepartmentYear, insertProject } from '../factories/department.factory';
import { createScratchDatabase, ScratchDatabase, serverUrl } from '../setup/test-database';

// Roles are a server's: the embedded database has a single user, so this runs against DATABASE_URL's server.
const onServer = serverUrl() ? describe : describe.skip;

onServer('the app role under MIGRATION_DATABASE_URL (docs/security.md)', () => {
  const role = `jixiao_app_${randomBytes(4).toString('hex')}`;
  let scratch: ScratchDatabase;
  let app: DataSource;

  const refusal = async (sql: string): Promise<string> => {
    try {
      await app.query(sql);
    } catch (error) {
      return (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? 'error';
    }
    return 'accepted';
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase('jixiao_role');
    const server = new Client({ connectionString: scratch.connection.url });
    await server.connect();
    await server.query(`CREATE ROLE "${role}" LOGIN`);
    await server.end();
    const url = new URL(scratch.connection.url);
    url.username = role;
    url.password = '';
    // As at a production start: the owner migrates, then grants the role of DATABASE_URL its rights.
    const applied = await runMigrationsAs(scratch.connection.url, url.toString());
    expect(applied.length).toBeGreaterThan(0);
    app = await new DataSource(
      dataSourceOptions({ url: url.toString(), poolSize: 2, runMigrations: false }),
    ).initialize();
  });

  afterAll(async () => {
    await app?.destroy();
    await scratch?.drop();
    const server = new Client({ connectionString: serverUrl() });
    await server.connect();
    await server.query(`DROP ROLE IF EXISTS "${role}"`);
    await server.end();
  });

  it('should let the app read and write the data it owns', async () => {
    const { fiscalYearId } = await insertDepartmentYear(app);
    const projectId = await insertProject(app, fiscalYearId, { seq: 1, name: '权限测试项目' });
    await app.query(`UPDATE projects SET name = '改名' WHERE id = $1`, [projectId]);
    const [row] = await app.query(`SELECT name FROM projects WHERE id = $1`, [projectId]);
    expect(row.name).toBe('改名');
  });

  it('should let the app append to the audit log and read it', async () => {
    await app.query(`INSERT INTO audit_log (action, entity) VALUES ('test.append', 'test')`);
    const [row] = await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.append'`);
    expect(row.n).toBe(1);
  });

  it.each([
    ['change an audit row', `UPDATE audit_log SET action = 'forged'`, '42501'],
    ['delete audit rows', `DELETE FROM audit_log`, '42501'],
    ['truncate the audit log', `TRUNCATE audit_log`, '42501'],
    ['drop the append-only trigger', `DROP TRIGGER audit_log_no_update_delete ON audit_log`, '42501'],
    ['disable the triggers', `ALTER TABLE audit_log DISABLE TRIGGER ALL`, '42501'],
    ['drop a table', `DROP TABLE progress_reports`, '42501'],
    ['create a table', `CREATE TABLE shadow (id int)`, '42501'],
    ['rewrite the migration history', `DELETE FROM schema_migrations`, '42501'],
  ])('should refuse the app role to %s', async (_what, sql, code) => {
    expect(await refusal(sql)).toBe(code);
  });

  it('should refuse a role name that is not a plain identifier', () => {
    expect(() => appRoleGrants('app"; DROP TABLE users; --')).toThrow(/plain role name/);
  });

  it('should find every migration applied by the owner and none pending for the app', async () => {
    expect(await app.showMigrations()).toBe(false);
  });
});
