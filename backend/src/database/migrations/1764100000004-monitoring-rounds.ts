import { MigrationInterface, QueryRunner } from 'typeorm';

/** Named monitoring rounds with a deadline; a closed round keeps its snapshot. */
export class MonitoringRounds1764100000004 implements MigrationInterface {
  name = 'MonitoringRounds1764100000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "monitoring_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "fiscal_year_id" uuid NOT NULL, "name" text NOT NULL, "period" character(7) NOT NULL, "deadline" date NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'open', "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "snapshot" json, CONSTRAINT "uq_monitoring_rounds_year_name" UNIQUE ("fiscal_year_id", "name"), CONSTRAINT "ck_monitoring_rounds_closed" CHECK (("status" = 'closed') = ("snapshot" IS NOT NULL)), CONSTRAINT "ck_monitoring_rounds_status" CHECK ("status" IN ('open', 'closed')), CONSTRAINT "ck_monitoring_rounds_period" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "PK_monitoring_rounds" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "fk_monitoring_rounds_fiscal_year" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_years"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "monitoring_rounds"`);
  }
}
