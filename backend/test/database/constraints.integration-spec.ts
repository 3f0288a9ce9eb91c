import { DataSource, QueryFailedError } from 'typeorm';
import { insertDepartmentYear, insertProject } from '../factories/department.factory';
import { openTestDataSource } from '../setup/test-database';

/** The database itself refuses what the domain forbids, whatever code path writes. */
describe('schema constraints', () => {
  let ds: DataSource;
  let fiscalYearId: string;
  let projectId: string;
  let goalId: string;
  let nodeId: string;
  let indicatorId: string;

  const failure = async (sql: string, params: unknown[]): Promise<string | undefined> => {
    try {
      await ds.query(sql, params);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(QueryFailedError);
      const driverError = (error as QueryFailedError & { driverError: { constraint?: string; code: string } })
        .driverError;
      return driverError.constraint ?? driverError.code;
    }
  };

  beforeAll(async () => {
    ds = await openTestDataSource();
    ({ fiscalYearId } = await insertDepartmentYear(ds));
    projectId = await insertProject(ds, fiscalYearId, { seq: 1, code: 'P-CONSTRAINTS-1' });
    [{ id: goalId }] = await ds.query(
      `INSERT INTO goals (fiscal_year_id, project_id, term, seq, title) VALUES ($1, $2, 'annual', 1, '年度目标') RETURNING id`,
      [fiscalYearId, projectId],
    );
    const [{ id: level1 }] = await ds.query(
      `INSERT INTO indicator_nodes (goal_id, level, name, seq) VALUES ($1, 1, '产出指标', 1) RETURNING id`,
      [goalId],
    );
    [{ id: nodeId }] = await ds.query(
      `INSERT INTO indicator_nodes (goal_id, parent_id, level, name, seq) VALUES ($1, $2, 2, '数量指标', 1) RETURNING id`,
      [goalId, level1],
    );
    [{ id: indicatorId }] = await ds.query(
      `INSERT INTO indicators (goal_id, node_id, seq, name, target_raw) VALUES ($1, $2, 1, '培训人数', '3000 人/年') RETURNING id`,
      [goalId, nodeId],
    );
  });

  afterAll(async () => {
    await ds.destroy();
  });

  it.each([
    [
      'a duplicate project code in one year',
      `INSERT INTO projects (fiscal_year_id, seq, code, name, budget_yuan) VALUES ($1, 2, 'P-CONSTRAINTS-1', '重复', 1)`,
      'uq_projects_year_code',
    ],
    [
      'a negative budget',
      `INSERT INTO projects (fiscal_year_id, seq, name, budget_yuan) VALUES ($1, 3, '负数', -1)`,
      'ck_projects_amounts',
    ],
    [
      'an unknown goal term',
      `INSERT INTO goals (fiscal_year_id, term, seq, title) VALUES ($1, 'mid', 1, 'x')`,
      'ck_goals_term',
    ],
    ['a year outside 2000–2100', `UPDATE fiscal_years SET year = 1999 WHERE id = $1`, 'ck_fiscal_years_year'],
  ])('should refuse %s', async (_case, sql, constraint) => {
    expect(await failure(sql, [fiscalYearId])).toBe(constraint);
  });

  it.each([
    [
      'a malformed period',
      `INSERT INTO progress_reports (indicator_id, period, actual_raw) VALUES ($1, '2025-13', '1')`,
      'ck_progress_reports_period',
    ],
    [
      'an unknown likelihood',
      `INSERT INTO progress_reports (indicator_id, period, actual_raw, likelihood) VALUES ($1, '2025-01', '1', '大概')`,
      'ck_progress_reports_likelihood',
    ],
    [
      'an unknown deviation reason',
      `INSERT INTO progress_reports (indicator_id, period, actual_raw, reasons) VALUES ($1, '2025-02', '1', ARRAY['天气'])`,
      'ck_progress_reports_reasons',
    ],
    [
      'an unknown operator',
      `UPDATE indicators SET target_operator = '~', target_direction = 'higher', target_accumulation = 'level', target_confidence = 'explicit' WHERE id = $1`,
      'ck_indicators_operator',
    ],
    [
      'a half-filled structured target',
      `UPDATE indicators SET target_operator = '>=' WHERE id = $1`,
      'ck_indicators_structured',
    ],
    [
      'a range with min above max',
      `UPDATE indicators SET target_operator = 'between', target_direction = 'exact', target_accumulation = 'level', target_confidence = 'explicit', target_min = 2, target_max = 1 WHERE id = $1`,
      'ck_indicators_between',
    ],
  ])('should refuse %s on an indicator', async (_case, sql, constraint) => {
    expect(await failure(sql, [indicatorId])).toBe(constraint);
  });

  it('should refuse a second report for the same indicator and period', async () => {
    await ds.query(
      `INSERT INTO progress_reports (indicator_id, period, actual_raw) VALUES ($1, '2025-03', '100')`,
      [indicatorId],
    );
    expect(
      await failure(
        `INSERT INTO progress_reports (indicator_id, period, actual_raw) VALUES ($1, '2025-03', '200')`,
        [indicatorId],
      ),
    ).toBe('uq_progress_reports_indicator_period');
  });

  it('should refuse a returned period without a reason', async () => {
    expect(
      await failure(
        `INSERT INTO report_periods (fiscal_year_id, project_id, period, status) VALUES ($1, $2, '2025-04', 'returned')`,
        [fiscalYearId, projectId],
      ),
    ).toBe('ck_report_periods_return_reason');
  });

  it('should refuse a 二级 node without a parent and a 一级 node with one', async () => {
    expect(
      await failure(`INSERT INTO indicator_nodes (goal_id, level, name, seq) VALUES ($1, 2, '质量指标', 2)`, [
        goalId,
      ]),
    ).toBe('ck_indicator_nodes_parent');
    expect(
      await failure(
        `INSERT INTO indicator_nodes (goal_id, parent_id, level, name, seq) VALUES ($1, $2, 1, '效益指标', 2)`,
        [goalId, nodeId],
      ),
    ).toBe('ck_indicator_nodes_parent');
  });

  it.each([
    ['its project', `DELETE FROM projects WHERE id = $1`, () => projectId, 'fk_goals_project'],
    ['its goal', `DELETE FROM goals WHERE id = $1`, () => goalId, 'fk_indicators_goal'],
    [
      'its indicator',
      `DELETE FROM indicators WHERE id = $1`,
      () => indicatorId,
      'fk_progress_reports_indicator',
    ],
    ['its 二级 node', `DELETE FROM indicator_nodes WHERE id = $1`, () => nodeId, 'fk_indicators_node'],
    [
      'its fiscal year',
      `DELETE FROM fiscal_years WHERE id = $1`,
      () => fiscalYearId,
      'fk_projects_fiscal_year',
    ],
  ])(
    'should refuse to delete %s while a progress report hangs below it (no cascade)',
    async (_what, sql, id, fk) => {
      const [{ id: reportId }] = await ds.query(
        `INSERT INTO progress_reports (indicator_id, period, actual_raw) VALUES ($1, '2025-01', '100') ON CONFLICT (indicator_id, period) DO UPDATE SET actual_raw = '100' RETURNING id`,
        [indicatorId],
      );
      expect(await failure(sql, [id()])).toBe(fk);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM progress_reports WHERE id = $1`, [
        reportId,
      ]);
      expect(n).toBe(1);
    },
  );

  it.each([
    [
      'budget execution',
      `INSERT INTO budget_executions (project_id, period, executed_yuan) VALUES ($1, '2025-02', 10)`,
      'fk_budget_executions_project',
    ],
    [
      'a report period',
      `INSERT INTO report_periods (fiscal_year_id, project_id, period) SELECT fiscal_year_id, id, '2025-02' FROM projects WHERE id = $1`,
      'fk_report_periods_project',
    ],
    [
      'a self-evaluation',
      `INSERT INTO self_evaluations (fiscal_year_id, project_id) SELECT fiscal_year_id, id FROM projects WHERE id = $1`,
      'fk_self_evaluations_project',
    ],
  ])('should refuse to delete a project that has %s, even with no goals', async (_what, insert, fk) => {
    const [{ id: bare }] = await ds.query(
      `INSERT INTO projects (fiscal_year_id, seq, name, budget_yuan) VALUES ($1, (SELECT max(seq) + 1 FROM projects WHERE fiscal_year_id = $1), '无目标项目', 1) RETURNING id`,
      [fiscalYearId],
    );
    await ds.query(insert, [bare]);
    expect(await failure(`DELETE FROM projects WHERE id = $1`, [bare])).toBe(fk);
  });

  it('should never cascade a deleted user into what people entered or were given to do', async () => {
    // Accounts are deactivated, never deleted; should one be deleted by hand, nothing referring to it may vanish.
    // Only the sign-in tokens (the user's own sessions) go with the account.
    const cascading: { table_name: string }[] = await ds.query(
      `SELECT tc.table_name
         FROM information_schema.referential_constraints rc
         JOIN information_schema.table_constraints tc ON tc.constraint_name = rc.constraint_name
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.constraint_name
        WHERE ccu.table_name = 'users' AND rc.delete_rule = 'CASCADE'
        ORDER BY 1`,
    );
    expect(cascading.map((row) => row.table_name)).toEqual(['refresh_tokens']);
  });

  it('should keep the audit log append-only', async () => {
    const [{ id }] = await ds.query(
      `INSERT INTO audit_log (action, entity, entity_id) VALUES ('test.write', 'indicator', $1) RETURNING id`,
      [indicatorId],
    );
    expect(await failure(`UPDATE audit_log SET action = 'rewritten' WHERE id = $1`, [id])).toBe('42501');
    expect(await failure(`DELETE FROM audit_log WHERE id = $1`, [id])).toBe('42501');
    const [row] = await ds.query(`SELECT action FROM audit_log WHERE id = $1`, [id]);
    expect(row.action).toBe('test.write');
  });

  it('should bump the version column through TypeORM saves (optimistic locking)', async () => {
    const [before] = await ds.query(`SELECT version FROM indicators WHERE id = $1`, [indicatorId]);
    await ds.getRepository('Indicator').update({ id: indicatorId }, { basis: '历史数据' });
    const [after] = await ds.query(`SELECT version, basis FROM indicators WHERE id = $1`, [indicatorId]);
    expect(after).toEqual({ version: before.version + 1, basis: '历史数据' });
  });
});
