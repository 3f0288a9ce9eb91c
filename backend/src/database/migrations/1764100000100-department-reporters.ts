import { MigrationInterface, QueryRunner } from 'typeorm';

/** The designated reporter of a department-year's department-wide goals (部门整体填报人); none → the admins. */
export class DepartmentReporters1764100000100 implements MigrationInterface {
  name = 'DepartmentReporters1764100000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "department_reporters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fiscal_year_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_department_reporters_fiscal_year" UNIQUE ("fiscal_year_id"), CONSTRAINT "pk_department_reporters" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_reporters" ADD CONSTRAINT "fk_department_reporters_fiscal_year" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_reporters" ADD CONSTRAINT "fk_department_reporters_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "department_reporters"`);
  }
}
