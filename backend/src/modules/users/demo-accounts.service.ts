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

  /** DEMO_PASSWORD, hashed ahead by prepare() on a new database. */
  private passwordHash?: Promise<string>;

  /**
   * On a new database (no demo administrator yet), starts hashing DEMO_PASSWORD: argon2 then runs on libuv's
   * thread pool while the seed import, which the demo accounts wait for, runs on the main thread. ensure() takes
   * that hash; a start on an existing database hashes nothing.
   */
  async prepare(): Promise<void> {
    if (!this.config.demoAccounts || this.passwordHash) return;
    this.checkPassword();
    const existing = await this.users.userIds(this.dataSource.manager, ['admin', 'auditor']);
    if (existing.size < 2) this.passwordHash = this.hash();
  }

  async ensure(): Promise<DemoAccount[]> {
    if (!this.config.demoAccounts) return [];
    this.checkPassword();
    // Read before the transaction, so that argon2 (about half a second of CPU) runs only when an account is
    // missing — on a first start, not on every later one — and never while holding the connection.
    const accounts = demoAccountsOf(await this.users.demoDepartment(this.dataSource.manager));
    const existing = await this.users.userIds(
      this.dataSource.manager,
      accounts.map((a) => a.username),
    );
    // Every demo account has the same password (DEMO_PASSWORD), so one hash (argon2, with its own random salt)
    // serves all of them: the accounts then share the salt, which is acceptable for development-only accounts
    // (never created in production) and saves one hash per account on a first start.
    const passwordHash = accounts.some((a) => !existing.has(a.username))
      ? await (this.passwordHash ?? this.hash())
      : undefined;
    this.passwordHash = undefined;
    return this.dataSource.transaction(async (manager) => {
      const assignments: { projectId: string; userId: string }[] = [];
      for (const account of accounts) {
        let id = existing.get(account.username);
        if (id === undefined) {
          // A missing account: the hash was made above. (Before this start's server listens, nothing else
          // creates or deletes users; an account created meanwhile is kept as it is, ON CONFLICT DO NOTHING.)
          const upserted = await this.users.upsertDemoUser(manager, {
            ...account,
            passwordHash: passwordHash as string,
          });
          id = upserted.id;
          if (upserted.created) {
            await this.audit.record(manager, {
              action: 'user.create-demo',
              entity: 'user',
              entityId: id,
              after: { username: account.username, role: account.role },
              actor: { id: null, username: 'system' },
            });
          }
        }
        if (account.projectId) assignments.push({ projectId: account.projectId, userId: id });
      }
      await this.users.assign(manager, assignments);
      this.logger.log(`Demo accounts ready: ${accounts.length}`);
      return accounts.map(({ username, role, displayName, project }) => ({
        username,
        role,
        displayName,
        project,
      }));
    });
  }

  private checkPassword(): void {
    const problem = passwordPolicyViolation(this.config.demoPassword);
    if (problem) throw new Error(`DEMO_PASSWORD does not meet the password policy: ${problem}`);
  }

  private hash(): Promise<string> {
    const hashing = argon2.hash(this.config.demoPassword);
    // A hash started by prepare() and never awaited must not fail the process as an unhandled rejection.
    hashing.catch(() => undefined);
    return hashing;
  }
}

/** admin, leader (with a department only), auditor, and one lead per project of the first department. */
function demoAccountsOf(
  department: { id: string; projects: { id: string; name: string }[] } | undefined,
): (DemoAccount & { departmentId: string | null; projectId?: string })[] {
  const departmentId: string | null = department?.id ?? null;
  const projects = department?.projects ?? [];
  return [
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
}
