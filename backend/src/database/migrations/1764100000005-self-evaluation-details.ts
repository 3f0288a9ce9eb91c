import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-evaluation (绩效自评) details: section weights (分值), the admin's per-indicator weight, the evaluator's
 * score inside a 定性 band, where a submitted actual or executed amount came from, and the workflow stamps.
 */
export class SelfEvaluationDetails1764100000005 implements MigrationInterface {
  name = 'SelfEvaluationDetails1764100000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "executed_from_period" character(7)`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "output_weight" numeric(6,2) NOT NULL DEFAULT '50'`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "benefit_weight" numeric(6,2) NOT NULL DEFAULT '30'`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "satisfaction_weight" numeric(6,2) NOT NULL DEFAULT '10'`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "submitted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "submitted_by" uuid`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "reviewed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "updated_by" uuid`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" ADD "actual_from_period" character(7)`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" ADD "weight_override" numeric(6,2)`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" ADD "picked_score" numeric(6,2)`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD CONSTRAINT "ck_self_evaluations_executed_from" CHECK ("executed_from_period" IS NULL OR "executed_from_period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD CONSTRAINT "ck_self_evaluations_return_reason" CHECK ("status" <> 'returned' OR "return_reason" IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD CONSTRAINT "ck_self_evaluations_section_weights" CHECK ("output_weight" >= 0 AND "output_weight" <= 100 AND "benefit_weight" >= 0 AND "benefit_weight" <= 100 AND "satisfaction_weight" >= 0 AND "satisfaction_weight" <= 100)`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" ADD CONSTRAINT "ck_self_evaluation_items_actual_from" CHECK ("actual_from_period" IS NULL OR "actual_from_period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" ADD CONSTRAINT "ck_self_evaluation_items_picked_score" CHECK ("picked_score" IS NULL OR ("picked_score" >= 0 AND "picked_score" <= 100))`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" ADD CONSTRAINT "ck_self_evaluation_items_weight_override" CHECK ("weight_override" IS NULL OR ("weight_override" >= 0 AND "weight_override" <= 100))`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD CONSTRAINT "fk_self_evaluations_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD CONSTRAINT "fk_self_evaluations_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD CONSTRAINT "fk_self_evaluations_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP CONSTRAINT "fk_self_evaluations_updated_by"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP CONSTRAINT "fk_self_evaluations_reviewed_by"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP CONSTRAINT "fk_self_evaluations_submitted_by"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" DROP CONSTRAINT "ck_self_evaluation_items_weight_override"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" DROP CONSTRAINT "ck_self_evaluation_items_picked_score"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" DROP CONSTRAINT "ck_self_evaluation_items_actual_from"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP CONSTRAINT "ck_self_evaluations_section_weights"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP CONSTRAINT "ck_self_evaluations_return_reason"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP CONSTRAINT "ck_self_evaluations_executed_from"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" DROP COLUMN "picked_score"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" DROP COLUMN "weight_override"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation_items" DROP COLUMN "actual_from_period"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "updated_by"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "reviewed_by"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "reviewed_at"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "submitted_by"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "submitted_at"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "satisfaction_weight"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "benefit_weight"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "output_weight"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "executed_from_period"`);
  }
}
