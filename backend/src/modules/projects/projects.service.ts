import { Injectable } from '@nestjs/common';
import {
  dueDate,
  isOverdue,
  DEFAULT_RULE_SETTINGS,
  type Light,
  monthOf,
  periodsUpTo,
  projectLight,
  type RuleSettings,
  yuanToWan,
  yuanToWanOrNull,
} from '@jixiao/domain';
import { AccessPolicy } from '../../common/auth/access-policy';
import { notFound } from '../../common/errors/app.exception';
import type { AsOf } from '../dashboard/as-of';
import { budgetLightOf } from '../dashboard/budget-light';
import { DashboardService } from '../dashboard/dashboard.service';
import { budgetProjectionOf } from '../dashboard/projection';
import { AsOfQuery } from '../dashboard/dto/as-of.query';
import { emptyCounts, LIGHT_VALUES, LightCountsResponse } from '../dashboard/dto/light-counts.response';
import { GoalResponse } from './dto/goal-tree.response';
import { ProjectDetailResponse, ReportPeriodResponse } from './dto/project-detail.response';
import { byIndicator } from '../lifecycle/target-history.query';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { buildGoalTrees } from './goal-tree.builder';
import { GoalScope, ProjectsRepository, ReportPeriodRow } from './projects.repository';
import { RuleSettingsRepository } from '../monitoring-rules/rule-settings.repository';

/**
 * A project's (or the department-wide goals') light: its indicators' lights combined with its budget light as the
 * department-year's rules say (the worst indicator light nationally); null when no indicator is monitored.
 */
