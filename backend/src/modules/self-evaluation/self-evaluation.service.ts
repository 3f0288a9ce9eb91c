import { Injectable } from '@nestjs/common';
import { DEFAULT_SECTION_WEIGHTS, type SectionWeights, wanToYuanOrNull } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { Actor } from '../../common/context/request-context';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import type { SelfEvaluationStatus } from './entities/self-evaluation.entity';
import { SelfEvaluationDto } from './dto/self-evaluation.dto';
import { bandText, computeEvaluation, insideBand } from './self-evaluation.calculator';
import {
  DepartmentYearRow,
  EvaluationRow,
  ItemWrite,
  ProjectScopeRow,
  ScopeFilter,
  SelfEvaluationRepository,
  YearData,
} from './self-evaluation.repository';
import type {
  DepartmentEvaluationView,
  EvaluationInputs,
  EvaluationSummary,
  EvaluationView,
  StoredItem,
} from './self-evaluation.types';

const STATUS_LABELS: Record<SelfEvaluationStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已审核通过',
  returned: '已退回',
};

/** A project's evaluation, or the department-wide one (project null), with what locates it. */
interface Scope {
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

const scopeFilter = (scope: Scope): ScopeFilter =>
  scope.project ? { projectId: scope.project.id } : 'department';

const blankToNull = (text: string | null | undefined): string | null =>
  text === null || text === undefined || text.trim() === '' ? null : text.trim();

/** 绩效自评: the year-end evaluation of a project or of the department as a whole, its workflow and locks. */
@Injectable()
export class SelfEvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SelfEvaluationRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
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

  // ---- writes ------------------------------------------------------------------------------------------

