import { MigrationInterface, QueryRunner } from 'typeorm';

/** Columns that let the normalized budget document round-trip through the tables without loss. */
export class DocumentFidelity1764100000003 implements MigrationInterface {
  name = 'DocumentFidelity1764100000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goals" ADD "label" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD "side" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD "level" smallint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD "category" text`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD CONSTRAINT "ck_budget_lines_side" CHECK ("side" IS NULL OR "side" IN ('income', 'expenditure'))`);
    await queryRunner.query(`ALTER TABLE "spending_details" ADD "classification_code" character varying(16)`);
    // json (not jsonb) keeps the document's key order, so an export reproduces the imported file byte for byte.
    await queryRunner.query(`ALTER TABLE "fiscal_years" ALTER COLUMN "overview" TYPE json USING "overview"::json`);
    await queryRunner.query(`ALTER TABLE "projects" ALTER COLUMN "extra" TYPE json USING "extra"::json`);
    await queryRunner.query(`ALTER TABLE "indicators" ALTER COLUMN "target_parsed" TYPE json USING "target_parsed"::json`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicators" ALTER COLUMN "target_parsed" TYPE jsonb USING "target_parsed"::jsonb`);
    await queryRunner.query(`ALTER TABLE "projects" ALTER COLUMN "extra" TYPE jsonb USING "extra"::jsonb`);
    await queryRunner.query(`ALTER TABLE "fiscal_years" ALTER COLUMN "overview" TYPE jsonb USING "overview"::jsonb`);
    await queryRunner.query(`ALTER TABLE "spending_details" DROP COLUMN "classification_code"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP CONSTRAINT "ck_budget_lines_side"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP COLUMN "category"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP COLUMN "level"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP COLUMN "side"`);
    await queryRunner.query(`ALTER TABLE "goals" DROP COLUMN "label"`);
  }
}