export function projectLightOf(
  counts: LightCountsResponse,
  budgetLight: Light | null = null,
  rules: RuleSettings = DEFAULT_RULE_SETTINGS,
): Light | null {
  return counts.total === 0
    ? null
    : projectLight(
        LIGHT_VALUES.filter((light) => counts[light] > 0),
        budgetLight,
        rules,
      );
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly dashboard: DashboardService,
    private readonly access: AccessPolicy,
    private readonly lifecycle: LifecycleService,
    private readonly rules: RuleSettingsRepository,
  ) {}

  async detail(id: string, query: AsOfQuery): Promise<ProjectDetailResponse> {
    const project = await this.repository.findProject(id);
    if (!project) throw notFound('项目');
    this.access.assertCanReadDepartment(project.departmentId);
    const [asOf, rules] = await Promise.all([
      this.dashboard.resolveAsOf(project.year, [project.fiscalYearId], query.asOf),
      this.rules.forFiscalYear(project.fiscalYearId),
    ]);
    const [leads, fundingSources, spendingDetails, procurements, goals, counts, executions, periods, tree] =
      await Promise.all([
        this.repository.findLeads(id),
        this.repository.findFundingSources(id),
        this.repository.findSpendingDetails(id),
        this.repository.findProcurements(id),
        // An archived project shows everything it had; a current one only what the current document holds.
        this.goalTrees(
          { fiscalYearId: project.fiscalYearId, projectId: id, includeArchived: project.archivedAt !== null },
          asOf,
          rules,
        ),
        this.dashboard.lightCountsByProject(project.fiscalYearId, asOf.period),
        this.repository.findExecutions(id, asOf.yearStart, asOf.period),
        this.repository.findReportPeriods(id, asOf.yearStart, asOf.period),
        this.lifecycle.lifecycle({ projectId: id }),
      ]);
    const {
      budgetYuan,
      totalBudgetYuan,
      currentBudgetYuan,
      fiscalYearId: _fy,
      departmentId: _d,
      departmentCode,
      departmentName,
      archivedAt,
      ...header
    } = project;
    const yearBudgetYuan = currentBudgetYuan ?? budgetYuan;
    const lightSummary = counts.get(id) ?? emptyCounts();
    const executedPeriods = executions.map((e) => ({
      ...e,
      ...budgetLightOf(yearBudgetYuan, e.executedYuan, monthOf(e.period), rules),
    }));
    const budgetLight = (executedPeriods.at(-1) ?? budgetLightOf(yearBudgetYuan, null, asOf.month, rules))
      .light;
    return {
      ...header,
      budget: yuanToWan(budgetYuan),
      totalBudget: yuanToWanOrNull(totalBudgetYuan),
      currentBudget: yuanToWanOrNull(currentBudgetYuan),
      department: { code: departmentCode, name: departmentName },
      archived: archivedAt !== null,
      archivedAt,
      year: project.year,
      asOf: asOf.period,
      leads,
      fundingSources,
      spendingDetails,
      procurements,
      goals,
      lightSummary,
      projectLight: projectLightOf(lightSummary, budgetLight, rules),
      budgetExecution: {
        budgetYuan: yearBudgetYuan,
        periods: executedPeriods,
        projection: budgetProjectionOf(
          yearBudgetYuan,
          executions.map((e) => ({ period: e.period, value: e.executedYuan })),
          asOf,
          rules,
        ),
      },
      reportPeriods: this.reportPeriods(periods, asOf),
      tree,
    };
  }

  /** Goals with indicator trees and lights as of the month: of a project, or department-wide (projectId null). */
  async goalTrees(
    scope: GoalScope,
    asOf: AsOf,
    rules: RuleSettings = DEFAULT_RULE_SETTINGS,
  ): Promise<GoalResponse[]> {
    const [goals, indicators, history] = await Promise.all([
      this.repository.findGoals(scope),
      this.repository.findIndicators(scope, asOf.yearStart, asOf.period),
      this.repository.findHistory(scope, asOf.yearStart, asOf.period),
    ]);
    const targetHistory = await this.repository.findTargetHistory(indicators.map((row) => row.id));
    return buildGoalTrees(goals, indicators, history, asOf, byIndicator(targetHistory), rules);
  }

  /** Every project's goal trees of a fiscal year, by project id: the statements of `goalTrees` once, not per project. */
  async goalTreesByProject(
    fiscalYearId: string,
    asOf: AsOf,
    rules: RuleSettings = DEFAULT_RULE_SETTINGS,
  ): Promise<Map<string, GoalResponse[]>> {
    const scope = { fiscalYearId, projectId: null, everyProject: true };
    const [goals, indicators, history] = await Promise.all([
      this.repository.findGoals(scope),
      this.repository.findIndicators(scope, asOf.yearStart, asOf.period),
      this.repository.findHistory(scope, asOf.yearStart, asOf.period),
    ]);
    const targetHistory = await this.repository.findTargetHistory(indicators.map((row) => row.id));
    const trees = buildGoalTrees(goals, indicators, history, asOf, byIndicator(targetHistory), rules);
    const byProject = new Map<string, GoalResponse[]>();
    goals.forEach((goal, index) => {
      const projectId = goal.projectId as string;
      byProject.set(projectId, [...(byProject.get(projectId) ?? []), trees[index]]);
    });
    return byProject;
  }

  /** The department-wide goals' months (部门整体, docs/domain.md §11), January to the month, as a project's. */
  async overallReportPeriods(fiscalYearId: string, asOf: AsOf): Promise<ReportPeriodResponse[]> {
    const rows = await this.repository.findOverallReportPeriods(fiscalYearId, asOf.yearStart, asOf.period);
    return this.reportPeriods(rows, asOf);
  }

  /** Every month from January to the month, entered or not, so a missing report shows as overdue. */
  private reportPeriods(rows: ReportPeriodRow[], asOf: AsOf): ReportPeriodResponse[] {
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    return periodsUpTo(asOf.year, asOf.month).map((period) => {
      const row = byPeriod.get(period);
      return {
        period,
        status: row?.status ?? null,
        dueDate: dueDate(period, asOf.dueDay),
        overdue: isOverdue(period, row?.status, asOf.today, asOf.dueDay),
        submittedAt: row?.submittedAt ?? null,
        reviewedAt: row?.reviewedAt ?? null,
        returnReason: row?.returnReason ?? null,
        version: row?.version ?? null,
      };
    });
  }
}
