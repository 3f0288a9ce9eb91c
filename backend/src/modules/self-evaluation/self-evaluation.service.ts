import { Injectable } from '@nestjs/common';
import {
  DEFAULT_SCORING_PROFILE,
  type ScoringProfile,
  type SectionWeights,
  wanToYuanOrNull,
} from '@jixiao/domain';
import { RuleSettingsRepository } from '../monitoring-rules/rule-settings.repository';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { Actor } from '../../common/context/request-context';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { byIndicator } from '../lifecycle/target-history.query';
import { AuditService } from '../audit/audit.service';
import { computeEvaluation, storedOf } from './self-evaluation.sheet';
import {
  DepartmentYearRow,
  EvaluationRow,
  ProjectScopeRow,
  ReportRow,
  ScopeFilter,
  SelfEvaluationRepository,
  YearData,
} from './self-evaluation.repository';
import type {
  DepartmentEvaluationView,
  EvaluationInputs,
  EvaluationSummary,
  EvaluationView,
} from './self-evaluation.types';

/** A project's evaluation, or the department-wide one (project null), with what locates it. */
export interface Scope {
  fiscalYearId: string;
  year: number;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  project: ProjectScopeRow | null;
  department: DepartmentYearRow | null;
}

/** Everything a reader gets for one department-year: the views the exports and the Word report are made from. */
export interface DepartmentYearViews {
  department: DepartmentYearRow;
  overall: EvaluationView;
  projects: EvaluationView[];
}

export const scopeFilter = (scope: Scope): ScopeFilter =>
  scope.project ? { projectId: scope.project.id } : 'department';

/**
 * 绩效自评, building the sheet: where an evaluation sits (scope), what the year holds for it, and the views the
 * pages, exports and the Word report read. Saving is SelfEvaluationSavingService, the review workflow
 * SelfEvaluationWorkflowService; both resolve scopes and build views through this service.
 */
