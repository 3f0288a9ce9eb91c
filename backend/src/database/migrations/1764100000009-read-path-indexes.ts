import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found missing by the benchmarks (docs/benchmarks.md): every dashboard, project list and import reads goals
 * and report periods by fiscal year, and deleting indicators or 一级 nodes checked their referencing rows by scanning.
 */
export class ReadPathIndexes1764100000009 implements MigrationInterface {
  name = 'ReadPathIndexes1764100000009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_goals_fiscal_year_term" ON "goals" ("fiscal_year_id", "term")`);
    // On period::text: the overdue-report query joins period with unnest(text[]), which casts the column.
    await queryRunner.query(
      `CREATE INDEX "ix_report_periods_year_period" ON "report_periods" ("fiscal_year_id", ("period"::text))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_indicator_nodes_parent" ON "indicator_nodes" ("parent_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_self_evaluation_items_indicator" ON "self_evaluation_items" ("indicator_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_self_evaluation_items_indicator"`);
    await queryRunner.query(`DROP INDEX "public"."ix_indicator_nodes_parent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_periods_year_period"`);
    await queryRunner.query(`DROP INDEX "public"."ix_goals_fiscal_year_term"`);
  }
}
