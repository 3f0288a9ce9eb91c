import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A department-year's monitoring and scoring rules (监控规则, docs/domain.md "Rules as settings") as one JSON
 * object; and the scoring profile each self-evaluation was scored with, so its score can be reproduced.
 */
export class MonitoringRuleSettings1764100005000 implements MigrationInterface {
  name = 'MonitoringRuleSettings1764100005000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "monitoring_rule_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fiscal_year_id" uuid NOT NULL, "settings" jsonb NOT NULL, "updated_by" uuid, CONSTRAINT "uq_monitoring_rule_settings_fiscal_year" UNIQUE ("fiscal_year_id"), CONSTRAINT "ck_monitoring_rule_settings_settings" CHECK (jsonb_typeof("settings") = 'object' AND "settings" ?& ARRAY['thresholds', 'budgetCheckpoints', 'consistencyGap', 'projectLight', 'reasonLights', 'overCompletionFrom', 'scoring'] AND "settings"->>'projectLight' IN ('indicators', 'worst', 'dual')), CONSTRAINT "PK_monitoring_rule_settings" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "monitoring_rule_settings" ADD CONSTRAINT "fk_monitoring_rule_settings_fiscal_year" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "monitoring_rule_settings" ADD CONSTRAINT "fk_monitoring_rule_settings_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD "scoring_profile" jsonb`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" ADD CONSTRAINT "ck_self_evaluations_scoring_profile" CHECK ("scoring_profile" IS NULL OR jsonb_typeof("scoring_profile") = 'object')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP CONSTRAINT "ck_self_evaluations_scoring_profile"`);
    await queryRunner.query(`ALTER TABLE "self_evaluations" DROP COLUMN "scoring_profile"`);
    await queryRunner.query(`DROP TABLE "monitoring_rule_settings"`);
  }
}
