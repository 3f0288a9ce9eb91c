import { aProject } from '../../../core/api/testing/department-builders';
import type { AuditEntry, ProjectWithLeads, UserAccount } from '../admin.api';

let sequence = 0;
const nextId = (): string => {
  sequence += 1;
  return `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`;
};

/** GET /api/users and GET /api/departments answer the same department shape everywhere. */
export { aDepartment } from '../../../core/api/testing/department-builders';

export function aUserAccount(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: nextId(),
    username: 'lead01',
    displayName: '项目负责人1',
    role: 'lead',
    departmentCode: '031',
    email: null,
    active: true,
    lockedUntil: null,
    lastLoginAt: null,
    version: 1,
    projects: [],
    ...overrides,
  };
}

export function aProjectWithLeads(overrides: Partial<ProjectWithLeads> = {}): ProjectWithLeads {
  return aProject({ id: nextId(), code: '42011225031T000000113', name: '党建', leads: [], ...overrides });
}

export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: String(sequence++),
    at: '2025-07-11T02:00:00.000Z',
    actorId: nextId(),
    actorName: 'admin',
    action: 'period-lock.lock',
    actionLabel: '锁定月份',
    summary: 'admin 锁定月份 武汉市人社局 2025 年 · 2025-06（原因：半年监控）',
    changes: [],
    projectName: null,
    entity: 'period-lock',
    entityId: nextId(),
    before: null,
    after: { period: '2025-06' },
    reason: '半年监控',
    requestId: null,
    ...overrides,
  };
}