  async saveProject(projectId: string, year: number, dto: SelfEvaluationDto): Promise<EvaluationView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.projectScope(manager, projectId, year);
      return this.save(manager, scope, dto, actor);
    });
  }

  async saveDepartment(code: string, year: number, dto: SelfEvaluationDto): Promise<EvaluationView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.departmentScope(manager, code, year);
      return this.save(manager, scope, dto, actor);
    });
  }

  /** 提交: every part scored and the weights adding up to 100; the values taken from reports are frozen. */
  async submit(target: ScopeTarget, version?: number): Promise<EvaluationView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.resolve(manager, target);
      await this.assertCanWrite(manager, scope, actor);
      let row = await this.repository.lockEvaluation(manager, scope.fiscalYearId, scope.project?.id ?? null);
      const created = !row;
      if (!row) {
        if (version !== undefined && version !== 0) throw await this.conflict(manager, scope, '自评尚未创建');
        row = await this.create(manager, scope, actor);
      }
      if (!created) await this.assertVersion(manager, scope, row, version);
      if (row.status !== 'draft' && row.status !== 'returned') throw this.wrongState(row, '提交');
      const data = await this.repository.loadYear(
        manager,
        scope.fiscalYearId,
        scope.year,
        scopeFilter(scope),
      );
      const inputs = this.inputsOf(scope, data, row);
      const computed = computeEvaluation(inputs);
      const errors: Record<string, string> = {};
      computed.items.forEach((item, index) => {
        if (item.problemField)
          errors[`items[${index}].${item.problemField}`] = `${item.name}：${item.problem}`;
      });
      if (computed.budget.problem)
        errors[computed.budget.annualBudgetYuan ? 'executedYuan' : 'annualBudgetYuan'] =
          computed.budget.problem;
      if (!computed.weightCheck.valid)
        errors.weights = `weights：${computed.weightCheck.problems.join('；')}`;
      if (Object.keys(errors).length)
        throw new AppException(ErrorCode.ValidationFailed, '自评尚不完整，不能提交', errors);

      // Freeze what came from the reports, so later monitoring edits cannot change a submitted evaluation.
      await this.repository.saveItems(
        manager,
        row.id,
        computed.items.map((item, index) => ({
          ...this.storedOf(inputs.indicators[index].item),
          indicatorId: item.indicatorId,
          actualRaw: item.actual,
          actualFromPeriod: item.actualSource === 'report' ? item.actualPeriod : null,
          weight: item.weight,
          score: item.score,
        })),
      );
      const frozen = await this.repository.updateEvaluation(manager, row.id, row.version, !created, {
        ...this.rowValues(row, inputs),
        executedYuan: computed.budget.executedYuan,
        executedFromPeriod:
          computed.budget.executedSource === 'report' ? computed.budget.executedPeriod : null,
        totalScore: computed.total,
        grade: computed.grade,
        updatedBy: actor.id,
      });
      const next = await this.repository.setStatus(manager, row.id, {
        status: 'submitted',
        by: actor.id,
        kind: 'submit',
      });
      await this.audit.record(manager, {
        action: 'self-evaluation.submit',
        entity: 'self-evaluation',
        entityId: row.id,
        before: row,
        after: { ...next, totalScore: frozen?.totalScore ?? null, grade: frozen?.grade ?? null },
      });
      return this.viewOf(manager, scope);
    });
  }

  async approve(target: ScopeTarget, version?: number): Promise<EvaluationView> {
    return this.review(target, version, 'approved');
  }

  async returnForRevision(target: ScopeTarget, reason: string, version?: number): Promise<EvaluationView> {
    return this.review(target, version, 'returned', reason.trim());
  }

  /** 解锁 (admin, reason audited): a submitted or approved evaluation goes back to draft. */
  async unlock(target: ScopeTarget, reason: string, version?: number): Promise<EvaluationView> {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.resolve(manager, target);
      const row = await this.requireRow(manager, scope);
      await this.assertVersion(manager, scope, row, version);
      if (row.status !== 'approved' && row.status !== 'submitted') throw this.wrongState(row, '解锁');
      await this.repository.releaseFrozenValues(manager, row.id);
      const next = await this.repository.setStatus(manager, row.id, {
        status: 'draft',
        by: actor.id,
        kind: 'reset',
      });
      await this.audit.record(manager, {
        action: 'self-evaluation.unlock',
        entity: 'self-evaluation',
        entityId: row.id,
        before: row,
        after: next,
        reason: reason.trim(),
      });
      return this.viewOf(manager, scope);
    });
  }

  // ---- internals ---------------------------------------------------------------------------------------

  private async review(
    target: ScopeTarget,
    version: number | undefined,
    status: 'approved' | 'returned',
    reason?: string,
  ): Promise<EvaluationView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.resolve(manager, target);
      this.access.assertCanReview(scope.departmentId, actor);
      const row = await this.requireRow(manager, scope);
      await this.assertVersion(manager, scope, row, version);
      if (row.status !== 'submitted') throw this.wrongState(row, status === 'approved' ? '审核通过' : '退回');
      // A returned draft follows the reports again, as before submission.
      if (status === 'returned') await this.repository.releaseFrozenValues(manager, row.id);
      const next = await this.repository.setStatus(manager, row.id, {
        status,
        by: actor.id,
        kind: 'review',
        returnReason: reason ?? null,
      });
      await this.audit.record(manager, {
        action: status === 'approved' ? 'self-evaluation.approve' : 'self-evaluation.return',
        entity: 'self-evaluation',
        entityId: row.id,
        before: row,
        after: next,
        reason: reason ?? null,
      });
      return this.viewOf(manager, scope);
    });
  }

  private async save(
    manager: EntityManager,
    scope: Scope,
    dto: SelfEvaluationDto,
    actor: Actor,
  ): Promise<EvaluationView> {
    const items = dto.items ?? [];
    const leadFields =
      dto.overallResult !== undefined ||
      dto.executedYuan !== undefined ||
      items.some(
        (item) =>
          item.actual !== undefined || item.score !== undefined || item.deviationAnalysis !== undefined,
      );
    const adminFields =
      dto.sections !== undefined ||
      dto.annualBudgetYuan !== undefined ||
      items.some((item) => item.weight !== undefined);
    if (scope.project && dto.annualBudgetYuan !== undefined)
      throw new AppException(
        ErrorCode.ValidationFailed,
        '项目的全年预算数取自项目当年预算，不能在自评中修改',
        {
          annualBudgetYuan: 'annualBudgetYuan：项目的全年预算数取自项目当年预算',
        },
      );
    // Weights are the admin's; values are the writer's (the assigned lead, or the admin department-wide).
    if (adminFields) this.access.assertAdmin(actor);
    if (leadFields || !adminFields) await this.assertCanWrite(manager, scope, actor);

    let row = await this.repository.lockEvaluation(manager, scope.fiscalYearId, scope.project?.id ?? null);
    const created = !row;
    if (row) this.assertWritable(row);
    if (!row) {
      if (dto.version !== undefined && dto.version !== 0)
        throw await this.conflict(manager, scope, '该自评已不存在或尚未创建');
      row = await this.create(manager, scope, actor);
    } else if (dto.version === undefined || dto.version !== row.version) {
      throw await this.conflict(manager, scope, '该自评已被他人修改，请查看最新内容后再保存');
    }

    const data = await this.repository.loadYear(manager, scope.fiscalYearId, scope.year, scopeFilter(scope));
    const inputs = this.inputsOf(scope, data, row);
    const before = inputs.indicators.map((indicator) => this.storedOf(indicator.item));

    // Apply the request onto what is stored.
    const errors: Record<string, string> = {};
    const positions = new Map(inputs.indicators.map((indicator, index) => [indicator.indicatorId, index]));
    const touched = new Map<number, number>(); // indicator position → request position
    items.forEach((change, at) => {
      const position = positions.get(change.indicatorId);
      if (position === undefined) {
        errors[`items[${at}].indicatorId`] = `items[${at}].indicatorId：该指标不属于本自评的年度绩效目标`;
        return;
      }
      if (touched.has(position)) {
        errors[`items[${at}].indicatorId`] = `items[${at}].indicatorId：同一指标重复出现`;
        return;
      }
      touched.set(position, at);
      const indicator = inputs.indicators[position];
      const stored = this.storedOf(indicator.item);
      if (change.actual !== undefined) {
        stored.actualRaw = blankToNull(change.actual);
        stored.actualFromPeriod = null;
      }
      if (change.score !== undefined) stored.pickedScore = change.score;
      if (change.deviationAnalysis !== undefined)
        stored.deviationAnalysis = blankToNull(change.deviationAnalysis);
      if (change.weight !== undefined) stored.weightOverride = change.weight;
      indicator.item = stored;
    });
    if (Object.keys(errors).length)
      throw new AppException(ErrorCode.ValidationFailed, '自评指标有误', errors);
    if (dto.sections) inputs.sections = { ...inputs.sections, ...dto.sections };
    if (dto.executedYuan !== undefined) {
      inputs.budget.executedYuan = dto.executedYuan;
      inputs.budget.executedFromPeriod = null;
    }
    if (dto.annualBudgetYuan !== undefined)
      inputs.budget.annualBudgetYuan = dto.annualBudgetYuan ?? this.defaultDepartmentBudget(scope);

    const computed = computeEvaluation(inputs);
    for (const [position, at] of touched) {
      const change = items[at];
      const item = computed.items[position];
      if (change.actual && item.problemField === 'actual')
        errors[`items[${at}].actual`] = `items[${at}].actual：${item.problem}`;
      if (change.score === undefined || change.score === null) continue;
      if (!item.band) {
        errors[`items[${at}].score`] =
          item.problemField === 'actual'
            ? `items[${at}].score：请先填写可评定的实际完成值（达成 / 部分达成 / 未达成）`
            : `items[${at}].score：该指标按公式计分，不能手动评定得分`;
      } else if (!insideBand(change.score, item.band, item.weight)) {
        errors[`items[${at}].score`] =
          `items[${at}].score：“${item.judgement}”的得分须在 ${bandText(item.band, item.weight)} 之间`;
      }
    }
    if (adminFields && (dto.sections || items.some((item) => item.weight !== undefined))) {
      if (!computed.weightCheck.valid)
        errors.weights = `weights：${computed.weightCheck.problems.join('；')}`;
    }
    if (Object.keys(errors).length)
      throw new AppException(ErrorCode.ValidationFailed, '自评内容有误，未保存', errors);

    await this.repository.saveItems(
      manager,
      row.id,
      computed.items.map((item, index): ItemWrite => ({
        ...this.storedOf(inputs.indicators[index].item),
        indicatorId: item.indicatorId,
        weight: item.weight,
        score: item.score,
      })),
    );
    const saved = await this.repository.updateEvaluation(manager, row.id, row.version, !created, {
      ...this.rowValues(row, inputs),
      ...(dto.annualBudgetYuan !== undefined ? { annualBudgetYuan: dto.annualBudgetYuan } : {}),
      overallResult: dto.overallResult !== undefined ? blankToNull(dto.overallResult) : row.overallResult,
      totalScore: computed.total,
      grade: computed.grade,
      updatedBy: actor.id,
    });
    if (!saved) throw await this.conflict(manager, scope, '该自评已被他人修改，请查看最新内容后再保存');
    const changed = [...touched.keys()];
    await this.audit.record(manager, {
      action: created ? 'self-evaluation.create' : 'self-evaluation.update',
      entity: 'self-evaluation',
      entityId: row.id,
      before: {
        ...row,
        items: changed.map((position) => ({
          indicatorId: inputs.indicators[position].indicatorId,
          ...before[position],
        })),
      },
      after: {
        ...saved,
        items: changed.map((position) => ({
          indicatorId: inputs.indicators[position].indicatorId,
          ...this.storedOf(inputs.indicators[position].item),
          weight: computed.items[position].weight,
          score: computed.items[position].score,
        })),
      },
    });
    return this.viewOf(manager, scope);
  }

  /** The writer of an evaluation: a project's assigned lead, or the admin for the department as a whole. */
  private async assertCanWrite(manager: EntityManager, scope: Scope, actor: Actor): Promise<void> {
    this.access.assertCanReadDepartment(scope.departmentId, actor);
    await this.access.assertCanReport(scope.project?.id ?? null, manager, actor);
  }

  private assertWritable(row: EvaluationRow): void {
    if (row.status === 'submitted' || row.status === 'approved') {
      throw new AppException(
        ErrorCode.Locked,
        `自评${STATUS_LABELS[row.status]}，已锁定，不能修改${row.status === 'approved' ? '（如需修改请联系绩效管理员解锁）' : '（如需修改请领导退回）'}`,
        undefined,
        { status: row.status },
      );
    }
  }

  private async assertVersion(
    manager: EntityManager,
    scope: Scope,
    row: EvaluationRow,
    version: number | undefined,
  ): Promise<void> {
    if (version !== undefined && version !== row.version)
      throw await this.conflict(manager, scope, '自评状态已被他人更新，请刷新后再试');
  }

  private async create(manager: EntityManager, scope: Scope, actor: Actor): Promise<EvaluationRow> {
    const row = await this.repository.insertEvaluation(
      manager,
      scope.fiscalYearId,
      scope.project?.id ?? null,
      actor.id,
    );
    if (!row) throw await this.conflict(manager, scope, '其他人同时创建了该自评，请刷新后再试');
    return row;
  }

  private async requireRow(manager: EntityManager, scope: Scope): Promise<EvaluationRow> {
    const row = await this.repository.lockEvaluation(manager, scope.fiscalYearId, scope.project?.id ?? null);
    if (!row) throw new AppException(ErrorCode.NotFound, '自评尚未填写');
    return row;
  }

  private async conflict(manager: EntityManager, scope: Scope, message: string): Promise<AppException> {
    return new AppException(ErrorCode.VersionConflict, message, undefined, {
      current: await this.viewOf(manager, scope),
    });
  }

  private wrongState(row: EvaluationRow, action: string): AppException {
    return new AppException(
      ErrorCode.Conflict,
      `自评状态为“${STATUS_LABELS[row.status]}”，不能${action}`,
      undefined,
      { status: row.status },
    );
  }

  private async resolve(manager: EntityManager, target: ScopeTarget): Promise<Scope> {
    return 'projectId' in target
      ? this.projectScope(manager, target.projectId, target.year)
      : this.departmentScope(manager, target.code, target.year);
  }

  private async projectScope(manager: EntityManager, projectId: string, year: number): Promise<Scope> {
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

  private async departmentScope(manager: EntityManager, code: string, year: number): Promise<Scope> {
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

  private async viewOf(manager: EntityManager, scope: Scope): Promise<EvaluationView> {
    const data = await this.repository.loadYear(manager, scope.fiscalYearId, scope.year, scopeFilter(scope));
    return this.build(scope, data);
  }

  private defaultDepartmentBudget(scope: Scope): number | null {
    return wanToYuanOrNull(scope.department?.expenditureTotalWan);
  }

  /** The calculator's inputs for one scope out of a year's data; `row` overrides the stored evaluation. */
  private inputsOf(scope: Scope, data: YearData, row?: EvaluationRow): EvaluationInputs {
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
      : { ...DEFAULT_SECTION_WEIGHTS };
    const report = scope.project ? data.executions.find((e) => e.projectId === projectId) : undefined;
    const departmentBudget = evaluation?.annualBudgetYuan ?? this.defaultDepartmentBudget(scope);
    return {
      scope: scope.project ? 'project' : 'department',
      sections,
      budget: {
        initialBudgetYuan: scope.project
          ? scope.project.initialBudgetYuan
          : this.defaultDepartmentBudget(scope),
        annualBudgetYuan: scope.project ? scope.project.annualBudgetYuan : departmentBudget,
        executedYuan: evaluation?.executedYuan ?? null,
        executedFromPeriod: evaluation?.executedFromPeriod ?? null,
        report: report ? { executedYuan: report.executedYuan, period: report.period } : null,
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
            report:
              indicator.reportActual !== null && indicator.reportPeriod !== null
                ? { actualRaw: indicator.reportActual, period: indicator.reportPeriod }
                : null,
            item: stored ? this.storedOf(stored) : null,
          };
        }),
    };
  }

  private storedOf(item: StoredItem | null | undefined): StoredItem {
    return {
      actualRaw: item?.actualRaw ?? null,
      actualFromPeriod: item?.actualFromPeriod ?? null,
      weightOverride: item?.weightOverride ?? null,
      pickedScore: item?.pickedScore ?? null,
      deviationAnalysis: item?.deviationAnalysis ?? null,
    };
  }

  private rowValues(row: EvaluationRow, inputs: EvaluationInputs) {
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
      weightCheck: computed.weightCheck,
      budget: computed.budget,
      items: computed.items,
      indicatorScore: computed.indicatorScore,
      total: computed.total,
      grade: computed.grade,
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
    complete: view.complete,
    consistency: view.consistency?.light ?? null,
    indicators: view.items.length,
    met: view.items.filter((item) => item.met === true).length,
  };
}
