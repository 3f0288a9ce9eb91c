import { MigrationInterface, QueryRunner } from 'typeorm';

/** Foreign keys into monitored data that cascaded a delete; from here on such a delete is refused. */
const RESTRICTED: [table: string, constraint: string, column: string, target: string][] = [
  ['projects', 'fk_projects_fiscal_year', 'fiscal_year_id', 'fiscal_years'],
  ['goals', 'fk_goals_fiscal_year', 'fiscal_year_id', 'fiscal_years'],
  ['goals', 'fk_goals_project', 'project_id', 'projects'],
  ['indicators', 'fk_indicators_goal', 'goal_id', 'goals'],
  ['indicators', 'fk_indicators_node', 'node_id', 'indicator_nodes'],
  ['progress_reports', 'fk_progress_reports_indicator', 'indicator_id', 'indicators'],
  ['evidence_files', 'fk_evidence_files_report', 'progress_report_id', 'progress_reports'],
  ['budget_executions', 'fk_budget_executions_project', 'project_id', 'projects'],
  ['report_periods', 'fk_report_periods_fiscal_year', 'fiscal_year_id', 'fiscal_years'],
  ['report_periods', 'fk_report_periods_project', 'project_id', 'projects'],
  ['period_locks', 'fk_period_locks_fiscal_year', 'fiscal_year_id', 'fiscal_years'],
  ['monitoring_rounds', 'fk_monitoring_rounds_fiscal_year', 'fiscal_year_id', 'fiscal_years'],
  ['self_evaluations', 'fk_self_evaluations_fiscal_year', 'fiscal_year_id', 'fiscal_years'],
  ['self_evaluations', 'fk_self_evaluations_project', 'project_id', 'projects'],
  ['self_evaluation_items', 'fk_self_evaluation_items_evaluation', 'self_evaluation_id', 'self_evaluations'],
  ['self_evaluation_items', 'fk_self_evaluation_items_indicator', 'indicator_id', 'indicators'],
  ['project_assignments', 'fk_project_assignments_project', 'project_id', 'projects'],
];

/**
 * Nothing monitored is deleted any more: a project, goal or indicator that a new document no longer holds is
 * archived (archived_at set) and restored with the same id when it comes back; the foreign keys that used to
 * cascade a delete into reports, budget execution, evidence, self-evaluations and assignments now refuse it.
 */
export class ArchiveInsteadOfDelete1764100000010 implements MigrationInterface {
  name = 'ArchiveInsteadOfDelete1764100000010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['projects', 'goals', 'indicators'])
      await queryRunner.query(`ALTER TABLE "${table}" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    for (const [table, constraint, column, target] of RESTRICTED) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, constraint, column, target] of [...RESTRICTED].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
    for (const table of ['indicators', 'goals', 'projects'])
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "archived_at"`);
  }
}
