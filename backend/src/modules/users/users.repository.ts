import type { UiLocale } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { entityValues } from '../../database/sql.util';
import { Department } from '../departments/entities/department.entity';
import { ProjectAssignment } from './entities/project-assignment.entity';
import type { RoleCode } from './entities/role.entity';
import { User } from './entities/user.entity';

/** An account as the admin's user list shows it. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentCode: string | null;
  email: string | null;
  active: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  version: number;
  projects?: { id: string; name: string }[];
}

/** A project lead as the assignment answers list them. */
export type LeadView = Pick<User, 'id' | 'username' | 'displayName'>;

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role_code AS role, d.code AS "departmentCode",
  u.email, u.active, u.locked_until AS "lockedUntil", u.last_login_at AS "lastLoginAt", u.version`;

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
  locale: UiLocale | null;
}

/** The account's counters after a failed password. */
export interface FailureCount {
  failedLogins: number;
  lockedUntil: Date | null;
}

const CREDENTIAL_COLUMNS = `id, username, display_name AS "displayName", role_code AS role, department_id AS "departmentId",
  password_hash AS "passwordHash", active, failed_logins AS "failedLogins",
  COALESCE(locked_until > now(), false) AS locked, must_change_password AS "mustChangePassword", locale`;

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
              must_change_password AS "mustChangePassword", locale
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

  /** The ids of those of `usernames` that exist, by username. */
  async userIds(manager: EntityManager, usernames: string[]): Promise<Map<string, string>> {
    const rows: { id: string; username: string }[] = await manager.query(
      `SELECT id, username FROM users WHERE username = ANY($1)`,
      [usernames],
    );
    return new Map(rows.map((r) => [r.username, r.id]));
  }

  async hasActiveAdmin(): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM users WHERE role_code = 'admin' AND active LIMIT 1`,
    );
    return rows.length > 0;
  }

  /** A new administrator who chose the password (not forced to change it); undefined when the username is taken. */
  async insertAdmin(
    manager: EntityManager,
    admin: { username: string; displayName: string; passwordHash: string },
  ): Promise<string | undefined> {
    const [row] = await manager.query(
      `INSERT INTO users (username, display_name, role_code, password_hash, must_change_password)
       VALUES ($1, $2, 'admin', $3, false) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [admin.username, admin.displayName, admin.passwordHash],
    );
    return row?.id;
  }

  /** Every account with its department and assigned projects, by role then username. */
  list(): Promise<UserView[]> {
    return this.dataSource.query(
      `SELECT ${USER_COLUMNS},
              COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.seq)
                          FROM project_assignments a JOIN projects p ON p.id = a.project_id WHERE a.user_id = u.id), '[]') AS projects
         FROM users u LEFT JOIN departments d ON d.id = u.department_id ORDER BY u.role_code, u.username`,
    );
  }

  async findView(manager: EntityManager, id: string, lock = false): Promise<UserView | undefined> {
    const [user] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = $1${lock ? ' FOR UPDATE OF u' : ''}`,
      [id],
    );
    return user;
  }

  usernameTaken(manager: EntityManager, username: string): Promise<boolean> {
    return manager.exists(User, { where: { username } });
  }

  async insert(
    manager: EntityManager,
    user: Pick<
      User,
      | 'username'
      | 'displayName'
      | 'roleCode'
      | 'departmentId'
      | 'passwordHash'
      | 'mustChangePassword'
      | 'email'
    >,
  ): Promise<string> {
    const { identifiers } = await manager.insert(User, user);
    return identifiers[0].id as string;
  }

  /** Writes the fields given (undefined leaves a field as it is); the version goes up. */
  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<User, 'displayName' | 'roleCode' | 'departmentId' | 'active' | 'email'>>,
  ): Promise<void> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    await manager
      .createQueryBuilder()
      .update(User)
      .set(entityValues<User>(defined))
      .where('id = :id', { id })
      .execute();
  }

  /** A new password: failures and delays cleared; the version goes up. */
  /**
   * Sets a user's interface language and answers the one it replaces; undefined when there is no such user.
   * The row's version is left alone: a preference must not turn an admin's edit of the account into a conflict.
   */
  async setLocale(
    manager: EntityManager,
    id: string,
    locale: UiLocale,
  ): Promise<{ before: UiLocale | null } | undefined> {
    const rows: { before: UiLocale | null }[] = await manager.query(
      `SELECT locale AS before FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) return undefined;
    await manager.query(`UPDATE users SET locale = $2 WHERE id = $1`, [id, locale]);
    return rows[0];
  }

  async setPassword(
    manager: EntityManager,
    id: string,
    hash: string,
    mustChangePassword: boolean,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(User)
      .set({
        passwordHash: hash,
        passwordChangedAt: () => 'now()',
        mustChangePassword,
        failedLogins: 0,
        lockedUntil: null,
      })
      .where('id = :id', { id })
      .execute();
  }

  async findUsername(id: string): Promise<string | undefined> {
    const user = await this.dataSource.manager.findOne(User, { select: { username: true }, where: { id } });
    return user?.username;
  }

  /** The stored password hash; `manager` given: the row locked, to compare it again before a change. */
  async findPasswordHash(id: string, manager?: EntityManager): Promise<string | undefined> {
    const query = (manager ?? this.dataSource.manager)
      .createQueryBuilder(User, 'u')
      .select('u.passwordHash')
      .addSelect('u.id')
      .where('u.id = :id', { id });
    const user = await (manager ? query.setLock('pessimistic_write') : query).getOne();
    return user?.passwordHash;
  }

  async findDepartmentId(manager: EntityManager, code: string): Promise<string | undefined> {
    const department = await manager.findOne(Department, { select: { id: true }, where: { code } });
    return department?.id;
  }

  /** The project, locked, with its department. */
  async lockProject(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ id: string; departmentId: string } | undefined> {
    const [project] = await manager.query(
      `SELECT p.id, fy.department_id AS "departmentId" FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id WHERE p.id = $1 FOR UPDATE OF p`,
      [projectId],
    );
    return project;
  }

  findRoles(
    manager: EntityManager,
    ids: string[],
  ): Promise<Pick<User, 'id' | 'roleCode' | 'departmentId'>[]> {
    return manager.find(User, {
      select: { id: true, roleCode: true, departmentId: true },
      where: { id: In(ids) },
    });
  }

  /** The project's leads become exactly `userIds`. */
  async replaceAssignments(manager: EntityManager, projectId: string, userIds: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM project_assignments WHERE project_id = $1 AND NOT (user_id = ANY($2::uuid[]))`,
      [projectId, userIds],
    );
    if (userIds.length) {
      await manager.query(
        `INSERT INTO project_assignments (project_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT (project_id, user_id) DO NOTHING`,
        [projectId, userIds],
      );
    }
  }

  /** Assigns a lead to a project; kept as it is when already assigned. */
  /** Assigns each user to its project, keeping the assignments that exist (one statement). */
  async assign(manager: EntityManager, assignments: { projectId: string; userId: string }[]): Promise<void> {
    if (assignments.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProjectAssignment)
      .values(assignments)
      .orIgnore()
      .execute();
  }

  /** The department-year's designated reporter of its department-wide goals, if any. */
  overallReporter(manager: EntityManager, fiscalYearId: string): Promise<LeadView | null> {
    return overallReporterOf(manager, fiscalYearId);
  }

  /** The reporter becomes `userId` (null: none, the admins report). */
  async replaceOverallReporter(
    manager: EntityManager,
    fiscalYearId: string,
    userId: string | null,
  ): Promise<void> {
    if (userId === null) {
      await manager.query(`DELETE FROM department_reporters WHERE fiscal_year_id = $1`, [fiscalYearId]);
      return;
    }
    await manager.query(
      `INSERT INTO department_reporters (fiscal_year_id, user_id) VALUES ($1, $2)
       ON CONFLICT (fiscal_year_id) DO UPDATE SET user_id = EXCLUDED.user_id, created_at = now()`,
      [fiscalYearId, userId],
    );
  }

  /** The fiscal year's row FOR UPDATE: reporter assignments of one department-year happen one at a time. */
  async lockFiscalYear(manager: EntityManager, fiscalYearId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM fiscal_years WHERE id = $1 FOR NO KEY UPDATE`, [fiscalYearId]);
  }

  leads(manager: EntityManager, projectId: string): Promise<LeadView[]> {
    return manager.query(
      `SELECT u.id, u.username, u.display_name AS "displayName" FROM project_assignments a JOIN users u ON u.id = a.user_id
        WHERE a.project_id = $1 ORDER BY u.username`,
      [projectId],
    );
  }

  /** The first department (by code) and its latest year's live projects, in 表12 order: for the demo accounts. */
  async demoDepartment(
    manager: EntityManager,
  ): Promise<{ id: string; projects: { id: string; name: string }[] } | undefined> {
    const department = await manager.findOne(Department, {
      select: { id: true },
      where: {},
      order: { code: 'ASC' },
    });
    if (!department) return undefined;
    const projects = await manager.query(
      `SELECT p.id, p.name FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
        WHERE fy.department_id = $1 AND fy.year = (SELECT max(year) FROM fiscal_years WHERE department_id = $1)
          AND p.archived_at IS NULL
        ORDER BY (p.extra -> 'source' ->> 'section')::int NULLS LAST, p.seq`,
      [department.id],
    );
    return { id: department.id, projects };
  }
}

/** The department-year's designated reporter of its department-wide goals (部门整体填报人); null: the admins. */
export async function overallReporterOf(
  manager: EntityManager,
  fiscalYearId: string,
): Promise<LeadView | null> {
  const [row] = await manager.query(
    `SELECT u.id, u.username, u.display_name AS "displayName" FROM department_reporters r JOIN users u ON u.id = r.user_id
      WHERE r.fiscal_year_id = $1`,
    [fiscalYearId],
  );
  return row ?? null;
}
