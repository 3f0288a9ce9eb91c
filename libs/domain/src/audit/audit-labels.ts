/**
 * The audit log in words people read: what each recorded action is called, and what each field of a
 * before/after snapshot means. The backend writes summaries with them; the audit page offers the actions to pick.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login-failed': '登录失败',
  'auth.lockout': '登录失败并锁定账号',
  'auth.refresh-reuse': '重复使用已失效的登录凭证',
  'user.create': '新建用户',
  'user.create-demo': '创建演示账号',
  'user.create-admin': '创建首个管理员',
  'user.update': '修改用户',
  'user.reset-password': '重置密码',
  'user.change-password': '修改密码',
  'user.change-locale': '切换界面语言',
  'project.assign-leads': '指定项目负责人',
  'department.assign-reporter': '指定部门整体填报人',
  'progress-report.create': '填报',
  'progress-report.update': '修改填报',
  'progress-report.reevaluate': '重新判定亮灯',
  'budget-execution.create': '填报预算执行',
  'budget-execution.update': '修改预算执行',
  'evidence.upload': '上传佐证材料',
  'evidence.download': '下载佐证材料',
  'period.submit': '提交月度填报',
  'period.approve': '审核通过月度填报',
  'period.return': '退回月度填报',
  'period.unlock': '解锁月度填报',
  'period-lock.lock': '锁定月份',
  'period-lock.release': '解除月份锁定',
  'round.open': '开启监控轮次',
  'round.close': '关闭监控轮次',
  'self-evaluation.create': '填写自评',
  'self-evaluation.update': '修改自评',
  'self-evaluation.submit': '提交自评',
  'self-evaluation.approve': '审核通过自评',
  'self-evaluation.return': '退回自评',
  'self-evaluation.unlock': '解锁自评',
  'indicator.correct-target': '更正指标值理解',
  'indicator.confirm-target': '确认指标值理解无误',
  'targets.import': '导入绩效目标表',
  'project.archive-by-import': '导入时归档项目',
  'goal.archive-by-import': '导入时归档目标',
  'indicator.archive-by-import': '导入时归档指标',
  'project.restore-by-import': '导入时恢复项目',
  'goal.restore-by-import': '导入时恢复目标',
  'indicator.restore-by-import': '导入时恢复指标',
  'import.load': '导入预算文档',
  'export.download': '下载导出文件',
  'target-review-rule.enable': '启用目标质量审查规则',
  'target-review-rule.disable': '停用目标质量审查规则',
  'fiscal-year.carry-forward': '结转下一年度',
  'indicator.confirm-proposal': '确认结转建议的指标值',
  'fiscal-year.create': '新建预算年度',
  'project.create': '新建项目',
  'project.update': '修改项目',
  'goal.create': '新增绩效目标',
  'goal.update': '修改绩效目标',
  'indicator.create': '新增指标',
  'indicator.update': '修改指标',
  'indicator.delete': '删除指标',
  'indicator.archive': '归档指标',
  'notification.read': '标记通知为已读',
  'notification.read-all': '全部通知标为已读',
  'digest.send': '发送领导月度摘要邮件',
  'tree.submit': '申报绩效目标',
  'tree.approve': '批复绩效目标',
  'tree.return': '退回绩效目标',
  'target-adjustment.propose': '提出指标值调整申请',
  'target-adjustment.approve': '批准指标值调整',
  'target-adjustment.return': '退回指标值调整申请',
  'monitoring-rules.update': '修改监控规则',
};

/** The Chinese name of an action; an action nobody named yet keeps its code rather than vanish. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** How a snapshot field is shown: its label and how its value reads. */
export type AuditFieldFormat =
  | 'text'
  | 'money-yuan'
  | 'light'
  | 'status'
  | 'datetime'
  | 'boolean'
  | 'list'
  | 'role'
  | 'login-failure'
  | 'locale';

/** Coded values of snapshots, by format, in words. */
export const AUDIT_VALUE_LABELS: Readonly<
  Partial<Record<AuditFieldFormat, Readonly<Record<string, string>>>>
> = {
  role: { admin: '绩效管理员', leader: '部门领导', lead: '项目负责人', auditor: '审计员' },
  locale: { 'zh-CN': '中文', 'en-US': '英文' },
  'login-failure': {
    'unknown-user': '用户不存在',
    'wrong-password': '密码错误',
    disabled: '账号已停用',
    locked: '账号已锁定',
    'changed-during-login': '登录期间账号被修改',
  },
};

export interface AuditFieldLabel {
  readonly label: string;
  readonly format: AuditFieldFormat;
}

const field = (label: string, format: AuditFieldFormat = 'text'): AuditFieldLabel => ({ label, format });

/** The fields of audit snapshots that a person would want to compare; the rest stays in the raw JSON. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, AuditFieldLabel>> = {
  actualRaw: field('完成值'),
  forecastRaw: field('预计全年完成值'),
  likelihood: field('完成可能性'),
  reasons: field('偏差原因', 'list'),
  reasonText: field('原因说明'),
  correctiveAction: field('改进措施'),
  evidence: field('佐证说明'),
  light: field('亮灯', 'light'),
  lightReason: field('亮灯依据'),
  executedYuan: field('预算执行数', 'money-yuan'),
  note: field('备注'),
  status: field('状态', 'status'),
  returnReason: field('退回原因'),
  submittedAt: field('提交时间', 'datetime'),
  reviewedAt: field('审核时间', 'datetime'),
  reason: field('原因', 'login-failure'),
  role: field('角色', 'role'),
  username: field('用户名'),
  displayName: field('姓名'),
  active: field('启用', 'boolean'),
  mustChangePassword: field('须修改密码', 'boolean'),
  locale: field('界面语言', 'locale'),
  email: field('电子邮箱'),
  readAt: field('已读时间', 'datetime'),
  recipients: field('收件人', 'list'),
  departmentCode: field('部门编码'),
  leads: field('项目负责人', 'list'),
  reporter: field('部门整体填报人'),
  targetRaw: field('指标值'),
  weight: field('分值'),
  archivedAt: field('归档时间', 'datetime'),
  lockedUntil: field('锁定至', 'datetime'),
  failures: field('连续失败次数'),
  fileName: field('文件名'),
  overallResult: field('总体评价'),
  totalScore: field('总分'),
  grade: field('等级'),
  ruleId: field('审查规则'),
  enabled: field('启用', 'boolean'),
  title: field('目标内容'),
  level1: field('一级指标'),
  level2: field('二级指标'),
  basis: field('指标值确定依据'),
  prev1: field('上年'),
  prev2: field('前年'),
};
