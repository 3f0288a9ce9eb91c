import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lights that explain themselves and are never stale: each stored report keeps its explanation and progress value;
 * a report against a target that cannot be read is 'undetermined' (无法判定), no longer a NULL light read as grey.
 * The texts below are copied on purpose: a migration must not change when the rules' wording does.
 */
export class NeverStaleLights1764100000020 implements MigrationInterface {
  name = 'NeverStaleLights1764100000020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_reports" ADD "light_explanation" text`);
    await queryRunner.query(`ALTER TABLE "progress_reports" ADD "progress" numeric`);
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP CONSTRAINT "ck_progress_reports_light"`);
    await queryRunner.query(`ALTER TABLE "progress_reports" ALTER COLUMN "light" TYPE character varying(12)`);
    await queryRunner.query(
      `UPDATE "progress_reports" r SET "light" = 'undetermined',
              "light_reason" = '指标值无法识别，需绩效管理员更正指标值后才能判定（无法判定）',
              "light_explanation" = '指标值“' || i."target_raw" || '”无法识别，无从比较 → 无法判定'
         FROM "indicators" i
        WHERE i."id" = r."indicator_id" AND (r."light" IS NULL OR i."target_parsed" IS NULL OR i."target_confidence" = 'unparsed')`,
    );
    // A row written without a judgement (e.g. by SQL) has not been judged: undetermined, never a NULL read as grey.
    await queryRunner.query(`ALTER TABLE "progress_reports" ALTER COLUMN "light" SET DEFAULT 'undetermined'`);
    await queryRunner.query(`ALTER TABLE "progress_reports" ALTER COLUMN "light" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "ck_progress_reports_light" CHECK ("light" IN ('red', 'yellow', 'green', 'blue', 'grey', 'undetermined'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP CONSTRAINT "ck_progress_reports_light"`);
    await queryRunner.query(`ALTER TABLE "progress_reports" ALTER COLUMN "light" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "progress_reports" ALTER COLUMN "light" DROP DEFAULT`);
    await queryRunner.query(`UPDATE "progress_reports" SET "light" = NULL WHERE "light" = 'undetermined'`);
    await queryRunner.query(`ALTER TABLE "progress_reports" ALTER COLUMN "light" TYPE character varying(8)`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "ck_progress_reports_light" CHECK ("light" IS NULL OR "light" IN ('red', 'yellow', 'green', 'blue', 'grey'))`,
    );
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP COLUMN "progress"`);
    await queryRunner.query(`ALTER TABLE "progress_reports" DROP COLUMN "light_explanation"`);
  }
}
