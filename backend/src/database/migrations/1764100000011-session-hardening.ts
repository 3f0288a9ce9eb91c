import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions and login: a forced password change after an admin sets a password, and the hashes of rotated
 * refresh tokens, so a token presented again after rotation (a stolen copy) ends its whole session.
 */
export class SessionHardening1764100000011 implements MigrationInterface {
  name = 'SessionHardening1764100000011';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE TABLE "refresh_token_rotations" ("token_hash" character varying(64) NOT NULL, "session_id" uuid NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_refresh_token_rotations" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_rotations_session" ON "refresh_token_rotations" ("session_id")`);
    await queryRunner.query(`ALTER TABLE "refresh_token_rotations" ADD CONSTRAINT "fk_refresh_token_rotations_session" FOREIGN KEY ("session_id") REFERENCES "refresh_tokens"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_token_rotations" DROP CONSTRAINT "fk_refresh_token_rotations_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_rotations_session"`);
    await queryRunner.query(`DROP TABLE "refresh_token_rotations"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
  }
}
