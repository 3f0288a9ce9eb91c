import { MigrationInterface, QueryRunner } from 'typeorm';

/** A department-year's switches of the target-quality review rules (目标质量审查), each with its reason. */
export class TargetReviewRuleSettings1764100000600 implements MigrationInterface {
  name = 'TargetReviewRuleSettings1764100000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "target_review_rule_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "department_id" uuid NOT NULL, "year" integer NOT NULL, "rule_id" character varying(64) NOT NULL, "enabled" boolean NOT NULL, "reason" text NOT NULL DEFAULT '', "updated_by" uuid, CONSTRAINT "uq_target_review_rule_settings_rule" UNIQUE ("department_id", "year", "rule_id"), CONSTRAINT "ck_target_review_rule_settings_reason" CHECK ("enabled" OR length(btrim("reason")) > 0), CONSTRAINT "ck_target_review_rule_settings_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "PK_target_review_rule_settings" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "target_review_rule_settings" ADD CONSTRAINT "fk_target_review_rule_settings_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "target_review_rule_settings" ADD CONSTRAINT "fk_target_review_rule_settings_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "target_review_rule_settings"`);
  }
}
