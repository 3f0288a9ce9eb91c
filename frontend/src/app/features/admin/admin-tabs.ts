import type { UserRole } from '../../core/auth/auth.models';
import type { Messages } from '../../shared/i18n/messages';

/** One tab of 管理; `path` is its child route under /admin. */
export interface AdminTab {
  readonly path: string;
  readonly icon: string;
  readonly label: (messages: Messages) => string;
  /** Auditors see the read-only tabs; changes are the admin's. */
  readonly roles: readonly UserRole[];
}

export const ADMIN_TABS: readonly AdminTab[] = [
  { path: 'users', icon: 'team', label: (m) => m.admin.tabs.users, roles: ['admin', 'auditor'] },
  { path: 'assignments', icon: 'user', label: (m) => m.admin.tabs.assignments, roles: ['admin'] },
  { path: 'import', icon: 'import', label: (m) => m.admin.tabs.import, roles: ['admin'] },
  { path: 'trees', icon: 'apartment', label: (m) => m.treeEditor.admin.title, roles: ['admin'] },
  { path: 'periods', icon: 'lock', label: (m) => m.admin.tabs.periods, roles: ['admin', 'auditor'] },
  { path: 'audit', icon: 'file-search', label: (m) => m.admin.tabs.audit, roles: ['admin', 'auditor'] },
  { path: 'targets', icon: 'edit', label: (m) => m.admin.tabs.targets, roles: ['admin'] },
  {
    path: 'target-review',
    icon: 'audit',
    label: (m) => m.admin.tabs.targetReview,
    roles: ['admin', 'auditor'],
  },
  { path: 'rules', icon: 'setting', label: (m) => m.admin.tabs.rules, roles: ['admin'] },
];

export function tab(path: string): AdminTab {
  return ADMIN_TABS.find((item) => item.path === path) as AdminTab;
}
