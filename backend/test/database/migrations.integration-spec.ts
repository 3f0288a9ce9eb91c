import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.options';
import { MIGRATIONS } from '../../src/database/migrations';
import { createScratchDatabase, openTestDataSource, ScratchDatabase } from '../setup/test-database';

const EXPECTED_TABLES = [
  'audit_log',
  'budget_amounts',
  'budget_executions',
  'budget_lines',
  'department_reporters',
  'departments',
  'evidence_files',
  'fiscal_years',
  'funding_sources',
  'goal_trees',
  'goals',
  'import_runs',
  'indicator_nodes',
  'indicator_target_history',
  'indicators',
  'mail_outbox',
  'monitoring_rounds',
  'monitoring_rule_settings',
  'notifications',
  'period_locks',
  'procurement_items',
  'progress_reports',
  'project_assignments',
  'projects',
  'refresh_token_rotations',
  'refresh_tokens',
  'report_periods',
  'roles',
  'schema_migrations',
  'self_evaluation_items',
  'self_evaluations',
  'spending_details',
  'target_adjustment_items',
  'target_adjustments',
  'target_review_rule_settings',
  'users',
];

const listTables = async (ds: DataSource): Promise<string[]> =>
  (
    await ds.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((r) => r.table_name);

describe('migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('should create every table of the domain model', async () => {
    expect(await listTables(dataSource)).toEqual(EXPECTED_TABLES);
  });

  it('should leave nothing for TypeORM to change when the entities and the migrations agree', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('should seed the four roles', async () => {
    const roles = await dataSource.query(`SELECT code, name FROM roles ORDER BY code`);
    expect(roles).toEqual([
      { code: 'admin', name: '绩效管理员' },
      { code: 'auditor', name: '审计员' },
      { code: 'lead', name: '项目负责人' },
      { code: 'leader', name: '部门领导' },
    ]);
  });

  it('should put a version column on every table users edit', async () => {
    const rows = await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'version' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'indicators',
        'progress_reports',
        'budget_executions',
        'report_periods',
        'projects',
        'goal_trees',
        'goals',
        'users',
        'self_evaluations',
        'self_evaluation_items',
      ]),
    );
  });

  describe('revert', () => {
    let scratch: ScratchDatabase;

    beforeAll(async () => {
      scratch = await createScratchDatabase();
    });

    afterAll(async () => {
      await scratch.drop();
    });

    it('should revert every migration down to an empty schema and apply them again', async () => {
      const ds = await new DataSource(dataSourceOptions(scratch.connection)).initialize();
      try {
        await ds.runMigrations();
        expect(await listTables(ds)).toEqual(EXPECTED_TABLES);
        for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
        expect(await listTables(ds)).toEqual(['schema_migrations']);
        await ds.runMigrations();
        expect(await listTables(ds)).toEqual(EXPECTED_TABLES);
      } finally {
        await ds.destroy();
      }
    });
  });
});
