import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each user's interface language (docs/domain.md §9); null until they choose one. */
export class UserLocale1764100000500 implements MigrationInterface {
  name = 'UserLocale1764100000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "locale" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_locale" CHECK ("locale" IN ('zh-CN', 'en-US'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_locale"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
  }
}
