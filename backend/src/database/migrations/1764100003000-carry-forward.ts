import { MigrationInterface, QueryRunner } from 'typeorm';

const CARRIED: [table: string][] = [['projects'], ['goals'], ['indicators']];

/**
 * Next year from this year (结转): a project, goal or indicator copied into the next fiscal year points at the
 * row it came from (carried_from_id, which links an indicator across years), and an indicator whose target was
 * proposed from this year's actual keeps the proposal (target_proposal) until its lead confirms it.
 */
export class CarryForward1764100003000 implements MigrationInterface {
  name = 'CarryForward1764100003000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of CARRIED) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "carried_from_id" uuid`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_carried_from" FOREIGN KEY ("carried_from_id") REFERENCES "${table}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
      await queryRunner.query(
        `CREATE INDEX "ix_${table}_carried_from" ON "${table}" ("carried_from_id") WHERE "carried_from_id" IS NOT NULL`,
      );
    }
    await queryRunner.query(`ALTER TABLE "indicators" ADD "target_proposal" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "indicators" ADD CONSTRAINT "ck_indicators_target_proposal" CHECK ("target_proposal" IS NULL OR (jsonb_typeof("target_proposal") = 'object' AND "target_proposal" ? 'basis' AND "target_proposal" ? 'from'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_indicators_pending_proposal" ON "indicators" ("goal_id") WHERE "target_proposal" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_indicators_pending_proposal"`);
    await queryRunner.query(`ALTER TABLE "indicators" DROP CONSTRAINT "ck_indicators_target_proposal"`);
    await queryRunner.query(`ALTER TABLE "indicators" DROP COLUMN "target_proposal"`);
    for (const [table] of [...CARRIED].reverse()) {
      await queryRunner.query(`DROP INDEX "public"."ix_${table}_carried_from"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}_carried_from"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "carried_from_id"`);
    }
  }
}
