import type { Messages } from './messages.zh-CN';
import { ADMIN_MESSAGES } from './en-US/admin.messages';
import { RULES_MESSAGES } from './en-US/rules.messages';
import { DASHBOARD_MESSAGES } from './en-US/dashboard.messages';
import { ENTRY_MESSAGES } from './en-US/entry.messages';
import { GOALS_MESSAGES } from './en-US/goals.messages';
import { INDICATOR_HISTORY_MESSAGES } from './en-US/indicator-history.messages';
import { LIFECYCLE_MESSAGES } from './en-US/lifecycle.messages';
import { LEAD_HOME_MESSAGES } from './en-US/lead-home.messages';
import { MONITORING_FORM_MESSAGES } from './en-US/monitoring-form.messages';
import { MONITORING_MESSAGES } from './en-US/monitoring.messages';
import { OVERALL_MESSAGES } from './en-US/overall.messages';
import { PROJECT_DETAIL_MESSAGES } from './en-US/project-detail.messages';
import { PROJECTION_MESSAGES } from './en-US/projection.messages';
import { NOTIFICATIONS_MESSAGES } from './en-US/notifications.messages';
import { REMINDERS_MESSAGES } from './en-US/reminders.messages';
import { REVIEW_MESSAGES } from './en-US/review.messages';
import { SELF_EVALUATION_MESSAGES } from './en-US/self-evaluation.messages';
import { TREE_EDITOR_MESSAGES } from './en-US/tree-editor.messages';

/**
 * Every string a user sees, in English: the same `Messages` type as the Chinese catalogue, so a key added there
 * and not here fails to compile. Chinese official terms stay in parentheses where they are terms of art.
 */
export const EN_US_MESSAGES: Messages = {
  app: {
    name: 'Performance Target Management',
    latinName: 'Jixiao',
    shortName: '绩效',
    titleSeparator: ' · ',
  },
  demo: {
    banner: 'Demo data',
    note: 'The reports, reviews and self-evaluations here are made-up demo data (npm run demo)',
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Home',
    projects: 'Projects',
    department: 'Department',
    progress: 'Report',
    approvals: 'Review',
    admin: 'Admin',
    selfEvaluation: 'Self-evaluation',
    collapse: 'Collapse menu',
    expand: 'Expand menu',
  },
  login: {
    title: 'Sign in',
    description:
      'Reporting, tracking and self-evaluation of the performance targets of department budget projects',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Sign-in failed',
    expired: 'Your session has ended: please sign in again',
    demoHint: 'Demo accounts: admin / leader / auditor / lead01…; the password is printed at start-up',
    showPassword: 'Show password',
  },
  changePassword: {
    title: 'Change password',
    required:
      'Your password was set by an administrator (initial or reset): choose a new one only you know before going on.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'New password again',
    hint: 'At least 10 characters, from three of: upper case, lower case, digits, symbols; not containing the username',
    currentRequired: 'Enter your current password',
    newRequired: 'Enter a new password',
    mismatch: 'The two new passwords differ',
    submit: 'Change password',
    submitting: 'Saving…',
    failed: 'Could not change the password',
  },
  session: {
    logout: 'Sign out',
    changePassword: 'Change password',
  },
  locale: {
    label: 'Language',
    switchTo: (language: string): string => `Switch the language to ${language}`,
    names: { 'zh-CN': '中文', 'en-US': 'English' },
  },
  format: {
    label: (label: string): string => `${label}: `,
    pair: (label: string, value: string): string => `${label}: ${value}`,
    withCode: (name: string, code: string): string => `${name} (${code})`,
    aside: (text: string): string => ` (${text})`,
    listSeparator: ', ',
    list: (items: readonly string[]): string => items.join(', '),
  },
  roles: {
    admin: 'Performance admin',
    leader: 'Department leader',
    lead: 'Project lead',
    auditor: 'Auditor',
  },
  picker: {
    department: 'Department',
    departmentOption: (name: string, code: string): string => `${name} (${code})`,
    year: 'Year',
    yearOption: (year: number): string => `${year}`,
    asOf: 'As of',
  },
  projects: {
    title: 'Projects',
    subtitle: 'Budgets, leads, lights and reporting of the projects by department and year',
    loadingDepartments: 'Loading departments…',
    noDepartments: 'No departments yet: import a department budget first',
    noYears: 'This department has no annual budget yet',
    noProjects: (year: number): string => `This department has no projects in ${year}`,
    departmentsFailed: 'Could not load the departments',
    projectsFailed: 'Could not load the projects',
    retry: 'Retry',
    projectCount: (count: number): string => `${count} project${count === 1 ? '' : 's'}`,
    total: 'Total',
    missingValue: '—',
    missingCode: 'The source document gives no project code',
    missingCodeShort: 'No code',
    search: 'Search projects',
    searchPlaceholder: 'Search by project name or code',
    filters: {
      light: 'Project light',
      category: 'Category',
      lead: 'Lead',
      clear: 'Clear filters',
    },
    filteredCount: (shown: number, total: number): string => `${shown} of ${total} projects`,
    noMatch: 'No project matches the filters',
    filteredTotal: 'Total (filtered)',
    noLead: 'Unassigned',
    notReported: 'Not reported',
    noReport: 'No reports yet',
    columns: {
      code: 'Code',
      name: 'Project',
      category: 'Category',
      lead: 'Lead',
      budget: 'Budget for the year (¥10,000)',
      light: 'Project light',
      lightSummary: 'Indicator lights',
      execution: 'Budget spent',
      lastReport: 'Last report',
    },
  },
  errors: {
    title: 'Request failed',
    network: 'Cannot reach the server: check the network and try again',
    server: 'Server error: try again later',
    http: (status: number): string => `The server answered with an error (HTTP ${status})`,
  },
  monitoring: MONITORING_MESSAGES,
  entry: ENTRY_MESSAGES,
  review: REVIEW_MESSAGES,
  admin: ADMIN_MESSAGES,
  rules: RULES_MESSAGES,
  reminders: REMINDERS_MESSAGES,
  notifications: NOTIFICATIONS_MESSAGES,
  leadHome: LEAD_HOME_MESSAGES,
  goals: GOALS_MESSAGES,
  treeEditor: TREE_EDITOR_MESSAGES,
  dashboard: DASHBOARD_MESSAGES,
  projectDetail: PROJECT_DETAIL_MESSAGES,
  projection: PROJECTION_MESSAGES,
  monitoringForm: MONITORING_FORM_MESSAGES,
  overall: OVERALL_MESSAGES,
  indicatorHistory: INDICATOR_HISTORY_MESSAGES,
  lifecycle: LIFECYCLE_MESSAGES,
  selfEvaluation: SELF_EVALUATION_MESSAGES,
};
