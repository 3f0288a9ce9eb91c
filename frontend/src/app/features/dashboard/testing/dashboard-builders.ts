import { someLightCounts } from '../../../core/api/testing/department-builders';
import type {
  BudgetTotal,
  CityDashboard,
  DepartmentDashboard,
  DepartmentRollup,
  FlaggedIndicator,
  FlaggedPage,
  OverdueReport,
  ProjectBudget,
  TrendPoint,
} from '../dashboard.models';

let sequence = 0;

const uuid = (n: number): string => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
const DEPARTMENT = { code: '031', name: '武汉市东西湖区人力资源和社会保障局' };

export function aFlaggedIndicator(overrides: Partial<FlaggedIndicator> = {}): FlaggedIndicator {
  sequence += 1;
  return {
    department: DEPARTMENT,
    projectId: uuid(sequence),
    projectCode: '42011225031T000000107',
    projectName: '人社局就业资金工作经费',
    goalId: uuid(sequence + 1000),
    indicatorId: uuid(sequence + 2000),
    level1: '产出指标',
    level2: '数量指标',
    indicatorName: `就业培训人次${sequence}`,
    targetRaw: '3000人',
    targetUnit: '人',
    actualRaw: '675人',
    actualValue: 675,
    expectedByNow: 1500,
    progress: 45,
    forecastRaw: '2400人',
    likelihood: '有可能',
    light: 'red',
    lightReason: '进度值 45.0 低于 60（红灯）',
    explanation: '进度值 = 675 ÷ (3000 × 6/12) × 100 = 45.0；45.0 < 60 → 红灯',
    projection: null,
    ...overrides,
  };
}

export function aProjectBudget(overrides: Partial<ProjectBudget> = {}): ProjectBudget {
  sequence += 1;
  return {
    department: DEPARTMENT,
    projectId: uuid(sequence),
    projectCode: null,
    projectName: `项目${sequence}`,
    budgetYuan: 1000000,
    executedYuan: 400000,
    executedPeriod: '2025-06',
    rate: 40,
    pace: 50,
    light: 'green',
    lightReason: '预算执行进度值 80.0 达到 80（绿灯）',
    explanation: '预算执行进度值 = 400000 ÷ (1000000 × 6/12) × 100 = 80.0；80 ≤ 80.0 < 120 → 绿灯',
    dualWarning: null,
    ...overrides,
  };
}

export function aBudgetTotal(overrides: Partial<BudgetTotal> = {}): BudgetTotal {
  return {
    budgetYuan: 103257320,
    executedYuan: 18843000,
    rate: 18.25,
    pace: 50,
    light: 'red',
    lightReason: '预算执行进度值 36.4 低于 60（红灯）',
    explanation: '预算执行进度值 = 18843000 ÷ (103257320 × 6/12) × 100 = 36.4；36.4 < 60 → 红灯',
    ...overrides,
  };
}

export function aTrendPoint(overrides: Partial<TrendPoint> = {}): TrendPoint {
  return { period: '2025-01', ...someLightCounts({ grey: 10 }), ...overrides };
}

export function anOverdueReport(overrides: Partial<OverdueReport> = {}): OverdueReport {
  sequence += 1;
  return {
    department: DEPARTMENT,
    projectId: uuid(sequence),
    projectCode: null,
    projectName: '信息化建设',
    period: '2025-05',
    status: 'missing',
    dueDate: '2025-06-10',
    daysOverdue: 20,
    ...overrides,
  };
}

export function aDepartmentDashboard(overrides: Partial<DepartmentDashboard> = {}): DepartmentDashboard {
  return {
    department: DEPARTMENT,
    latestReportedPeriod: '2025-06',
    year: 2025,
    asOf: '2025-06',
    today: '2025-06-30',
    counts: someLightCounts({ red: 2, yellow: 3, green: 20, blue: 1, grey: 4 }),
    flagged: [],
    projectedMiss: 0,
    projectedMisses: [],
    budget: { total: aBudgetTotal(), projects: [] },
    trend: [aTrendPoint()],
    overdue: [],
    ...overrides,
  };
}

export function aDepartmentRollup(overrides: Partial<DepartmentRollup> = {}): DepartmentRollup {
  return {
    department: DEPARTMENT,
    counts: someLightCounts({ red: 2, green: 8 }),
    budget: { budgetYuan: 4660000, executedYuan: 1800000, rate: 38.63, light: 'red' },
    overdue: 3,
    projectedMiss: 0,
    ...overrides,
  };
}

export function aCityDashboard(overrides: Partial<CityDashboard> = {}): CityDashboard {
  return {
    year: 2025,
    asOf: '2025-06',
    today: '2025-06-30',
    counts: someLightCounts({ red: 2, yellow: 3, green: 20, blue: 1, grey: 4 }),
    budget: aBudgetTotal(),
    overdue: 3,
    projectedMiss: 0,
    trend: [aTrendPoint()],
    departments: [aDepartmentRollup()],
    ...overrides,
  };
}

export function aFlaggedPage(overrides: Partial<FlaggedPage> = {}): FlaggedPage {
  const items = overrides.items ?? [aFlaggedIndicator()];
  return { items, total: items.length, page: 1, pageSize: 20, ...overrides };
}
