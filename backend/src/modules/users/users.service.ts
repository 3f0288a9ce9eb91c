import type { UiLocale } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { passwordPolicyViolation } from '../../common/auth/password-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { SessionChangeListener } from '../auth/session-change-listener';
import { SessionsRepository } from '../auth/sessions.repository';
import { LeadView, UsersRepository, UserView } from './users.repository';
import {
  AssignLeadsDto,
  AssignReporterDto,
  CreateUserDto,
  DEPARTMENT_REQUIRED,
  needsDepartment,
  UpdateUserDto,
} from './dto/user.dto';

/** Accounts and project assignments, managed by the admin (绩效管理员); every change audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly sessionChanges: SessionChangeListener,
  ) {}

  async list(): Promise<UserView[]> {
    return this.users.list();
  }

  async create(dto: CreateUserDto): Promise<UserView> {
    this.checkPassword(dto.password, dto.username, 'password');
    const hash = await argon2.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const departmentId = await this.departmentId(manager, dto.departmentCode ?? null);
      this.assertDepartmentFor(dto.role, departmentId);
      if (await this.users.usernameTaken(manager, dto.username))
        throw new AppException(ErrorCode.Conflict, '用户名已存在', { username: 'username：用户名已存在' });
      const id = await this.users.insert(manager, {
        username: dto.username,
        displayName: dto.displayName.trim(),
        roleCode: dto.role,
        departmentId,
        passwordHash: hash,
        mustChangePassword: true,
        email: normalizeEmail(dto.email) ?? null,
      });
      const user = await this.find(manager, id);
      await this.audit.record(manager, { action: 'user.create', entity: 'user', entityId: id, after: user });
      return user;
    });
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    const actor = this.access.actor();
    const updated = await this.dataSource.transaction(async (manager) => {
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
      await this.users.update(manager, id, {
        displayName: dto.displayName?.trim(),
        roleCode: dto.role,
        departmentId,
        active: dto.active,
        email: normalizeEmail(dto.email),
      });
      if (dto.active === false) await this.sessions.revokeAllOfUser(manager, id);
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
    // After the commit: a role, department or status change applies to the user's next request.
    await this.sessionChanges.userChanged(id);
    return updated;
  }

  /** The admin chose this password: every session of the user ends, and they must change it at next login. */
  async resetPassword(id: string, password: string): Promise<void> {
    const username = await this.users.findUsername(id);
    if (!username) throw new AppException(ErrorCode.NotFound, '用户不存在');
    this.checkPassword(password, username, 'password');
    // Hashed before the transaction: argon2 must not hold the connection and the row lock.
    const hash = await argon2.hash(password);
    await this.dataSource.transaction(async (manager) => {
      await this.find(manager, id, true);
      await this.users.setPassword(manager, id, hash, true);
      const revokedSessions = await this.sessions.revokeAllOfUser(manager, id);
      await this.audit.record(manager, {
        action: 'user.reset-password',
        entity: 'user',
        entityId: id,
        after: { mustChangePassword: true, revokedSessions },
      });
    });
    await this.sessionChanges.userChanged(id);
  }

  /** Ends the user's other sessions (a thief's among them); the current one stays. */
  async changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
    const actor = this.access.actor();
    const storedHash = await this.users.findPasswordHash(actor.id);
    if (!storedHash || !(await argon2.verify(storedHash, currentPassword))) {
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
      if ((await this.users.findPasswordHash(actor.id, manager)) !== storedHash)
        throw new AppException(ErrorCode.Conflict, '密码刚刚已被修改，请重新登录后再试');
      await this.users.setPassword(manager, actor.id, hash, false);
      const revokedSessions = await this.sessions.revokeAllOfUser(manager, actor.id, actor.sessionId);
      await this.audit.record(manager, {
        action: 'user.change-password',
        entity: 'user',
        entityId: actor.id,
        after: { revokedSessions },
      });
    });
    // The other sessions ended; the current one no longer has a password change pending.
    await this.sessionChanges.userChanged(actor.id);
  }

  /** The signed-in user's interface language (docs/domain.md §9), audited like any change to the account. */
  async changeOwnLocale(locale: UiLocale): Promise<{ locale: UiLocale }> {
    const actor = this.access.actor();
    await this.dataSource.transaction(async (manager) => {
      const changed = await this.users.setLocale(manager, actor.id, locale);
      if (!changed) throw new AppException(ErrorCode.NotFound, '用户不存在');
      await this.audit.record(manager, {
        action: 'user.change-locale',
        entity: 'user',
        entityId: actor.id,
        before: { locale: changed.before },
        after: { locale },
      });
    });
    return { locale };
  }

  /** Replaces a project's leads (项目负责人); only accounts with the lead role of the project's department. */
  async assignLeads(
    projectId: string,
    dto: AssignLeadsDto,
  ): Promise<{ projectId: string; leads: { id: string; username: string; displayName: string }[] }> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.users.lockProject(manager, projectId);
      if (!project) throw new AppException(ErrorCode.NotFound, '项目不存在');
      const users = await this.users.findRoles(manager, dto.userIds);
      const bad = dto.userIds.filter((id) => {
        const user = users.find((u) => u.id === id);
        return !user || user.roleCode !== 'lead' || user.departmentId !== project.departmentId;
      });
      if (bad.length) {
        throw new AppException(ErrorCode.ValidationFailed, '只能分配本部门的项目负责人账户', {
          userIds: `userIds：以下用户不存在或不是本部门项目负责人：${bad.join('、')}`,
        });
      }
      const before = await this.users.leads(manager, projectId);
      await this.users.replaceAssignments(manager, projectId, dto.userIds);
      const leads = await this.users.leads(manager, projectId);
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

  /** The department-year's designated reporter of its department-wide goals (null: the admins report). */
  async overallReporter(
    code: string,
    year: number,
  ): Promise<{ departmentCode: string; year: number; reporter: LeadView | null }> {
    const unit = await this.access.assertCanReadDepartmentYear(code, year);
    const reporter = await this.users.overallReporter(this.dataSource.manager, unit.fiscalYearId);
    return { departmentCode: code, year, reporter };
  }

  /**
   * 部门整体填报人 (docs/domain.md §11): a lead of the department or an admin, who then writes and submits the
   * department-wide goals' months besides the admins; null gives them back to the admins alone. Audited.
   */
  async assignOverallReporter(
    code: string,
    year: number,
    dto: AssignReporterDto,
  ): Promise<{ departmentCode: string; year: number; reporter: LeadView | null }> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.access.assertCanReadDepartmentYear(code, year, manager);
      await this.users.lockFiscalYear(manager, unit.fiscalYearId);
      if (dto.userId !== null) {
        const [user] = await this.users.findRoles(manager, [dto.userId]);
        const fits =
          user &&
          (user.roleCode === 'admin' ||
            (user.roleCode === 'lead' && user.departmentId === unit.departmentId));
        if (!fits)
          throw new AppException(
            ErrorCode.ValidationFailed,
            '部门整体填报人须为本部门项目负责人或绩效管理员',
            {
              userId: 'userId：用户不存在，或不是本部门项目负责人或绩效管理员',
            },
          );
      }
      const before = await this.users.overallReporter(manager, unit.fiscalYearId);
      await this.users.replaceOverallReporter(manager, unit.fiscalYearId, dto.userId);
      const reporter = await this.users.overallReporter(manager, unit.fiscalYearId);
      await this.audit.record(manager, {
        action: 'department.assign-reporter',
        entity: 'fiscal-year',
        entityId: unit.fiscalYearId,
        before: { fiscalYearId: unit.fiscalYearId, reporter: reporterName(before) },
        after: { fiscalYearId: unit.fiscalYearId, reporter: reporterName(reporter) },
      });
      return { departmentCode: code, year, reporter };
    });
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<UserView> {
    const user = await this.users.findView(manager, id, lock);
    if (!user) throw new AppException(ErrorCode.NotFound, '用户不存在');
    return user;
  }

  private async departmentId(manager: EntityManager, code: string | null): Promise<string | null> {
    if (code === null) return null;
    const departmentId = await this.users.findDepartmentId(manager, code);
    if (!departmentId)
      throw new AppException(ErrorCode.ValidationFailed, `部门 ${code} 不存在`, {
        departmentCode: `departmentCode：部门 ${code} 不存在`,
      });
    return departmentId;
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
}

/** The reporter as the audit log shows it; null (the admins) as 绩效管理员. */
const reporterName = (user: LeadView | null): string =>
  user ? `${user.displayName}（${user.username}）` : '绩效管理员';

/** Addresses are kept trimmed; undefined leaves the stored one, null clears it. */
const normalizeEmail = (email: string | null | undefined): string | null | undefined =>
  typeof email === 'string' ? email.trim() : email;
