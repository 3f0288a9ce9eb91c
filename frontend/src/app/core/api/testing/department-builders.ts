import type { LightCounts } from '../../../shared/lights/light.models';
import type { DepartmentSummary, DepartmentYear, Lead, ProjectSummary } from '../departments.models';

let sequence = 0;

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function aDepartment(overrides: Partial<DepartmentSummary> = {}): DepartmentSummary {
  const years = overrides.years ?? [2025];
  return {
    code: '031',
    name: '武汉市东西湖区人力资源和社会保障局',
    parentCode: null,
    years,
    currentYear: years.length ? Math.max(...years) : null,
    ...overrides,
  };
}

/** Counts per light; `total` is their sum unless given. */
export function someLightCounts(overrides: Partial<LightCounts> = {}): LightCounts {
  const counts = { red: 0, yellow: 0, green: 0, blue: 0, grey: 0, undetermined: 0, ...overrides };
  return {
    ...counts,
    total:
      overrides.total ??
      counts.red + counts.yellow + counts.green + counts.blue + counts.grey + counts.undetermined,
  };
}

export function aLead(overrides: Partial<Lead> = {}): Lead {
  sequence += 1;
  return {
    id: uuid(9000 + sequence),
    username: `lead${String(sequence).padStart(2, '0')}`,
    displayName: `项目负责人${sequence}`,
    ...overrides,
  };
}

export function aProject(overrides: Partial<ProjectSummary> = {}): ProjectSummary {
  sequence += 1;
  return {
    id: uuid(sequence),
    code: `42011225031T0000001${String(sequence % 100).padStart(2, '0')}`,
    name: `项目${sequence}`,
    category: '其他运转类',
    budget: 10,
    leads: [],
    lightSummary: someLightCounts({ grey: 5 }),
    projectLight: 'grey',
    lastReport: null,
    budgetExecution: {
      period: null,
      budgetYuan: 100000,
      executedYuan: null,
      rate: null,
      pace: 50,
      light: 'grey',
      lightReason: '截至本期尚未填报预算执行数',
      explanation: '截至本期尚未填报预算执行数 → 灰灯',
    },
    ...overrides,
  };
}

export function aDepartmentYear(overrides: Partial<DepartmentYear> = {}): DepartmentYear {
  return {
    department: { code: '031', name: '武汉市东西湖区人力资源和社会保障局' },
    year: 2025,
    asOf: '2025-06',
    overview: {},
    goals: [],
    lightCounts: someLightCounts(),
    light: null,
    reportPeriods: [],
    reporter: null,
    tree: {
      status: 'approved',
      version: 1,
      submittedAt: null,
      reviewedAt: null,
      returnReason: null,
      role: 'reader',
      projectId: null,
      adjustments: [],
    },
    ...overrides,
  };
}
