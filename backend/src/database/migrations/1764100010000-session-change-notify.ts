import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can end a session or change who its holder is (logout, revocation, deactivation, a new role,
 * department or password) is announced on the channel `jixiao_session_changed` when its transaction commits, so
 * every app process drops its cached session checks at once (SessionCache, SessionChangeListener). Triggers, not
 * the app's code: a change made by another process, a CLI or by hand in SQL is announced all the same.
 * Payloads: `u:<user id>`, `s:<session id>`, `*` (a table emptied).
 */
export class SessionChangeNotify1764100010000 implements MigrationInterface {
  name = 'SessionChangeNotify1764100010000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION session_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'STATEMENT' THEN
          PERFORM pg_notify('jixiao_session_changed', '*');
        ELSIF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('jixiao_session_changed', 'u:' || OLD.id);
        ELSE
          PERFORM pg_notify('jixiao_session_changed', 's:' || OLD.id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER users_session_change AFTER UPDATE ON "users" FOR EACH ROW
         WHEN (OLD.username IS DISTINCT FROM NEW.username OR OLD.role_code IS DISTINCT FROM NEW.role_code
            OR OLD.department_id IS DISTINCT FROM NEW.department_id OR OLD.active IS DISTINCT FROM NEW.active
            OR OLD.must_change_password IS DISTINCT FROM NEW.must_change_password
            OR OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.id IS DISTINCT FROM NEW.id)
         EXECUTE FUNCTION session_change_notify()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER users_session_delete AFTER DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION session_change_notify()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER users_session_truncate AFTER TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION session_change_notify()`,
    );
    // A refresh moves last_used_at forward: a cached check already ends at the older idle deadline. Only a move
    // back (by hand) is announced.
    await queryRunner.query(
      `CREATE TRIGGER refresh_tokens_session_change AFTER UPDATE ON "refresh_tokens" FOR EACH ROW
         WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
            OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.id IS DISTINCT FROM NEW.id
            OR NEW.last_used_at < OLD.last_used_at)
         EXECUTE FUNCTION session_change_notify()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER refresh_tokens_session_delete AFTER DELETE ON "refresh_tokens" FOR EACH ROW EXECUTE FUNCTION session_change_notify()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER refresh_tokens_session_truncate AFTER TRUNCATE ON "refresh_tokens" FOR EACH STATEMENT EXECUTE FUNCTION session_change_notify()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['users_session_change', 'users'],
      ['users_session_delete', 'users'],
      ['users_session_truncate', 'users'],
      ['refresh_tokens_session_change', 'refresh_tokens'],
      ['refresh_tokens_session_delete', 'refresh_tokens'],
      ['refresh_tokens_session_truncate', 'refresh_tokens'],
    ])
      await queryRunner.query(`DROP TRIGGER "${trigger}" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION session_change_notify()`);
  }
}
