import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { passwordPolicyViolation } from '../../common/auth/password-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { SessionsRepository } from '../auth/sessions.repository';
import {
  AssignLeadsDto,
  CreateUserDto,
  DEPARTMENT_REQUIRED,
  needsDepartment,
  UpdateUserDto,
} from './dto/user.dto';

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role_code AS role, d.code AS "departmentCode",
  u.active, u.locked_until AS "lockedUntil", u.last_login_at AS "lastLoginAt", u.version`;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentCode: string | null;
  active: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  version: number;
  projects?: { id: string; name: string }[];
}

/** Accounts and project assignments, managed by the admin (绩效管理员); every change audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly sessions: SessionsRepository,
  ) {}

  async list(): Promise<UserView[]> {
    return this.dataSource.query(
      `SELECT ${USER_COLUMNS},
              COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.seq)
                          FROM project_assignments a JOIN projects p ON p.id = a.project_id WHERE a.user_id = u.id), '[]') AS projects
         FROM users u LEFT JOIN departments d ON d.id = u.department_id ORDER BY u.role_code, u.username`,
    );
  }

  async create(dto: CreateUserDto): Promise<UserView> {
    this.checkPassword(dto.password, dto.username, 'password');
    const hash = await argon2.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const departmentId = await this.departmentId(manager, dto.departmentCode ?? null);
      this.assertDepartmentFor(dto.role, departmentId);
      const [exists] = await manager.query(`SELECT 1 FROM users WHERE username = $1`, [dto.username]);
      if (exists)
        throw new AppException(ErrorCode.Conflict, '用户名已存在', { username: 'username：用户名已存在' });
      const [{ id }] = await manager.query(
        `INSERT INTO users (username, display_name, role_code, department_id, password_hash, must_change_password)
         VALUES ($1, $2, $3, $4, $5, true) RETURNING id`,
        [dto.username, dto.displayName.trim(), dto.role, departmentId, hash],
      );
      const user = await this.find(manager, id);
      await this.audit.record(manager, { action: 'user.create', entity: 'user', entityId: id, after: user });
      return user;
    });
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id, true);
      if (before.version !== dto.version)
        throw new AppException(ErrorCode.VersionConflict, '该用户已被他人修改，请刷新后再试', undefined, {
          current: before,
        });
      if (id === actor.id && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
        throw new AppException(ErrorCode.ValidationFailed, '不能停用自己或取消自己的管理员角色', {
          role: 'role：不能修改自己的角色或状态',
        });
      }
      const departmentId =
        dto.departmentCode === undefined ? undefined : await this.departmentId(manager, dto.departmentCode);
      // Only a change of role or department is checked: an older unbound account can still be renamed or disabled.
      if (dto.role !== undefined || departmentId !== undefined)
        this.assertDepartmentFor(
          dto.role ?? before.role,
          departmentId === undefined ? before.departmentCode : departmentId,
        );
      await manager.query(
        `UPDATE users SET display_name = COALESCE($2, display_name), role_code = COALESCE($3, role_code),
                department_id = CASE WHEN $4::boolean THEN $5::uuid ELSE department_id END, active = COALESCE($6, active),
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.displayName?.trim() ?? null,
          dto.role ?? null,
          departmentId !== undefined,
          departmentId ?? null,
          dto.active ?? null,
        ],
      );
      if (dto.active === false)
        await manager.query(
          `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
          [id],
        );
      const after = await this.find(manager, id);
      await this.audit.record(manager, {
        action: 'user.update',
        entity: 'user',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** The admin chose this password: every session of the user ends, and they must change it at next login. */
  async resetPassword(id: string, password: string): Promise<void> {
    const [target] = await this.dataSource.query(`SELECT username FROM users WHERE id = $1`, [id]);
    if (!target) throw new AppException(ErrorCode.NotFound, '用户不存在');
    this.checkPassword(password, target.username, 'password');
    // Hashed before the transaction: argon2 must not hold the connection and the row lock.
    const hash = await argon2.hash(password);
    await this.dataSource.transaction(async (manager) => {
      await this.find(manager, id, true);
      await this.setPassword(manager, id, hash, true);
      const revokedSessions = await this.sessions.revokeAllOfUser(manager, id);
      await this.audit.record(manager, {
        action: 'user.reset-password',
        entity: 'user',
        entityId: id,
        after: { mustChangePassword: true, revokedSessions },
      });
    });
  }

  /** Ends the user's other sessions (a thief's among them); the current one stays. */
  async changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
    const actor = this.access.actor();
    const [row] = await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [actor.id]);
    if (!row || !(await argon2.verify(row.password_hash, currentPassword))) {
      throw new AppException(ErrorCode.ValidationFailed, '当前密码不正确', {
        currentPassword: 'currentPassword：当前密码不正确',
      });
    }
    this.checkPassword(newPassword, actor.username, 'newPassword');
    if (newPassword === currentPassword)
      throw new AppException(ErrorCode.ValidationFailed, '新密码不能与当前密码相同', {
        newPassword: 'newPassword：新密码不能与当前密码相同',
      });
    const hash = await argon2.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      // The hash checked above must still be the stored one (no change or reset in between).
      const [current] = await manager.query(`SELECT password_hash FROM users WHERE id = $1 FOR UPDATE`, [
        actor.id,
      ]);
      if (current?.password_hash !== row.password_hash)
        throw new AppException(ErrorCode.Conflict, '密码刚刚已被修改，请重新登录后再试');
      await this.setPassword(manager, actor.id, hash, false);
      const revokedSessions = await this.sessions.revokeAllOfUser(manager, actor.id, actor.sessionId);
      await this.audit.record(manager, {
        action: 'user.change-password',
        entity: 'user',
        entityId: actor.id,
        after: { revokedSessions },
      });
    });
  }

  /** Replaces a project's leads (项目负责人); only accounts with the lead role of the project's department. */
  async assignLeads(
    projectId: string,
    dto: AssignLeadsDto,
  ): Promise<{ projectId: string; leads: { id: string; username: string; displayName: string }[] }> {
    return this.dataSource.transaction(async (manager) => {
      const [project] = await manager.query(
        `SELECT p.id, fy.department_id AS "departmentId" FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id WHERE p.id = $1 FOR UPDATE OF p`,
        [projectId],
      );
      if (!project) throw new AppException(ErrorCode.NotFound, '项目不存在');
      const users: { id: string; role: string; departmentId: string | null }[] = await manager.query(
        `SELECT id, role_code AS role, department_id AS "departmentId" FROM users WHERE id = ANY($1::uuid[])`,
        [dto.userIds],
      );
      const bad = dto.userIds.filter((id) => {
        const user = users.find((u) => u.id === id);
        return !user || user.role !== 'lead' || user.departmentId !== project.departmentId;
      });
      if (bad.length) {
        throw new AppException(ErrorCode.ValidationFailed, '只能分配本部门的项目负责人账户', {
          userIds: `userIds：以下用户不存在或不是本部门项目负责人：${bad.join('、')}`,
        });
      }
      const before = await this.leads(manager, projectId);
      await manager.query(
        `DELETE FROM project_assignments WHERE project_id = $1 AND NOT (user_id = ANY($2::uuid[]))`,
        [projectId, dto.userIds],
      );
      if (dto.userIds.length) {
        await manager.query(
          `INSERT INTO project_assignments (project_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT (project_id, user_id) DO NOTHING`,
          [projectId, dto.userIds],
        );
      }
      const leads = await this.leads(manager, projectId);
      await this.audit.record(manager, {
        action: 'project.assign-leads',
        entity: 'project',
        entityId: projectId,
        before: { leads: before },
        after: { leads },
      });
      return { projectId, leads };
    });
  }

  private leads(manager: EntityManager, projectId: string) {
    return manager.query(
      `SELECT u.id, u.username, u.display_name AS "displayName" FROM project_assignments a JOIN users u ON u.id = a.user_id
        WHERE a.project_id = $1 ORDER BY u.username`,
      [projectId],
    );
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<UserView> {
    const [user] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = $1${lock ? ' FOR UPDATE OF u' : ''}`,
      [id],
    );
    if (!user) throw new AppException(ErrorCode.NotFound, '用户不存在');
    return user;
  }

  private async departmentId(manager: EntityManager, code: string | null): Promise<string | null> {
    if (code === null) return null;
    const [department] = await manager.query(`SELECT id FROM departments WHERE code = $1`, [code]);
    if (!department)
      throw new AppException(ErrorCode.ValidationFailed, `部门 ${code} 不存在`, {
        departmentCode: `departmentCode：部门 ${code} 不存在`,
      });
    return department.id;
  }

  /** A leader or lead without a department would read nothing: refuse to create or leave one so. */
  private assertDepartmentFor(role: string, department: string | null): void {
    if (needsDepartment(role) && department === null)
      throw new AppException(ErrorCode.ValidationFailed, '部门领导和项目负责人必须指定所属部门', {
        departmentCode: DEPARTMENT_REQUIRED,
      });
  }

  private checkPassword(password: string, username: string, field: string): void {
    const problem = passwordPolicyViolation(password, username);
    if (problem)
      throw new AppException(ErrorCode.ValidationFailed, problem, { [field]: `${field}：${problem}` });
  }

  private async setPassword(
    manager: EntityManager,
    id: string,
    hash: string,
    mustChangePassword: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), must_change_password = $3, failed_logins = 0,
              locked_until = NULL, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, hash, mustChangePassword],
    );
  }
}
