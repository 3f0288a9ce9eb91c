import { Injectable } from '@nestjs/common';
import { bandText, insideBand } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { Actor } from '../../common/context/request-context';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { assertEditable } from '../../common/workflow/review-workflow';
import { AuditService } from '../audit/audit.service';
import { SelfEvaluationDto } from './dto/self-evaluation.dto';
import { computeEvaluation, storedOf } from './self-evaluation.sheet';
import { ItemWrite, SelfEvaluationRepository } from './self-evaluation.repository';
import { Scope, scopeFilter, SelfEvaluationService } from './self-evaluation.service';
import type { EvaluationView } from './self-evaluation.types';

const blankToNull = (text: string | null | undefined): string | null =>
  text === null || text === undefined || text.trim() === '' ? null : text.trim();

/** 绩效自评, saving: the lead's values and the admin's weights, checked against the sheet's rules, audited. */
@Injectable()
export class SelfEvaluationSavingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SelfEvaluationRepository,
    private readonly sheet: SelfEvaluationService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async saveProject(projectId: string, year: number, dto: SelfEvaluationDto): Promise<EvaluationView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.sheet.projectScope(manager, projectId, year);
      return this.save(manager, scope, dto, actor);
    });
  }

  async saveDepartment(code: string, year: number, dto: SelfEvaluationDto): Promise<EvaluationView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.sheet.departmentScope(manager, code, year);
      return this.save(manager, scope, dto, actor);
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
    if (leadFields || !adminFields) await this.sheet.assertCanWrite(manager, scope, actor);

    let row = await this.repository.lockEvaluation(manager, scope.fiscalYearId, scope.project?.id ?? null);
    const created = !row;
    if (row) assertEditable('自评', row.status);
    if (!row) {
      if (dto.version !== undefined && dto.version !== 0)
        throw await this.sheet.conflict(manager, scope, '该自评已不存在或尚未创建');
      row = await this.sheet.create(manager, scope, actor);
    } else if (dto.version === undefined || dto.version !== row.version) {
      throw await this.sheet.conflict(manager, scope, '该自评已被他人修改，请查看最新内容后再保存');
    }

    const data = await this.repository.loadYear(manager, scope.fiscalYearId, scope.year, scopeFilter(scope));
    const inputs = this.sheet.inputsOf(scope, data, row);
    const before = inputs.indicators.map((indicator) => storedOf(indicator.item));

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
      const stored = storedOf(indicator.item);
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
      inputs.budget.annualBudgetYuan = dto.annualBudgetYuan ?? this.sheet.defaultDepartmentBudget(scope);

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
        ...storedOf(inputs.indicators[index].item),
        indicatorId: item.indicatorId,
        weight: item.weight,
        score: item.score,
      })),
    );
    const saved = await this.repository.updateEvaluation(manager, row.id, row.version, !created, {
      ...this.sheet.rowValues(row, inputs),
      ...(dto.annualBudgetYuan !== undefined ? { annualBudgetYuan: dto.annualBudgetYuan } : {}),
      overallResult: dto.overallResult !== undefined ? blankToNull(dto.overallResult) : row.overallResult,
      totalScore: computed.total,
      grade: computed.grade,
      updatedBy: actor.id,
    });
    if (!saved) throw await this.sheet.conflict(manager, scope, '该自评已被他人修改，请查看最新内容后再保存');
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
          ...storedOf(inputs.indicators[position].item),
          weight: computed.items[position].weight,
          score: computed.items[position].score,
        })),
      },
    });
    return this.sheet.viewOf(manager, scope);
  }
}
