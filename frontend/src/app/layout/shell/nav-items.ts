import type { Messages } from '../../shared/i18n/messages';

/** One entry of the sider menu; `path` is also the top-level route it opens. */
export interface NavItem {
  readonly path: string;
  /** ng-zorro icon type, registered in core/icons. */
  readonly icon: string;
  readonly label: (messages: Messages) => string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: 'dashboard', icon: 'home', label: (m) => m.nav.dashboard }, // 首页
  { path: 'projects', icon: 'project', label: (m) => m.nav.projects }, // 项目
  { path: 'department', icon: 'apartment', label: (m) => m.nav.department }, // 部门整体
  { path: 'progress', icon: 'form', label: (m) => m.nav.progress }, // 填报
  { path: 'approvals', icon: 'audit', label: (m) => m.nav.approvals }, // 审核
  { path: 'admin', icon: 'setting', label: (m) => m.nav.admin }, // 管理
];
