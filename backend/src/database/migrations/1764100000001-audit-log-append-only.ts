import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log is append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself. */
export class AuditLogAppendOnly1764100000001 implements MigrationInterface {
  name = 'AuditLogAppendOnly1764100000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_update_delete ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
