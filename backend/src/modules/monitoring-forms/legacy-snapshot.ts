import { formBudget, formIndicatorRow, formSpan } from '@jixiao/domain';
import type { FormProjectRow } from './monitoring-form.repository';
import type { DepartmentForms, MonitoringFormModel } from './monitoring-form.types';

/** An indicator as rounds closed before the form existed stored it (no tree names, reasons or measures). */
interface LegacyIndicator {
  projectId: string | null;
  name: string;
  target: string;
  period: string | null;
  actual: string | null;
  forecast: string | null;
  likelihood: string | null;
}

interface LegacyBudget {
  projectId: string;
  budgetYuan: number | string | null;
  executedYuan: number | string | null;
  period: string | null;
}

const num = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * The forms of a round closed before its snapshot kept them: what that snapshot holds (the latest actual,
 * 全年预计 and likelihood per indicator, the budget and 执行数 per project), the project headers as they are now;
 * what it did not keep (一级 / 二级, reasons, measures, projections) stays blank rather than being invented.
 */
export function legacyForms(
  snapshot: Record<string, unknown>,
  projects: FormProjectRow[],
  period: string,
  department: { departmentName: string; year: number },
): DepartmentForms {
  const indicators = (Array.isArray(snapshot.indicators) ? snapshot.indicators : []) as LegacyIndicator[];
  const budgets = (Array.isArray(snapshot.budget) ? snapshot.budget : []) as LegacyBudget[];
  const rowsOf = (projectId: string | null) =>
    indicators
      .filter((i) => (i.projectId ?? null) === projectId)
      .map((i) =>
        formIndicatorRow(
          {
            level1: '',
            level2: '',
            name: i.name,
            targetRaw: i.target,
            report:
              i.period && i.actual !== null
                ? {
                    period: i.period,
                    actualRaw: i.actual,
                    forecastRaw: i.forecast,
                    likelihood: i.likelihood,
                    reasons: [],
                    reasonText: null,
                    correctiveAction: null,
                  }
                : null,
            projection: null,
          },
          period,
        ),
      );
  const base = {
    year: department.year,
    period,
    span: formSpan(period),
    departmentName: department.departmentName,
    round: null,
  };
  const forms: MonitoringFormModel[] = projects.map((project) => {
    const budget = budgets.find((b) => b.projectId === project.id);
    return {
      ...base,
      scope: 'project',
      projectSeq: project.seq,
      projectName: project.name,
      competentDepartment: project.competentDepartment,
      executingUnit: project.executingUnit,
      projectLead: project.leadName,
      budget: formBudget(
        {
          initialBudgetYuan: project.budgetYuan,
          annualBudgetYuan: num(budget?.budgetYuan) ?? project.annualBudgetYuan,
          executedYuan: num(budget?.executedYuan),
          executedPeriod: budget?.period ?? null,
          projectedYuan: null,
          projectionMethod: null,
          sources: [],
        },
        period,
      ),
      groups: [{ title: null, rows: rowsOf(project.id) }],
    };
  });
  return {
    overall: {
      ...base,
      scope: 'department',
      projectSeq: null,
      projectName: null,
      competentDepartment: department.departmentName,
      executingUnit: department.departmentName,
      projectLead: null,
      budget: null,
      groups: [{ title: null, rows: rowsOf(null) }],
    },
    projects: forms,
  };
}
