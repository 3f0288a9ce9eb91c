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
  lockedUntil: Date | null;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findCredentialsForUpdate(
    manager: EntityManager,
    username: string,
  ): Promise<CredentialRow | undefined> {
    const rows: CredentialRow[] = await manager.query(
      `SELECT id, username, display_name AS "displayName", role_code AS role, department_id AS "departmentId",
              password_hash AS "passwordHash", active, failed_logins AS "failedLogins", locked_until AS "lockedUntil"
         FROM users WHERE username = lower($1) FOR UPDATE`,
      [username],
    );
    return rows[0];
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Omit<CredentialRow, 'passwordHash'> | undefined> {
    const rows = await manager.query(
      `SELECT id, username, display_name AS "displayName", role_code AS role, department_id AS "departmentId", active,
              failed_logins AS "failedLogins", locked_until AS "lockedUntil"
         FROM users WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async recordFailure(
    manager: EntityManager,
    id: string,
    failedLogins: number,
    lockedUntil: Date | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET failed_logins = $2, locked_until = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, failedLogins, lockedUntil],
    );
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
