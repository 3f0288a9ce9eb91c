import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Warnings on a saved report (a 万 that makes a small target huge, more than 3× due, a cumulative figure that
 * fell): kept with the report, and whether the lead acknowledged them, which submitting requires.
 */
export class ReportWarnings1764100000030 implements MigrationInterface {
  name = 'ReportWarnings1764100000030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_reports" ADD "warnings" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD "warnings_acknowledged" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP COLUMN "warnings_acknowledged"`);
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP COLUMN "warnings"`);
  }
}
