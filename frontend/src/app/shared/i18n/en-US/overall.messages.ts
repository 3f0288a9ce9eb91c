import type { Messages } from '../messages.zh-CN';

/** 部门整体 in English (section `overall`). */
export const OVERALL_MESSAGES: Messages['overall'] = {
  title: 'Department as a whole',
  subtitle:
    'Department-wide performance goals (Table 11, 表11): long-term and annual goals and their indicators',
  print: 'Print',
  report: 'Report the department-wide goals',
  asOfLabel: (period: string): string => `As of ${period}`,
  loadingDepartments: 'Loading departments…',
  loading: 'Loading department-wide goals…',
  departmentsFailed: 'Could not load the departments',
  failed: 'Could not load the department-wide goals',
  retry: 'Retry',
  noDepartments: 'No departments yet: import a department budget first',
  noYears: 'This department has no annual budget yet',
  missing: '—',
  light: 'Overall light',
  lightReason: "The department's light is its worst indicator light",
  indicatorLights: (total: number): string => `Annual indicator lights (${total} in all)`,
  functions: 'Department functions',
  annualTasks: 'Main tasks of the year',
  tabs: {
    annual: (count: number): string => `Annual goals (${count})`,
    long: (count: number): string => `Long-term goals (${count})`,
    funds: 'Funding',
  },
  funds: {
    income: 'Income',
    expenditure: 'Expenditure',
    item: 'Item',
    amount: (year: number, unit: string | null): string => `${year} (${unit ?? '¥10,000'})`,
    share: 'Share',
    totalName: 'Total',
    empty: 'The source document lists no funding breakdown',
  },
};
