import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders that reach people: in-app notifications (once per user and event), the outbox of e-mails with their
 * status and retries, and each user's e-mail address (docs/domain.md, "Reminders and the leadership digest").
 */
export class RemindersAndMail1764100006000 implements MigrationInterface {
  name = 'RemindersAndMail1764100006000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "fiscal_year_id" uuid NOT NULL, "project_id" uuid, "period" character(7) NOT NULL, "reason" text, "due_date" date, "details" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_notifications_event" UNIQUE ("user_id", "dedupe_key"), CONSTRAINT "ck_notifications_reason" CHECK (("kind" = 'report-returned') = ("reason" IS NOT NULL)), CONSTRAINT "ck_notifications_period" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN ('report-returned', 'report-overdue', 'report-due', 'leadership-flags')), CONSTRAINT "PK_notifications" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_created" ON "notifications"("user_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "user_id" uuid, "notification_id" uuid, "to_address" character varying(254) NOT NULL, "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "message_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_mail_outbox_sent_at" CHECK (("status" = 'sent') = ("sent_at" IS NOT NULL)), CONSTRAINT "ck_mail_outbox_attempts" CHECK ("attempts" >= 0), CONSTRAINT "ck_mail_outbox_kind" CHECK ("kind" IN ('notification', 'digest')), CONSTRAINT "ck_mail_outbox_status" CHECK ("status" IN ('pending', 'sent', 'failed')), CONSTRAINT "PK_mail_outbox" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_outbox_dedupe_key" ON "mail_outbox"("dedupe_key")`);
    await queryRunner.query(`CREATE INDEX "ix_mail_outbox_pending" ON "mail_outbox"("next_attempt_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "email" character varying(254)`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_email" CHECK ("email" ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$')`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_fiscal_year" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_project" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "fk_mail_outbox_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "fk_mail_outbox_notification" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "fk_mail_outbox_notification"`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "fk_mail_outbox_user"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_project"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_fiscal_year"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_email"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email"`);
    await queryRunner.query(`DROP INDEX "ix_mail_outbox_pending"`);
    await queryRunner.query(`DROP INDEX "uq_mail_outbox_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP INDEX "ix_notifications_user_created"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
