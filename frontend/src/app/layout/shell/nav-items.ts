import type { UserRole } from '../../core/auth/auth.models';
import type { Messages } from '../../shared/i18n/messages';

/** One entry of the sider menu; `path` is also the top-level route it opens. */
export interface NavItem {
  readonly path: string;
  /** ng-zorro icon type, registered in core/icons. */
  readonly icon: string;
  readonly label: (messages: Messages) => string;
  /** Only these roles see the entry; every role when absent. */
  readonly roles?: readonly UserRole[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: 'dashboard', icon: 'home', label: (m) => m.nav.dashboard }, // 首页
  { path: 'projects', icon: 'project', label: (m) => m.nav.projects }, // 项目
  { path: 'overall', icon: 'apartment', label: (m) => m.nav.department }, // 部门整体
  { path: 'self-evaluation', icon: 'file-search', label: (m) => m.nav.selfEvaluation }, // 绩效自评
  { path: 'reports', icon: 'form', label: (m) => m.nav.progress, roles: ['lead', 'admin'] }, // 填报 (an admin: 部门整体)
  { path: 'reviews', icon: 'audit', label: (m) => m.nav.approvals, roles: ['leader'] }, // 审核
  { path: 'admin', icon: 'setting', label: (m) => m.nav.admin, roles: ['admin', 'auditor'] }, // 管理
];
