import { ADMIN_MESSAGES } from './zh-CN/admin.messages';
import { ENTRY_MESSAGES } from './zh-CN/entry.messages';
import { MONITORING_MESSAGES } from './zh-CN/monitoring.messages';
import { REMINDERS_MESSAGES } from './zh-CN/reminders.messages';
import { REVIEW_MESSAGES } from './zh-CN/review.messages';

/**
 * Every string a user sees, in Chinese (the default locale). An English catalogue is another object of the
 * same `Messages` type provided through the `MESSAGES` token; nothing else needs to change.
 * Strings that take values are functions, so word order stays the translator's choice.
 */
export const ZH_CN_MESSAGES = {
  app: {
    name: '绩效目标管理',
    latinName: 'Jixiao',
    shortName: '绩效',
    titleSeparator: ' · ',
  },
  nav: {
    label: '主导航',
    dashboard: '首页',
    projects: '项目',
    department: '部门整体',
    progress: '填报',
    approvals: '审核',
    admin: '管理',
    collapse: '收起菜单',
    expand: '展开菜单',
  },
  login: {
    title: '登录',
    description: '部门预算项目绩效目标的填报、跟踪与自评',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    submitting: '正在登录…',
    failed: '登录失败',
    locked: '账户已锁定',
    lockedUntil: (time: string): string => `预计 ${time} 解锁。`,
    expired: '登录已过期，请重新登录',
    demoHint: '演示账户：admin / leader / auditor / lead01…，密码见启动输出',
  },
  session: {
    logout: '退出登录',
  },
  /** 角色: the four roles of the API, in the words users know them by. */
  roles: {
    admin: '绩效管理员',
    leader: '部门领导',
    lead: '项目负责人',
    auditor: '审计员',
  },
  underConstruction: {
    title: '建设中',
    subtitle: (page: string): string => `“${page}”页面正在建设中，敬请期待。`,
    backToProjects: '查看项目',
  },
  projects: {
    title: '项目',
    subtitle: '按部门和年度查看项目及当年预算',
    department: '部门',
    year: '年度',
    yearOption: (year: number): string => `${year} 年`,
    loadingDepartments: '正在加载部门…',
    noDepartments: '暂无部门数据，请先导入部门预算',
    noYears: '该部门暂无年度预算数据',
    noProjects: (year: number): string => `该部门 ${year} 年暂无项目`,
    departmentsFailed: '部门数据加载失败',
    projectsFailed: '项目数据加载失败',
    retry: '重试',
    projectCount: (count: number): string => `共 ${count} 个项目`,
    total: '合计',
    missingValue: '—',
    missingCode: '源文件未给出项目编码',
    columns: {
      code: '编码',
      name: '项目名称',
      category: '类别',
      budget: '当年预算（万元）',
    },
  },
  errors: {
    title: '请求失败',
    network: '无法连接服务器，请检查网络后重试',
    server: '服务器出错，请稍后重试',
    http: (status: number): string => `服务器返回错误（HTTP ${status}）`,
  },
  /** Lights, workflow states and periods of monitoring, shared by several screens. */
  monitoring: MONITORING_MESSAGES,
  /** Sections of the monitoring cycle's screens, each in its own file under zh-CN/. */
  entry: ENTRY_MESSAGES,
  review: REVIEW_MESSAGES,
  admin: ADMIN_MESSAGES,
  reminders: REMINDERS_MESSAGES,
};

export type Messages = typeof ZH_CN_MESSAGES;
