import type { DepartmentSummary, ProjectSummary } from '../projects.api';

let sequence = 0;

export function aDepartment(overrides: Partial<DepartmentSummary> = {}): DepartmentSummary {
  return {
    code: '031',
    name: '武汉市东西湖区人力资源和社会保障局',
    parentCode: null,
    years: [2025],
    ...overrides,
  };
}

export function aProject(overrides: Partial<ProjectSummary> = {}): ProjectSummary {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    code: `42011225031T0000001${String(sequence).padStart(2, '0')}`,
    name: `项目${sequence}`,
    category: '其他运转类',
    budget: 10,
    ...overrides,
  };
}
