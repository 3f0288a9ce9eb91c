import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RoleCode } from './entities/role.entity';

export interface CredentialRow {
  id: string;
  username: string;
  displayName: string;
  role: RoleCode;
  departmentId: string | null;
  passwordHash: string;
  active: boolean;
  failedLogins: number;
  /** Within a delay after repeated failures: no attempt is verified until it ends. */
  locked: boolean;
  mustChangePassword: boolean;
}

/** The account's counters after a failed password. */
export interface FailureCount {
  failedLogins: number;
  lockedUntil: Date | null;
}

const CREDENTIAL_COLUMNS = `id, username, display_name AS "displayName", role_code AS role, department_id AS "departmentId",
  password_hash AS "passwordHash", active, failed_logins AS "failedLogins",
  COALESCE(locked_until > now(), false) AS locked, must_change_password AS "mustChangePassword"`;

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Read without a lock: the slow password check runs on it outside any transaction. */
  async findCredentials(username: string): Promise<CredentialRow | undefined> {
    const rows: CredentialRow[] = await this.dataSource.manager.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE username = lower($1)`,
      [username],
    );
    return rows[0];
  }

  /** The same row again, locked, to confirm nothing changed while the password was being checked. */
  async lockCredentials(manager: EntityManager, id: string): Promise<CredentialRow | undefined> {
    const rows: CredentialRow[] = await manager.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Omit<CredentialRow, 'passwordHash'> | undefined> {
    const rows = await manager.query(
      `SELECT id, username, display_name AS "displayName", role_code AS role, department_id AS "departmentId", active,
              failed_logins AS "failedLogins", COALESCE(locked_until > now(), false) AS locked,
              must_change_password AS "mustChangePassword"
         FROM users WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Counts a wrong password in one statement of its own (committed whatever happens next, audit included).
   * From the `threshold`-th failure on, each failure delays the next attempt: base × 2^(failures − threshold)
   * seconds, at most `maxSeconds`. A failure during a delay is not counted, so guessing cannot extend it.
   * Undefined when the account was already delayed (a concurrent failure got there first).
   */
  async recordFailure(
    id: string,
    delay: { threshold: number; baseSeconds: number; maxSeconds: number },
  ): Promise<FailureCount | undefined> {
    const [rows]: [FailureCount[], number] = await this.dataSource.manager.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2
                THEN now() + make_interval(secs => LEAST($4::double precision,
                       $3::double precision * power(2, LEAST(failed_logins + 1 - $2, 30))))
                ELSE NULL END
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
        RETURNING failed_logins AS "failedLogins", locked_until AS "lockedUntil"`,
      [id, delay.threshold, delay.baseSeconds, delay.maxSeconds],
    );
    return rows[0];
  }

  async recordSuccess(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`,
      [id],
    );
  }

  async upsertDemoUser(
    manager: EntityManager,
    user: {
      username: string;
      displayName: string;
      role: RoleCode;
      departmentId: string | null;
      passwordHash: string;
    },
  ): Promise<{ id: string; created: boolean }> {
    const [row] = await manager.query(
      `INSERT INTO users (username, display_name, role_code, department_id, password_hash)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.displayName, user.role, user.departmentId, user.passwordHash],
    );
    if (row) return { id: row.id, created: true };
    const [existing] = await manager.query(`SELECT id FROM users WHERE username = $1`, [user.username]);
    return { id: existing.id, created: false };
  }
}
