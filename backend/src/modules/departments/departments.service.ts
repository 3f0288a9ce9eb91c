import { wanToYuan } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { budgetLightOf } from '../dashboard/budget-light';
import { AccessPolicy } from '../../common/auth/access-policy';
import { notFound } from '../../common/errors/app.exception';
import { DashboardService } from '../dashboard/dashboard.service';
import { AsOfQuery } from '../dashboard/dto/as-of.query';
import { emptyCounts } from '../dashboard/dto/light-counts.response';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { ProjectsService, projectLightOf } from '../projects/projects.service';
import { RuleSettingsRepository } from '../monitoring-rules/rule-settings.repository';
import { DepartmentsRepository, DepartmentYearRow } from './departments.repository';
import {
  DepartmentResponse,
  DepartmentYearResponse,
  ProjectSummaryResponse,
} from './dto/department.response';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly repository: DepartmentsRepository,
    private readonly projects: ProjectsService,
    private readonly dashboard: DashboardService,
    private readonly access: AccessPolicy,
    private readonly lifecycle: LifecycleService,
    private readonly rules: RuleSettingsRepository,
  ) {}

  /** Departments the caller may read: all for admins and auditors, their own for leaders and leads. */
  list(): Promise<DepartmentResponse[]> {
    return this.repository.findAll(this.access.departmentScope());
  }

  async getYear(code: string, year: number, query: AsOfQuery): Promise<DepartmentYearResponse> {
    const unit = await this.readableYear(code, year);
    const [asOf, rules] = await Promise.all([
      this.dashboard.resolveAsOf(year, [unit.fiscalYearId], query.asOf),
      this.rules.forFiscalYear(unit.fiscalYearId),
    ]);
    const [goals, counts, reportPeriods, reporter, tree] = await Promise.all([
      this.projects.goalTrees({ fiscalYearId: unit.fiscalYearId, projectId: null }, asOf, rules),
      this.dashboard.lightCountsByProject(unit.fiscalYearId, asOf.period),
      this.projects.overallReportPeriods(unit.fiscalYearId, asOf),
      this.repository.findOverallReporter(unit.fiscalYearId),
      this.lifecycle.lifecycle({ code, year }),
    ]);
    const lightCounts = counts.get('') ?? emptyCounts();
    return {
      department: { code: unit.code, name: unit.name },
      year,
      asOf: asOf.period,
      overview: unit.overview,
      goals,
      lightCounts,
      light: projectLightOf(lightCounts),
      reportPeriods,
      reporter,
      tree,
    };
  }

  /** 表10 projects with leads, lights, last report and budget execution as of the month: one query per concern. */
  async listProjects(code: string, year: number, query: AsOfQuery): Promise<ProjectSummaryResponse[]> {
    const unit = await this.readableYear(code, year);
    const [asOf, rules] = await Promise.all([
      this.dashboard.resolveAsOf(year, [unit.fiscalYearId], query.asOf),
      this.rules.forFiscalYear(unit.fiscalYearId),
    ]);
    const [projects, leads, counts, lastReports, budgets] = await Promise.all([
      this.repository.findProjects(unit.fiscalYearId),
      this.repository.findLeads(unit.fiscalYearId),
      this.dashboard.lightCountsByProject(unit.fiscalYearId, asOf.period),
      this.repository.findLastReports(unit.fiscalYearId, asOf.yearStart, asOf.period),
      this.dashboard.budgetByProject(unit.fiscalYearId, asOf),
    ]);
    const lastReportOf = new Map(lastReports.map(({ projectId, ...report }) => [projectId, report]));
    return projects.map((project) => {
      const lightSummary = counts.get(project.id) ?? emptyCounts();
      // Every project of the year has a budget row; the fallback only covers a project added between the queries.
      const budgetExecution = budgets.get(project.id) ?? {
        period: null,
        budgetYuan: wanToYuan(project.budget),
        executedYuan: null,
        ...budgetLightOf(wanToYuan(project.budget), null, asOf.month, rules),
      };
      return {
        ...project,
        leads: leads
          .filter((lead) => lead.projectId === project.id)
          .map(({ projectId: _p, ...lead }) => lead),
        lightSummary,
        projectLight: projectLightOf(lightSummary, budgetExecution.light, rules),
        lastReport: lastReportOf.get(project.id) ?? null,
        budgetExecution,
      };
    });
  }

  private async readableYear(code: string, year: number): Promise<DepartmentYearRow> {
    const unit = await this.repository.findYear(code, year);
    if (!unit) throw notFound(`部门 ${code} 的 ${year} 年度预算`);
    this.access.assertCanReadDepartment(unit.departmentId);
    return unit;
  }
}
