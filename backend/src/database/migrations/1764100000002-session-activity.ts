import { MigrationInterface, QueryRunner } from 'typeorm';

/** A refresh token row is a login session: its last use drives the idle timeout. */
export class SessionActivity1764100000002 implements MigrationInterface {
  name = 'SessionActivity1764100000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "last_used_at"`);
  }
}
