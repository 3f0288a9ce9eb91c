import { ADMIN_MESSAGES } from './zh-CN/admin.messages';
import { RULES_MESSAGES } from './zh-CN/rules.messages';
import { DASHBOARD_MESSAGES } from './zh-CN/dashboard.messages';
import { ENTRY_MESSAGES } from './zh-CN/entry.messages';
import { GOALS_MESSAGES } from './zh-CN/goals.messages';
import { INDICATOR_HISTORY_MESSAGES } from './zh-CN/indicator-history.messages';
import { LIFECYCLE_MESSAGES } from './zh-CN/lifecycle.messages';
import { LEAD_HOME_MESSAGES } from './zh-CN/lead-home.messages';
import { MONITORING_FORM_MESSAGES } from './zh-CN/monitoring-form.messages';
import { MONITORING_MESSAGES } from './zh-CN/monitoring.messages';
import { OVERALL_MESSAGES } from './zh-CN/overall.messages';
import { PROJECT_DETAIL_MESSAGES } from './zh-CN/project-detail.messages';
import { PROJECTION_MESSAGES } from './zh-CN/projection.messages';
import { NOTIFICATIONS_MESSAGES } from './zh-CN/notifications.messages';
import { REMINDERS_MESSAGES } from './zh-CN/reminders.messages';
import { REVIEW_MESSAGES } from './zh-CN/review.messages';
import { SELF_EVALUATION_MESSAGES } from './zh-CN/self-evaluation.messages';
import { TREE_EDITOR_MESSAGES } from './zh-CN/tree-editor.messages';

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
  demo: {
    banner: '演示数据',
    note: '本环境的填报、审核与自评均为演示用的虚构数据（npm run demo）',
  },
  nav: {
    label: '主导航',
    dashboard: '首页',
    projects: '项目',
    department: '部门整体',
    progress: '填报',
    approvals: '审核',
    admin: '管理',
    selfEvaluation: '绩效自评',
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
    expired: '登录已过期，请重新登录',
    demoHint: '演示账户：admin / leader / auditor / lead01…，密码见启动输出',
    showPassword: '显示密码',
  },
  changePassword: {
    title: '修改密码',
    required: '您的密码由管理员设置（初始密码或重置的密码），请先改为只有您知道的新密码，再使用系统。',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '再次输入新密码',
    hint: '至少 10 位，含大写字母、小写字母、数字、符号中的三类；不能包含用户名',
    currentRequired: '请输入当前密码',
    newRequired: '请输入新密码',
    mismatch: '两次输入的新密码不一致',
    submit: '修改密码',
    submitting: '正在保存…',
    failed: '修改失败',
  },
  session: {
    logout: '退出登录',
    changePassword: '修改密码',
  },
  /** The language switch of the header and the login page; each language is named in itself. */
  locale: {
    label: '界面语言',
    switchTo: (language: string): string => `切换界面语言为 ${language}`,
    /** Each language in itself, the same in every catalogue. */
    names: { 'zh-CN': '中文', 'en-US': 'English' },
  },
  /** How pieces are joined: punctuation differs between the languages, so it is not written in templates. */
  format: {
    /** A label before its value (label：value). */
    label: (label: string): string => `${label}：`,
    pair: (label: string, value: string): string => `${label}：${value}`,
    /** A name with its code or account (张三（zhangsan）). */
    withCode: (name: string, code: string): string => `${name}（${code}）`,
    /** An aside in parentheses. */
    aside: (text: string): string => `（${text}）`,
    listSeparator: '、',
    list: (items: readonly string[]): string => items.join('、'),
  },
  /** 角色: the four roles of the API, in the words users know them by. */
  roles: {
    admin: '绩效管理员',
    leader: '部门领导',
    lead: '项目负责人',
    auditor: '审计员',
  },
  /** The department / year / month (截至月份) picker of the dashboard, 部门整体 and project list. */
  picker: {
    department: '部门',
    /** A department in a select: its name, the code after it (people know departments by name). */
    departmentOption: (name: string, code: string): string => `${name}（${code}）`,
    year: '年度',
    yearOption: (year: number): string => `${year} 年`,
    asOf: '截至',
  },
  projects: {
    title: '项目',
    subtitle: '按部门和年度查看项目的预算、负责人、预警与填报情况',
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
    missingCodeShort: '无编码',
    search: '搜索项目',
    searchPlaceholder: '按项目名称或编码搜索',
    filters: {
      light: '项目预警',
      category: '类别',
      lead: '负责人',
      clear: '清除筛选',
    },
    filteredCount: (shown: number, total: number): string => `筛选出 ${shown} 个，共 ${total} 个项目`,
    noMatch: '没有符合筛选条件的项目',
    filteredTotal: '合计（筛选结果）',
    noLead: '未分配',
    notReported: '未填报',
    noReport: '尚无填报',
    columns: {
      code: '编码',
      name: '项目',
      category: '类别',
      lead: '负责人',
      budget: '当年预算（万元）',
      light: '项目预警',
      lightSummary: '指标预警',
      execution: '预算执行率',
      lastReport: '最近填报',
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
  /** 监控规则 (管理). */
  rules: RULES_MESSAGES,
  reminders: REMINDERS_MESSAGES,
  notifications: NOTIFICATIONS_MESSAGES,
  leadHome: LEAD_HOME_MESSAGES,
  /** Sections of the reading screens: goals and trees, the dashboard, project detail and 部门整体. */
  goals: GOALS_MESSAGES,
  treeEditor: TREE_EDITOR_MESSAGES,
  dashboard: DASHBOARD_MESSAGES,
  projectDetail: PROJECT_DETAIL_MESSAGES,
  projection: PROJECTION_MESSAGES,
  monitoringForm: MONITORING_FORM_MESSAGES,
  overall: OVERALL_MESSAGES,
  indicatorHistory: INDICATOR_HISTORY_MESSAGES,
  lifecycle: LIFECYCLE_MESSAGES,
  /** 绩效自评 screens. */
  selfEvaluation: SELF_EVALUATION_MESSAGES,
};

export type Messages = typeof ZH_CN_MESSAGES;
