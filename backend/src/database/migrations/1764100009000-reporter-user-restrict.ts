import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who reports what (项目负责人 assignments, the department-wide reporter 部门整体填报人) was decided by an admin and is
 * audited: deleting a user by hand must not silently drop it. Accounts are deactivated, never deleted; only the
 * user's own sign-in tokens still go with the account.
 */
const RESTRICTED: [table: string, constraint: string][] = [
  ['department_reporters', 'fk_department_reporters_user'],
  ['project_assignments', 'fk_project_assignments_user'],
];

export class ReporterUserRestrict1764100009000 implements MigrationInterface {
  name = 'ReporterUserRestrict1764100009000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, constraint] of RESTRICTED) await this.reference(queryRunner, table, constraint, 'RESTRICT');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, constraint] of RESTRICTED) await this.reference(queryRunner, table, constraint, 'CASCADE');
  }

  private async reference(runner: QueryRunner, table: string, constraint: string, onDelete: string): Promise<void> {
    await runner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
    await runner.query(
      `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
    );
  }
}
