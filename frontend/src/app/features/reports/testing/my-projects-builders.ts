import type { MyProject, MyProjectMonth, MyProjects } from '../my-projects.api';

/** A month of a lead's project; overrides take precedence. */
export function aMyProjectMonth(overrides: Partial<MyProjectMonth> = {}): MyProjectMonth {
  const period = overrides.period ?? '2025-06';
  return {
    period,
    status: null,
    dueDate: '2025-07-10',
    overdue: false,
    started: true,
    returnReason: null,
    submittedAt: null,
    reviewedAt: null,
    reportedCount: 0,
    redCount: 0,
    ...overrides,
  };
}

/** A project with its twelve months of 2025; `months` overrides single months by period. */
export function aMyProject(
  overrides: Partial<Omit<MyProject, 'months'>> & { months?: Partial<MyProjectMonth>[] } = {},
  currentPeriod = '2025-06',
): MyProject {
  const { months: changed = [], ...rest } = overrides;
  const months = Array.from({ length: 12 }, (_, index) => {
    const period = `2025-${String(index + 1).padStart(2, '0')}`;
    return aMyProjectMonth({ period, ...changed.find((month) => month.period === period) });
  });
  return {
    projectId: 'p-1',
    overall: false,
    projectName: '信息化建设',
    projectCode: null,
    department: { code: '031', name: '武汉市东西湖区人力资源和社会保障局' },
    indicatorCount: 7,
    current: months.find((month) => month.period === currentPeriod) ?? months[0],
    months,
    overdueCount: months.filter((month) => month.overdue).length,
    ...rest,
  };
}

export function myProjects(projects: MyProject[], overrides: Partial<MyProjects> = {}): MyProjects {
  return {
    year: 2025,
    years: [2025],
    currentPeriod: '2025-06',
    today: '2025-07-03',
    projects,
    ...overrides,
  };
}
