import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lifecycle of the indicator trees (申报 → 批复 → 调整, docs/domain.md "申报、批复与调整"): a status per tree
 * (goal_trees: a project's, or the department-wide tree of a fiscal year), adjustment requests with their items,
 * and each indicator's target history. The trees that exist were imported from published budgets: approved.
 */
export class TreeLifecycle1764100002000 implements MigrationInterface {
  name = 'TreeLifecycle1764100002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "goal_trees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fiscal_year_id" uuid NOT NULL, "project_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'draft', "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" uuid, "return_reason" text, CONSTRAINT "ck_goal_trees_status" CHECK ("status" IN ('draft', 'submitted', 'approved')), CONSTRAINT "PK_f4528d27ca6a26cd732b3c11c52" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_goal_trees_overall" ON "goal_trees"  ("fiscal_year_id") WHERE "project_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_goal_trees_project" ON "goal_trees"  ("project_id") WHERE "project_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "target_adjustments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fiscal_year_id" uuid NOT NULL, "project_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'submitted', "reason" text NOT NULL, "effective_from" character(7) NOT NULL, "proposed_by" uuid NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" uuid, "return_reason" text, CONSTRAINT "ck_target_adjustments_return_reason" CHECK ("status" <> 'returned' OR "return_reason" IS NOT NULL), CONSTRAINT "ck_target_adjustments_reason" CHECK (length(btrim("reason")) > 0), CONSTRAINT "ck_target_adjustments_period" CHECK ("effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "ck_target_adjustments_status" CHECK ("status" IN ('submitted', 'approved', 'returned')), CONSTRAINT "PK_70b80067df37255d8812eff91c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_target_adjustments_year_status" ON "target_adjustments"  ("fiscal_year_id", "status")`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_target_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" uuid NOT NULL, "adjustment_id" uuid NOT NULL, "old_target_raw" text NOT NULL, "old_target_parsed" json, "new_target_raw" text NOT NULL, "new_target_parsed" json NOT NULL, "effective_from" character(7) NOT NULL, "reason" text NOT NULL, "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "approved_by" uuid NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_indicator_target_history_effective" UNIQUE ("indicator_id", "effective_from"), CONSTRAINT "ck_indicator_target_history_period" CHECK ("effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "pk_indicator_target_history" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "target_adjustment_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "adjustment_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "old_target_raw" text NOT NULL, "new_target_raw" text NOT NULL, "new_target_parsed" json NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_target_adjustment_items_indicator" UNIQUE ("adjustment_id", "indicator_id"), CONSTRAINT "pk_target_adjustment_items" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_target_adjustment_items_indicator" ON "target_adjustment_items"  ("indicator_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "goal_trees" ADD CONSTRAINT "fk_goal_trees_fiscal_year" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "goal_trees" ADD CONSTRAINT "fk_goal_trees_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "goal_trees" ADD CONSTRAINT "fk_goal_trees_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "goal_trees" ADD CONSTRAINT "fk_goal_trees_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustments" ADD CONSTRAINT "fk_target_adjustments_fiscal_year" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustments" ADD CONSTRAINT "fk_target_adjustments_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustments" ADD CONSTRAINT "fk_target_adjustments_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustments" ADD CONSTRAINT "fk_target_adjustments_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_target_history" ADD CONSTRAINT "fk_indicator_target_history_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_target_history" ADD CONSTRAINT "fk_indicator_target_history_adjustment" FOREIGN KEY ("adjustment_id") REFERENCES "target_adjustments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_target_history" ADD CONSTRAINT "fk_indicator_target_history_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_target_history" ADD CONSTRAINT "fk_indicator_target_history_approved_by" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustment_items" ADD CONSTRAINT "fk_target_adjustment_items_adjustment" FOREIGN KEY ("adjustment_id") REFERENCES "target_adjustments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustment_items" ADD CONSTRAINT "fk_target_adjustment_items_indicator" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Imported trees are published budgets: approved (批复). Trees created from now on start as drafts.
    await queryRunner.query(
      `INSERT INTO "goal_trees" ("fiscal_year_id", "project_id", "status", "reviewed_at")
       SELECT p."fiscal_year_id", p."id", 'approved', now() FROM "projects" p`,
    );
    await queryRunner.query(
      `INSERT INTO "goal_trees" ("fiscal_year_id", "project_id", "status", "reviewed_at")
       SELECT fy."id", NULL, 'approved', now() FROM "fiscal_years" fy`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "target_adjustment_items" DROP CONSTRAINT "fk_target_adjustment_items_indicator"`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustment_items" DROP CONSTRAINT "fk_target_adjustment_items_adjustment"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_target_history" DROP CONSTRAINT "fk_indicator_target_history_approved_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_target_history" DROP CONSTRAINT "fk_indicator_target_history_proposed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_target_history" DROP CONSTRAINT "fk_indicator_target_history_adjustment"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_target_history" DROP CONSTRAINT "fk_indicator_target_history_indicator"`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustments" DROP CONSTRAINT "fk_target_adjustments_reviewed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustments" DROP CONSTRAINT "fk_target_adjustments_proposed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustments" DROP CONSTRAINT "fk_target_adjustments_project"`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_adjustments" DROP CONSTRAINT "fk_target_adjustments_fiscal_year"`,
    );
    await queryRunner.query(
      `ALTER TABLE "goal_trees" DROP CONSTRAINT "fk_goal_trees_reviewed_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "goal_trees" DROP CONSTRAINT "fk_goal_trees_submitted_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "goal_trees" DROP CONSTRAINT "fk_goal_trees_project"`,
    );
    await queryRunner.query(
      `ALTER TABLE "goal_trees" DROP CONSTRAINT "fk_goal_trees_fiscal_year"`,
    );
    await queryRunner.query(
      `DROP INDEX "ix_target_adjustment_items_indicator"`,
    );
    await queryRunner.query(
      `DROP TABLE "target_adjustment_items"`,
    );
    await queryRunner.query(
      `DROP TABLE "indicator_target_history"`,
    );
    await queryRunner.query(
      `DROP INDEX "ix_target_adjustments_year_status"`,
    );
    await queryRunner.query(
      `DROP TABLE "target_adjustments"`,
    );
    await queryRunner.query(
      `DROP INDEX "uq_goal_trees_project"`,
    );
    await queryRunner.query(
      `DROP INDEX "uq_goal_trees_overall"`,
    );
    await queryRunner.query(
      `DROP TABLE "goal_trees"`,
    );
  }
}
