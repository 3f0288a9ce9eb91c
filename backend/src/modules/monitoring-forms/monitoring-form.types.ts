import type { FormBudget, FormIndicatorRow } from '@jixiao/domain';

/** A group of indicator lines: a project's one, or one per department-wide (表11) goal. */
export interface FormGroup {
  title: string | null;
  rows: FormIndicatorRow[];
}

/**
 * Everything one 执行监控表 shows, computed (libs/domain formIndicatorRow / formBudget) before any layout; a closed
 * round stores these in its snapshot, so a round's form is what was reported as of its close.
 */
export interface MonitoringFormModel {
  scope: 'project' | 'department';
  year: number;
  period: string; // YYYY-MM
  span: string; // 1–X月
  departmentName: string;
  projectSeq: number | null;
  projectName: string | null;
  competentDepartment: string | null;
  executingUnit: string | null;
  projectLead: string | null; // 项目负责人
  budget: FormBudget | null;
  groups: FormGroup[];
  /** Set on a round's form: its name and when it was closed. */
  round: { name: string; closedAt: string } | null;
}

/** The forms of a department-year at a month: 部门整体 and every project (表10 order). */
export interface DepartmentForms {
  overall: MonitoringFormModel;
  projects: MonitoringFormModel[];
}
