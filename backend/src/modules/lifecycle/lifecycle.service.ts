import { Injectable } from '@nestjs/common';
import {
  adjustmentTransition,
  monthOf,
  parseTarget,
  TREE_TRANSITIONS,
  treeEditRefusal,
  treeTransition,
  yearOf,
  type AdjustmentStatus,
  type Target,
  type TreeAction,
  type TreeRefusal,
  type TreeRole,
} from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import type { Actor } from '../../common/context/request-context';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { targetColumns } from '../goals/target-columns.mapper';
import { TargetsRepository } from '../goals/targets.repository';
import { ReportLightsWriter } from '../monitoring/report-lights.writer';
import type { AdjustmentDto } from './dto/adjustment.dto';
import type { AdjustmentResponse, TreeLifecycleResponse, TreeStateResponse } from './dto/lifecycle.response';
import {
  type AdjustmentRow,
  LifecycleRepository,
  type TreeStateRow,
  type TreeUnit,
} from './lifecycle.repository';

/** Whose tree: a project's, or a department-year's department-wide tree (部门整体). */
export type TreeScope = { projectId: string } | { code: string; year: number };

/**
 * The lifecycle of the indicator trees (申报 → 批复 → 调整, docs/domain.md "申报、批复与调整"): libs/domain's state
 * machine decides who may move a tree or an adjustment and where; this applies it in one transaction with its audit.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: LifecycleRepository,
    private readonly targets: TargetsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly lights: ReportLightsWriter,
  ) {}

  /** The tree's state with its adjustments (the project and 部门整体 pages). */
  async lifecycle(scope: TreeScope): Promise<TreeLifecycleResponse> {
    const manager = this.dataSource.manager;
    const unit = await this.requireUnit(manager, scope);
    const role = await this.roleOf(manager, unit, this.access.actor());
    const [state, adjustments] = await Promise.all([
      this.repository.treeState(manager, unit),
      this.treeAdjustments(manager, unit),
    ]);
    return { ...this.view(unit, state, role), adjustments };
  }

  /** 申报 / 批复 / 退回 of a tree, with the version the client saw (409 when stale). */
  async move(
    scope: TreeScope,
    action: TreeAction,
    version: number,
    reason?: string,
  ): Promise<TreeStateResponse> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.requireUnit(manager, scope);
      const role = await this.roleOf(manager, unit, actor);
      const current = await this.repository.treeState(manager, unit, true);
      const move = treeTransition(action, current.status, role);
      if ('refused' in move) throw refusal(move, { status: current.status });
      if (version !== current.version)
        throw new AppException(
          ErrorCode.VersionConflict,
          '绩效目标状态已被他人更新，请刷新后再试',
          undefined,
          {
            current: this.view(unit, current, role),
          },
        );
      const trimmed = reason?.trim() || null;
      if (TREE_TRANSITIONS[action].reasonRequired && !trimmed)
        throw new AppException(ErrorCode.ValidationFailed, '退回须填写原因', {
          reason: 'reason：请填写退回原因',
        });
      const next = await this.repository.setTreeState(manager, unit, current, {
        status: move.to,
        by: actor.id,
        kind: action === 'submit' ? 'submit' : 'review',
        returnReason: action === 'return' ? trimmed : null,
      });
      await this.audit.record(manager, {
        action: `tree.${action}`,
        entity: unit.projectId ? 'project' : 'fiscal-year',
        entityId: unit.projectId ?? unit.fiscalYearId,
        before: { status: current.status, version: current.version },
        after: { status: next.status, version: next.version },
        reason: trimmed,
      });
      return this.view(unit, next, role);
    });
  }

  /**
   * For the editing routes: refuses a direct edit of the tree unless it is a draft and the caller its writer or the
   * admin — 409 pointing to 调整 for an approved tree, to 退回 for a submitted one; 403 for anyone else.
   */
  async assertTreeEditable(
    manager: EntityManager,
    scope: TreeScope,
    actor: Actor = this.access.actor(),
  ): Promise<void> {
    const unit = await this.requireUnit(manager, scope, actor);
    const role = await this.roleOf(manager, unit, actor);
    const state = await this.repository.treeState(manager, unit);
    const refused = treeEditRefusal(state.status, role);
    if (refused) throw refusal(refused, { status: state.status });
  }

  /** 调整申请: new targets for indicators of an approved tree, with a reason and the month they take effect. */
  async propose(scope: TreeScope, dto: AdjustmentDto): Promise<AdjustmentResponse> {
    const actor = this.access.actor();
    const reason = dto.reason.trim();
    if (!reason)
      throw new AppException(ErrorCode.ValidationFailed, '请填写调整原因', {
        reason: 'reason：请填写调整原因',
      });
    const ids = dto.items.map((item) => item.indicatorId);
    dto.items.forEach((item, index) => {
      if (ids.indexOf(item.indicatorId) !== index)
        throw fieldError(`items[${index}].indicatorId`, '同一指标出现多次');
      if (!item.target.trim()) throw fieldError(`items[${index}].target`, '请填写新的指标值');
    });
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.requireUnit(manager, scope);
      if (yearOf(dto.effectiveFrom) !== unit.year)
        throw fieldError('effectiveFrom', `生效月份须在 ${unit.year} 年度内`);
      const role = await this.roleOf(manager, unit, actor);
      const state = await this.repository.treeState(manager, unit);
      const move = adjustmentTransition('propose', { tree: state.status }, role);
      if ('refused' in move) throw refusal(move, { status: state.status });
      const indicators = new Map(
        (await this.repository.lockIndicators(manager, ids)).map((row) => [row.id, row]),
      );
      const items = dto.items.map((item, index) => {
        const field = `items[${index}]`;
        const row = indicators.get(item.indicatorId);
        if (
          !row ||
          row.archived ||
          row.fiscalYearId !== unit.fiscalYearId ||
          row.projectId !== unit.projectId
        )
          throw fieldError(`${field}.indicatorId`, '指标不存在或不属于该绩效目标');
        const target = item.target.trim();
        if (target === row.targetRaw) throw fieldError(`${field}.target`, '新的指标值与现行指标值相同');
        if (row.pending)
          throw new AppException(
            ErrorCode.Conflict,
            `指标“${row.name}”已有待审批的调整申请，请等待审批后再提出`,
            {
              [`${field}.indicatorId`]: `${field}.indicatorId：已有待审批的调整申请`,
            },
          );
        if (row.lastEffectiveFrom && dto.effectiveFrom <= row.lastEffectiveFrom)
          throw fieldError(
            'effectiveFrom',
            `指标“${row.name}”已有 ${monthOf(row.lastEffectiveFrom)} 月起生效的调整，新的调整须在其后生效`,
          );
        const parsed: Target = parseTarget(target, {
          level1: row.level1,
          level2: row.level2,
          name: row.name,
          previous: row.prev1Raw ?? undefined,
          year: unit.year,
        });
        return {
          indicatorId: row.id,
          oldTargetRaw: row.targetRaw,
          newTargetRaw: target,
          newTargetParsed: parsed,
        };
      });
      const id = await this.repository.insertAdjustment(
        manager,
        unit,
        { reason, effectiveFrom: dto.effectiveFrom, proposedBy: actor.id },
        items,
      );
      await this.audit.record(manager, {
        action: 'target-adjustment.propose',
        entity: 'target-adjustment',
        entityId: id,
        before: null,
        after: {
          effectiveFrom: dto.effectiveFrom,
          items: items.map(({ indicatorId, oldTargetRaw, newTargetRaw }) => ({
            indicatorId,
            oldTargetRaw,
            newTargetRaw,
          })),
        },
        reason,
      });
      return this.adjustmentView(
        manager,
        (await this.repository.findAdjustment(manager, id)) as AdjustmentRow,
      );
    });
  }

  /** The leader's 批准: the new targets take effect from the month; the months from it on are judged again. */
  async approveAdjustment(id: string, version: number): Promise<AdjustmentResponse> {
    return this.review(id, 'approve', version);
  }

  async returnAdjustment(id: string, version: number, reason: string): Promise<AdjustmentResponse> {
    return this.review(id, 'return', version, reason);
  }

  /** A department-year's adjustments (every tree's), pending first when filtered by status. */
  async list(code: string, year: number, status?: AdjustmentStatus): Promise<AdjustmentResponse[]> {
    const manager = this.dataSource.manager;
    const unit = await this.requireUnit(manager, { code, year });
    const rows = await this.repository.listAdjustments(manager, unit.fiscalYearId, { status });
    return this.adjustmentViews(manager, rows);
  }

  /** One tree's adjustments, newest first. */
  async treeAdjustments(manager: EntityManager, unit: TreeUnit): Promise<AdjustmentResponse[]> {
    const rows = await this.repository.listAdjustments(manager, unit.fiscalYearId, {
      projectId: unit.projectId,
    });
    return this.adjustmentViews(manager, rows);
  }

  private async review(
    id: string,
    action: 'approve' | 'return',
    version: number,
    reason?: string,
  ): Promise<AdjustmentResponse> {
    const actor = this.access.actor();
    // Only a leader is ever a tree's reviewer: anyone else is refused before the request is looked up.
    const coarse = adjustmentTransition(
      action,
      { tree: 'approved', adjustment: 'submitted' },
      actor.role === 'leader' ? 'reviewer' : 'reader',
    );
    if ('refused' in coarse) throw refusal(coarse, {});
    return this.dataSource.transaction(async (manager) => {
      const adjustment = await this.repository.findAdjustment(manager, id, true);
      if (!adjustment) throw new AppException(ErrorCode.NotFound, '调整申请不存在');
      const unit = (await this.repository.projectOrOverall(manager, adjustment)) as TreeUnit;
      this.access.assertCanReadDepartment(unit.departmentId, actor);
      const role = await this.roleOf(manager, unit, actor);
      const state = await this.repository.treeState(manager, unit);
      const move = adjustmentTransition(action, { tree: state.status, adjustment: adjustment.status }, role);
      if ('refused' in move) throw refusal(move, { status: adjustment.status });
      if (version !== adjustment.version)
        throw new AppException(ErrorCode.VersionConflict, '调整申请已被他人处理，请刷新后再试', undefined, {
          current: await this.adjustmentView(manager, adjustment),
        });
      const trimmed = reason?.trim() || null;
      if (action === 'return' && !trimmed)
        throw new AppException(ErrorCode.ValidationFailed, '退回须填写原因', {
          reason: 'reason：请填写退回原因',
        });
      let changed: { indicatorId: string; oldTargetRaw: string; newTargetRaw: string }[] = [];
      let reevaluated = 0;
      if (action === 'approve') {
        const items = await this.repository.itemsOf(manager, [id]);
        const indicators = await this.repository.lockIndicators(
          manager,
          items.map((item) => item.indicatorId),
        );
        for (const row of indicators)
          if (row.lastEffectiveFrom && adjustment.effectiveFrom <= row.lastEffectiveFrom)
            throw new AppException(
              ErrorCode.Conflict,
              `指标“${row.name}”已有 ${monthOf(row.lastEffectiveFrom)} 月起生效的调整，本申请须退回后按新的月份重新提出`,
            );
        changed = await this.repository.applyAdjustment(manager, adjustment, actor.id);
        const byId = new Map(indicators.map((row) => [row.id, row]));
        for (const item of items)
          await this.targets.updateTarget(manager, item.indicatorId, {
            ...targetColumns(item.newTargetRaw, item.newTargetParsed),
            thresholds: byId.get(item.indicatorId)?.thresholds ?? null,
          });
        // The months from the effective one on follow the new target; the earlier ones keep theirs.
        reevaluated = await this.lights.reevaluateReports(
          manager,
          items.map((item) => item.indicatorId),
          { fromPeriod: adjustment.effectiveFrom },
        );
      }
      await this.repository.setAdjustmentStatus(manager, id, {
        status: move.to,
        by: actor.id,
        returnReason: action === 'return' ? trimmed : null,
      });
      await this.audit.record(manager, {
        action: `target-adjustment.${action}`,
        entity: 'target-adjustment',
        entityId: id,
        before: { status: adjustment.status, version: adjustment.version },
        after: {
          status: move.to,
          effectiveFrom: adjustment.effectiveFrom,
          ...(action === 'approve' ? { items: changed, reevaluated } : {}),
        },
        reason: trimmed ?? adjustment.reason,
      });
      return this.adjustmentView(
        manager,
        (await this.repository.findAdjustment(manager, id)) as AdjustmentRow,
      );
    });
  }

  /** The tree a scope names, once the caller may read its department (404 / 403). */
  async requireUnit(
    manager: EntityManager,
    scope: TreeScope,
    actor: Actor = this.access.actor(),
  ): Promise<TreeUnit> {
    if ('projectId' in scope) {
      const unit = await this.repository.projectUnit(manager, scope.projectId);
      if (!unit) throw new AppException(ErrorCode.NotFound, '项目不存在');
      this.access.assertCanReadDepartment(unit.departmentId, actor);
      return unit;
    }
    const unit = await this.repository.overallUnit(manager, scope.code, scope.year);
    if (!unit)
      throw new AppException(ErrorCode.NotFound, `部门 ${scope.code} 的 ${scope.year} 年度预算不存在`);
    this.access.assertCanReadDepartment(unit.departmentId, actor);
    return unit;
  }

  /** The caller's part in the tree (libs/domain TreeRole). */
  async roleOf(manager: EntityManager, unit: TreeUnit, actor: Actor): Promise<TreeRole> {
    if (actor.role === 'admin') return 'admin';
    if (!this.access.canReadDepartment(unit.departmentId, actor)) return 'reader';
    if (actor.role === 'leader') return 'reviewer';
    if (actor.role === 'lead' && (await this.repository.isWriter(manager, unit, actor.id))) return 'writer';
    return 'reader';
  }

  private view(unit: TreeUnit, state: TreeStateRow, role: TreeRole): TreeStateResponse {
    return {
      status: state.status,
      version: state.version,
      submittedAt: state.submittedAt,
      reviewedAt: state.reviewedAt,
      returnReason: state.returnReason,
      role,
      projectId: unit.projectId,
    };
  }

  private async adjustmentView(manager: EntityManager, row: AdjustmentRow): Promise<AdjustmentResponse> {
    return (await this.adjustmentViews(manager, [row]))[0];
  }

  private async adjustmentViews(
    manager: EntityManager,
    rows: AdjustmentRow[],
  ): Promise<AdjustmentResponse[]> {
    if (!rows.length) return [];
    const items = await this.repository.itemsOf(
      manager,
      rows.map((row) => row.id),
    );
    return rows.map(({ fiscalYearId: _fy, proposedBy: _p, reviewedBy: _r, ...row }) => ({
      ...row,
      items: items
        .filter((item) => item.adjustmentId === row.id)
        .map(({ adjustmentId: _a, newTargetParsed, ...item }) => ({ ...item, newTarget: newTargetParsed })),
    }));
  }
}

/** A refusal of the state machine as an HTTP error: the role → 403, the status → 409. */
function refusal(refused: TreeRefusal, details: Record<string, unknown>): AppException {
  return refused.refused === 'role'
    ? new AppException(ErrorCode.Forbidden, refused.message)
    : new AppException(ErrorCode.Conflict, refused.message, undefined, details);
}

function fieldError(field: string, message: string): AppException {
  return new AppException(ErrorCode.ValidationFailed, message, { [field]: `${field}：${message}` });
}