@Injectable()
export class SelfEvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SelfEvaluationRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly rules: RuleSettingsRepository,
  ) {}

  // ---- reads -------------------------------------------------------------------------------------------

  async getProject(projectId: string, year: number): Promise<EvaluationView> {
    const manager = this.dataSource.manager;
    const scope = await this.projectScope(manager, projectId, year);
    return this.viewOf(manager, scope);
  }

  async getDepartment(code: string, year: number): Promise<DepartmentEvaluationView> {
    const views = await this.departmentYearViews(code, year);
    return {
      department: { code: views.department.departmentCode, name: views.department.departmentName },
      year,
      overall: views.overall,
      projects: views.projects.map(summaryOf),
    };
  }

  /** The department-wide view and every project's, computed from one load of the year. */
  async departmentYearViews(code: string, year: number): Promise<DepartmentYearViews> {
    const manager = this.dataSource.manager;
    const scope = await this.departmentScope(manager, code, year);
    const data = await this.repository.loadYear(manager, scope.fiscalYearId, year, 'all');
    const department = scope.department as DepartmentYearRow;
    const projects = data.projects.map((project) =>
      this.build(
        {
          ...scope,
          department: null,
          project: {
            ...project,
            fiscalYearId: scope.fiscalYearId,
            year,
            departmentId: scope.departmentId,
            departmentCode: scope.departmentCode,
            departmentName: scope.departmentName,
          },
        },
        data,
      ),
    );
    return { department, overall: this.build(scope, data), projects };
  }

  // ---- shared with the saving and workflow services ---------------------------------------------------------------------------------------

  /** The writer of an evaluation: a project's assigned lead, or the admin for the department as a whole. */
  async assertCanWrite(manager: EntityManager, scope: Scope, actor: Actor): Promise<void> {
    this.access.assertCanReadDepartment(scope.departmentId, actor);
    await this.access.assertCanReport(scope.project?.id ?? null, manager, actor);
  }

  async create(manager: EntityManager, scope: Scope, actor: Actor): Promise<EvaluationRow> {
    const row = await this.repository.insertEvaluation(
      manager,
      scope.fiscalYearId,
      scope.project?.id ?? null,
      actor.id,
      (await this.rules.forFiscalYear(scope.fiscalYearId, manager)).scoring,
    );
    if (!row) throw await this.conflict(manager, scope, '其他人同时创建了该自评，请刷新后再试');
    return row;
  }

  async conflict(manager: EntityManager, scope: Scope, message: string): Promise<AppException> {
    return new AppException(ErrorCode.VersionConflict, message, undefined, {
      current: await this.viewOf(manager, scope),
    });
  }

  async resolve(manager: EntityManager, target: ScopeTarget): Promise<Scope> {
    return 'projectId' in target
      ? this.projectScope(manager, target.projectId, target.year)
      : this.departmentScope(manager, target.code, target.year);
  }

  async projectScope(manager: EntityManager, projectId: string, year: number): Promise<Scope> {
    const project = await this.repository.findProject(manager, projectId);
    if (!project) throw notFound('项目');
    this.access.assertCanReadDepartment(project.departmentId);
    if (project.year !== year)
      throw new AppException(
        ErrorCode.NotFound,
        `该项目属于 ${project.year} 预算年度，没有 ${year} 年度的自评`,
      );
    return {
      fiscalYearId: project.fiscalYearId,
      year,
      departmentId: project.departmentId,
      departmentCode: project.departmentCode,
      departmentName: project.departmentName,
      project,
      department: null,
    };
  }

  async departmentScope(manager: EntityManager, code: string, year: number): Promise<Scope> {
    const department = await this.repository.findDepartmentYear(manager, code, year);
    if (!department) throw new AppException(ErrorCode.NotFound, `部门 ${code} 的 ${year} 年度预算不存在`);
    this.access.assertCanReadDepartment(department.departmentId);
    return {
      fiscalYearId: department.fiscalYearId,
      year,
      departmentId: department.departmentId,
      departmentCode: department.departmentCode,
      departmentName: department.departmentName,
      project: null,
      department,
    };
  }

  async viewOf(manager: EntityManager, scope: Scope): Promise<EvaluationView> {
    const data = await this.repository.loadYear(manager, scope.fiscalYearId, scope.year, scopeFilter(scope));
    return this.build(scope, data);
  }

  defaultDepartmentBudget(scope: Scope): number | null {
    return wanToYuanOrNull(scope.department?.expenditureTotalWan);
  }

  /** The sheet's inputs for one scope out of a year's data; `row` overrides the stored evaluation. */
  inputsOf(scope: Scope, data: YearData, row?: EvaluationRow): EvaluationInputs {
    const projectId = scope.project?.id ?? null;
    const evaluation = row ?? data.evaluations.find((e) => e.projectId === projectId);
    const items = new Map(
      data.items
        .filter((item) => item.selfEvaluationId === evaluation?.id)
        .map((item) => [item.indicatorId, item]),
    );
    const sections: SectionWeights = evaluation
      ? {
          budget: evaluation.budgetWeight,
          output: evaluation.outputWeight,
          benefit: evaluation.benefitWeight,
          satisfaction: evaluation.satisfactionWeight,
        }
      : { ...data.rules.scoring.sections };
    // An evaluation is scored by the profile stored with it (national for rows from before profiles were kept);
    // one not yet created by the department-year's rules now.
    const profile: ScoringProfile = evaluation
      ? (evaluation.scoringProfile ?? DEFAULT_SCORING_PROFILE)
      : data.rules.scoring;
    const reports = new Map<string, ReportRow[]>();
    for (const report of data.reports)
      reports.set(report.indicatorId, [...(reports.get(report.indicatorId) ?? []), report]);
    const adjustments = byIndicator(data.targetChanges);
    const report = scope.project ? data.executions.find((e) => e.projectId === projectId) : undefined;
    const departmentBudget = evaluation?.annualBudgetYuan ?? this.defaultDepartmentBudget(scope);
    return {
      scope: scope.project ? 'project' : 'department',
      sections,
      profile,
      budget: {
        initialBudgetYuan: scope.project
          ? scope.project.initialBudgetYuan
          : this.defaultDepartmentBudget(scope),
        annualBudgetYuan: scope.project ? scope.project.annualBudgetYuan : departmentBudget,
        executedYuan: evaluation?.executedYuan ?? null,
        executedFromPeriod: evaluation?.executedFromPeriod ?? null,
        report: report
          ? { executedYuan: report.executedYuan, period: report.period, status: report.status }
          : null,
        projectsExecutedYuan:
          !scope.project && data.executions.length
            ? Math.round(data.executions.reduce((sum, e) => sum + e.executedYuan * 100, 0)) / 100
            : null,
      },
      indicators: data.indicators
        .filter((indicator) => indicator.projectId === projectId)
        .map((indicator) => {
          const stored = items.get(indicator.indicatorId);
          return {
            indicatorId: indicator.indicatorId,
            goalId: indicator.goalId,
            goalLabel: indicator.goalLabel,
            level1: indicator.level1,
            level2: indicator.level2,
            name: indicator.name,
            targetRaw: indicator.targetRaw,
            target: indicator.target,
            unit: indicator.unit,
            indicatorWeight: indicator.indicatorWeight,
            reports: reports.get(indicator.indicatorId) ?? [],
            adjustments: adjustments.get(indicator.indicatorId) ?? [],
            item: stored ? storedOf(stored) : null,
          };
        }),
    };
  }

  rowValues(row: EvaluationRow, inputs: EvaluationInputs) {
    return {
      annualBudgetYuan:
        inputs.scope === 'project' ? inputs.budget.annualBudgetYuan : (row.annualBudgetYuan ?? null),
      executedYuan: inputs.budget.executedYuan,
      executedFromPeriod: inputs.budget.executedFromPeriod,
      budgetWeight: inputs.sections.budget,
      outputWeight: inputs.sections.output,
      benefitWeight: inputs.sections.benefit,
      satisfactionWeight: inputs.sections.satisfaction,
      overallResult: row.overallResult,
    };
  }

  private build(scope: Scope, data: YearData): EvaluationView {
    const projectId = scope.project?.id ?? null;
    const row = data.evaluations.find((e) => e.projectId === projectId);
    const inputs = this.inputsOf(scope, data);
    const computed = computeEvaluation(inputs);
    const goals = data.goals
      .filter((goal) => goal.projectId === projectId)
      .map(({ id, label, title }) => ({ id, label, title }));
    return {
      id: row?.id ?? null,
      scope: inputs.scope,
      projectId,
      fiscalYearId: scope.fiscalYearId,
      year: scope.year,
      status: row?.status ?? 'draft',
      version: row?.version ?? 0,
      returnReason: row?.returnReason ?? null,
      submittedAt: row?.submittedAt ?? null,
      reviewedAt: row?.reviewedAt ?? null,
      updatedAt: row?.updatedAt ?? null,
      header: {
        departmentCode: scope.departmentCode,
        departmentName: scope.departmentName,
        projectName: scope.project?.name ?? null,
        projectCode: scope.project?.code ?? null,
        projectSeq: scope.project?.seq ?? null,
        competentDepartment: scope.project ? scope.project.competentDepartment : scope.departmentName,
        executingUnit: scope.project ? scope.project.executingUnit : scope.departmentName,
      },
      goals,
      overallTarget: goals
        .map((goal) => (scope.project || !goal.label ? goal.title : `${goal.label}：${goal.title}`))
        .join('\n'),
      overallResult: row?.overallResult ?? null,
      sections: inputs.sections,
      scoringProfile: inputs.profile,
      weightCheck: computed.weightCheck,
      budget: computed.budget,
      items: computed.items,
      indicatorScore: computed.indicatorScore,
      indicatorExplanation: computed.indicatorExplanation,
      total: computed.total,
      grade: computed.grade,
      totalExplanation: computed.totalExplanation,
      complete: computed.complete,
      consistency: computed.consistency,
    };
  }
}

/** Which evaluation a workflow action is about. */
export type ScopeTarget = { projectId: string; year: number } | { code: string; year: number };

export function summaryOf(view: EvaluationView): EvaluationSummary {
  return {
    projectId: view.projectId as string,
    seq: view.header.projectSeq as number,
    code: view.header.projectCode,
    name: view.header.projectName as string,
    status: view.status,
    version: view.version,
    annualBudgetYuan: view.budget.annualBudgetYuan,
    executedYuan: view.budget.executedYuan,
    rate: view.budget.rate,
    budgetScore: view.budget.score,
    indicatorScore: view.indicatorScore,
    total: view.total,
    grade: view.grade,
    totalExplanation: view.totalExplanation,
    budgetExplanation: view.budget.explanation,
    complete: view.complete,
    consistency: view.consistency?.light ?? null,
    indicators: view.items.length,
    met: view.items.filter((item) => item.met === true).length,
  };
}
