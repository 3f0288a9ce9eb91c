/** The lead's home (我的项目, the 填报 entry). Part of the zh-CN catalogue (section `leadHome`). */
export const LEAD_HOME_MESSAGES = {
  title: '我的项目',
  subtitle: (period: string): string => `本月：${period}。点击月份查看或填报该月`,
  subtitleNoMonth: '分配给您的项目及各月填报情况',
  loading: '正在加载我的项目…',
  failed: '我的项目加载失败',
  retry: '重试',
  noProjects: '您还没有被分配项目，请联系绩效管理员',
  year: '年度',
  yearOption: (year: number): string => `${year} 年`,
  summary: {
    todo: '本月待填报',
    returned: '个月退回待修改',
    overdue: '个月逾期',
    done: '本月已提交或已通过',
  },
  /** The state of a project's month, as the lead reads it. */
  states: {
    todo: '待填报',
    draft: '草稿',
    submitted: '已提交，待审核',
    returned: '已退回',
    approved: '已审核通过',
  },
  /** The same, short, for the month strip. */
  short: {
    todo: '待填',
    draft: '草稿',
    submitted: '已提交',
    returned: '退回',
    approved: '通过',
  },
  overdue: '已逾期',
  due: (date: string): string => `截止 ${date}`,
  progress: (reported: number, total: number): string => `已填 ${reported}/${total} 项指标`,
  red: (count: number): string => `${count} 项红灯`,
  returnReason: (reason: string): string => `退回原因：${reason}`,
  overdueMonths: (count: number): string => `${count} 个月逾期`,
  /** The button of this month: fill what is open, look at what is in. */
  fill: (month: string): string => `填报 ${month}`,
  revise: (month: string): string => `修改 ${month}`,
  view: (month: string): string => `查看 ${month}`,
  months: '各月',
  monthsLabel: (project: string): string => `${project} 各月填报状态`,
  monthTitle: (month: string, state: string): string => `${month}：${state}`,
  notStarted: '未开始',
  projectPage: '项目详情',
  /** 部门整体: the department-wide goals the user reports (the admins, or the designated reporter). */
  overallName: (department: string): string => `部门整体 · ${department}`,
  overallPage: '部门整体详情',
};
