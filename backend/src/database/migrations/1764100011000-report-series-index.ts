import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projections (预计年末, issue #14) read each monitored indicator's monthly series: its reports' period,
 * actual_value and forecast_value from January to the month. Through the unique (indicator_id, period) index each
 * report costs a visit to the table, whose rows are wide (raw texts, reasons, explanations) and spread over as many
 * pages as there were monthly rounds. This covering index answers the series from the index alone (an index-only
 * scan once the pages are all-visible): a department's series read 15.4 → 10.1 ms p50 (docs/benchmarks.md).
 * TypeORM cannot describe INCLUDE: the entity declares it with `synchronize: false`.
 */
export class ReportSeriesIndex1764100011000 implements MigrationInterface {
  name = 'ReportSeriesIndex1764100011000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_progress_reports_series" ON "progress_reports" ("indicator_id", "period") INCLUDE ("actual_value", "forecast_value")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_progress_reports_series"`);
  }
}
