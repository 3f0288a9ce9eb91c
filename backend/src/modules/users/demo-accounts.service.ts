import { Inject, Injectable, Logger } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { passwordPolicyViolation } from '../../common/auth/password-policy';
import type { AuthConfig } from '../../config/auth.config';
import { AuditService } from '../audit/audit.service';
import { AUTH_CONFIG } from '../auth/auth.tokens';
import type { RoleCode } from './entities/role.entity';
import { UsersRepository } from './users.repository';

export interface DemoAccount {
  username: string;
  role: RoleCode;
  displayName: string;
  project?: string;
}

/**
 * Demo accounts, only outside production: admin, leader, auditor, and one lead per project of the first
 * department (lead01, lead02 … in 表12 order), each assigned to its project. Existing accounts are kept as
 * they are (a changed password stays changed).
 */
@Injectable()
export class DemoAccountsService {
  private readonly logger = new Logger(DemoAccountsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async ensure(): Promise<DemoAccount[]> {
    if (!this.config.demoAccounts) return [];
    const problem = passwordPolicyViolation(this.config.demoPassword);
    if (problem) throw new Error(`DEMO_PASSWORD does not meet the password policy: ${problem}`);
    const passwordHash = await argon2.hash(this.config.demoPassword);
    return this.dataSource.transaction(async (manager) => {
      const department = await this.users.demoDepartment(manager);
      const departmentId: string | null = department?.id ?? null;
      const projects = department?.projects ?? [];
      const accounts: (DemoAccount & { departmentId: string | null; projectId?: string })[] = [
        { username: 'admin', role: 'admin', displayName: '绩效管理员（演示）', departmentId: null },
        // A leader must belong to a department: none without one (a database without any budget yet).
        ...(departmentId
          ? [{ username: 'leader', role: 'leader' as const, displayName: '部门领导（演示）', departmentId }]
          : []),
        { username: 'auditor', role: 'auditor', displayName: '审计员（演示）', departmentId: null },
        ...projects.map((p, i) => ({
          username: `lead${String(i + 1).padStart(2, '0')}`,
          role: 'lead' as const,
          displayName: `项目负责人${i + 1}（演示）`,
          departmentId,
          project: p.name,
          projectId: p.id,
        })),
      ];
      for (const account of accounts) {
        const { id, created } = await this.users.upsertDemoUser(manager, { ...account, passwordHash });
        if (created) {
          await this.audit.record(manager, {
            action: 'user.create-demo',
            entity: 'user',
            entityId: id,
            after: { username: account.username, role: account.role },
            actor: { id: null, username: 'system' },
          });
        }
        if (account.projectId) {
          await this.users.assign(manager, account.projectId, id);
        }
      }
      this.logger.log(`Demo accounts ready: ${accounts.length}`);
      return accounts.map(({ username, role, displayName, project }) => ({
        username,
        role,
        displayName,
        project,
      }));
    });
  }
}
