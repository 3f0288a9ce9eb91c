import { Injectable } from '@nestjs/common';
import type { ReviewAction } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { Actor } from '../../common/context/request-context';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { ReviewSubject, ReviewWorkflow } from '../../common/workflow/review-workflow';
import { EvaluationRow, SelfEvaluationRepository } from './self-evaluation.repository';
import { Scope, scopeFilter, ScopeTarget, SelfEvaluationService } from './self-evaluation.service';
import { computeEvaluation, storedOf } from './self-evaluation.sheet';
import type { EvaluationView } from './self-evaluation.types';

/** 绩效自评, review: submit → approve / return, unlock, through the one review workflow. */
@Injectable()
export class SelfEvaluationWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SelfEvaluationRepository,
    private readonly sheet: SelfEvaluationService,
    private readonly access: AccessPolicy,
    private readonly workflow: ReviewWorkflow,
  ) {}

  /** 提交: every part scored and the weights adding up to 100; the values taken from reports are frozen. */
  async submit(target: ScopeTarget, version?: number): Promise<EvaluationView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.sheet.resolve(manager, target);
      await this.authorize(manager, 'submit', scope, actor);
      let row = await this.repository.lockEvaluation(manager, scope.fiscalYearId, scope.project?.id ?? null);
      const created = !row;
      if (!row) {
        if (version !== undefined && version !== 0)
          throw await this.sheet.conflict(manager, scope, '自评尚未创建');
        row = await this.sheet.create(manager, scope, actor);
      }
      let frozen: EvaluationRow | undefined;
      await this.workflow.transition(manager, this.subject(scope), row, 'submit', {
        actor,
        version: created ? undefined : version,
        prepare: async (current) => {
          frozen = await this.freeze(manager, scope, current, created, actor);
        },
        auditAfter: (next) => ({
          ...next,
          totalScore: frozen?.totalScore ?? null,
          grade: frozen?.grade ?? null,
        }),
      });
      return this.sheet.viewOf(manager, scope);
    });
  }

  async approve(target: ScopeTarget, version?: number): Promise<EvaluationView> {
    return this.move(target, 'approve', version);
  }

  async returnForRevision(target: ScopeTarget, reason: string, version?: number): Promise<EvaluationView> {
    return this.move(target, 'return', version, reason);
  }

  /** 解锁 (admin, reason audited): a submitted or approved evaluation goes back to draft. */
  async unlock(target: ScopeTarget, reason: string, version?: number): Promise<EvaluationView> {
    return this.move(target, 'unlock', version, reason);
  }

  private async move(
    target: ScopeTarget,
    action: ReviewAction,
    version: number | undefined,
    reason?: string,
  ): Promise<EvaluationView> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.sheet.resolve(manager, target);
      await this.authorize(manager, action, scope, actor);
      const row = await this.repository.lockEvaluation(
        manager,
        scope.fiscalYearId,
        scope.project?.id ?? null,
      );
      if (!row) throw new AppException(ErrorCode.NotFound, '自评尚未填写');
      await this.workflow.transition(manager, this.subject(scope), row, action, {
        actor,
        version,
        reason,
        // A returned or unlocked draft follows the reports again, as before submission.
        prepare:
          action === 'approve'
            ? undefined
            : (current) => this.repository.releaseFrozenValues(manager, current.id),
      });
      return this.sheet.viewOf(manager, scope);
    });
  }

  private subject(scope: Scope): ReviewSubject<EvaluationRow> {
    return {
      noun: '自评',
      entries: '自评',
      entity: 'self-evaluation',
      actionPrefix: 'self-evaluation',
      setStatus: (manager, id, change) => this.repository.setStatus(manager, id, change),
      conflict: (manager, message) => this.sheet.conflict(manager, scope, message),
    };
  }

  private async authorize(
    manager: EntityManager,
    action: ReviewAction,
    scope: Scope,
    actor: Actor,
  ): Promise<void> {
    await this.workflow.authorize(action, {
      actor,
      departmentId: scope.departmentId,
      assertWriter: () => this.sheet.assertCanWrite(manager, scope, actor),
    });
  }

  /** A complete evaluation keeps what it was scored on: the values taken from reports are written to its rows. */
  private async freeze(
    manager: EntityManager,
    scope: Scope,
    row: EvaluationRow,
    created: boolean,
    actor: Actor,
  ): Promise<EvaluationRow | undefined> {
    const data = await this.repository.loadYear(manager, scope.fiscalYearId, scope.year, scopeFilter(scope));
    const inputs = this.sheet.inputsOf(scope, data, row);
    const computed = computeEvaluation(inputs);
    const errors: Record<string, string> = {};
    computed.items.forEach((item, index) => {
      if (item.problemField) errors[`items[${index}].${item.problemField}`] = `${item.name}：${item.problem}`;
    });
    if (computed.budget.problem)
      errors[computed.budget.annualBudgetYuan ? 'executedYuan' : 'annualBudgetYuan'] =
        computed.budget.problem;
    if (!computed.weightCheck.valid) errors.weights = `weights：${computed.weightCheck.problems.join('；')}`;
    if (Object.keys(errors).length)
      throw new AppException(ErrorCode.ValidationFailed, '自评尚不完整，不能提交', errors);

    // Frozen, so that later monitoring edits cannot change a submitted evaluation.
    await this.repository.saveItems(
      manager,
      row.id,
      computed.items.map((item, index) => ({
        ...storedOf(inputs.indicators[index].item),
        indicatorId: item.indicatorId,
        actualRaw: item.actual,
        actualFromPeriod: item.actualSource === 'report' ? item.actualPeriod : null,
        weight: item.weight,
        score: item.score,
      })),
    );
    return this.repository.updateEvaluation(manager, row.id, row.version, !created, {
      ...this.sheet.rowValues(row, inputs),
      executedYuan: computed.budget.executedYuan,
      executedFromPeriod: computed.budget.executedSource === 'report' ? computed.budget.executedPeriod : null,
      totalScore: computed.total,
      grade: computed.grade,
      updatedBy: actor.id,
    });
  }
}
