import { Injectable } from '@nestjs/common';
import {
  asLevel1,
  indicatorEntryErrors,
  normalizeLevelName,
  parseTarget,
  reviewIndicator,
  type Target,
} from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { ArchiveRepository } from '../goals/archive.repository';
import type { Indicator } from '../goals/entities/indicator.entity';
import { targetColumns } from '../goals/target-columns.mapper';
import { ReportLightsWriter } from '../monitoring/report-lights.writer';
import { TargetReviewRepository } from '../target-review/target-review.repository';
import { IndicatorCreateDto, IndicatorPatchDto } from './dto/tree-edit.dto';
import { IndicatorEditResponse, IndicatorRemovalResponse } from './dto/tree-edit.response';
import { assertLive, assertVersion, goalScope } from './tree-edit.service';
import { TreeEditPolicy } from './tree-edit.policy';
import { type LockedGoal, type LockedIndicator, TreeEditRepository } from './tree-edit.repository';

/** The fields of an indicator the editor writes (its target's columns go through `targetColumns`). */
interface IndicatorFields {
  level1: string;
  level2: string;
  name: string;
  target: string;
  basis: string | null;
  prev2: string | null;
  prev1: string | null;
}

const EDITABLE = ['level1', 'level2', 'name', 'target', 'basis', 'prev2', 'prev1'] as const;

const blankToNull = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim() : null;

/** The entry as stored: the taxonomy's spelling of 一级 / 二级 (normalized), texts trimmed. */
function normalized(fields: IndicatorFields): IndicatorFields {
  return {
    level1: asLevel1(fields.level1) ?? fields.level1,
    level2: normalizeLevelName(fields.level2),
    name: fields.name.trim(),
    target: fields.target.trim(),
    basis: blankToNull(fields.basis),
    prev2: blankToNull(fields.prev2),
    prev1: blankToNull(fields.prev1),
  };
}

/** The target read exactly as the importer reads it (libs/domain parseTarget with the indicator's place). */
const readTarget = (fields: IndicatorFields): Target =>
  parseTarget(fields.target, {
    level1: fields.level1,
    level2: fields.level2,
    name: fields.name,
    previous: fields.prev1 ?? undefined,
  });

function refuse(errors: Record<string, string>): void {
  const fields = Object.keys(errors);
  if (fields.length)
    throw new AppException(
      ErrorCode.ValidationFailed,
      Object.values(errors)[0].replace(/^\w+：/, ''),
      errors,
    );
}

/**
 * Adding, changing, moving, reordering and removing 三级指标 by hand (docs/domain.md, "Editing the trees"): the
 * taxonomy and uniqueness rules of libs/domain, the importer's reading of the target, the review's findings for
 * the indicator, and the stored lights re-judged (ReportLightsWriter, as a target correction does) when the
 * reading changes. One transaction per request; the editor's permission asked first; every write audited.
 */
@Injectable()
export class IndicatorEditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TreeEditRepository,
    private readonly policy: TreeEditPolicy,
    private readonly audit: AuditService,
    private readonly lights: ReportLightsWriter,
    private readonly archives: ArchiveRepository,
    private readonly review: TargetReviewRepository,
  ) {}

  create(goalId: string, dto: IndicatorCreateDto): Promise<IndicatorEditResponse> {
    return this.dataSource.transaction(async (manager) => {
      const goal = await this.lockGoal(manager, goalId);
      await this.policy.assertEditable(manager, goalScope(goal));
      assertLive(goal, '目标');
      const raw: IndicatorFields = {
        ...dto,
        basis: dto.basis ?? null,
        prev2: dto.prev2 ?? null,
        prev1: dto.prev1 ?? null,
      };
      refuse(indicatorEntryErrors(raw, await this.repository.siblings(manager, goal.id)));
      const fields = normalized(raw);
      const target = readTarget(fields);
      const nodeId = await this.repository.ensureNode(manager, goal.id, fields.level1, fields.level2);
      const created = await this.repository.insertIndicator(manager, {
        goalId: goal.id,
        nodeId,
        ...columnsOf(fields),
        ...targetColumns(fields.target, target),
      });
      const { target: targetRaw, ...rest } = fields;
      await this.audit.record(manager, {
        action: 'indicator.create',
        entity: 'indicator',
        entityId: created.id,
        after: { project: goal.projectName, goal: goal.label, ...rest, targetRaw },
      });
      return this.response(manager, created.id, goal, 0);
    });
  }

  update(id: string, dto: IndicatorPatchDto): Promise<IndicatorEditResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockIndicator(manager, id);
      const goal = await this.lockGoal(manager, row.goalId);
      await this.policy.assertEditable(manager, goalScope(goal));
      assertVersion(row, dto.version, '指标');
      assertLive(row, '指标');
      const destination =
        dto.goalId && dto.goalId !== goal.id ? await this.destination(manager, goal, dto.goalId) : goal;
      const before: IndicatorFields = { ...row, target: row.targetRaw };
      const given = Object.fromEntries(
        EDITABLE.filter((key) => dto[key] !== undefined).map((key) => [key, dto[key]]),
      );
      const next: IndicatorFields = { ...before, ...given };
      // Only what this request touches is judged: an imported row's other fields stay as published.
      const placeChanged = ['level1', 'level2', 'name'].some((key) => key in given) || destination !== goal;
      const errors = indicatorEntryErrors(next, await this.repository.siblings(manager, destination.id, id));
      refuse(
        Object.fromEntries(
          Object.entries(errors).filter(([field]) => field in given || (field === 'name' && placeChanged)),
        ),
      );
      const fields = normalized(next);
      const values: Partial<Indicator> = { ...columnsOf(fields), goalId: destination.id };
      const moved = destination !== goal;
      if (placeChanged)
        values.nodeId = await this.repository.ensureNode(
          manager,
          destination.id,
          fields.level1,
          fields.level2,
        );
      if (moved) values.seq = await this.repository.nextIndicatorSeq(manager, destination.id);
      // The reading follows the text and the place it is read in; an admin's correction of unchanged text stays.
      const rereads = ['target', 'level1', 'level2', 'name', 'prev1'].some(
        (key) => fields[key as keyof IndicatorFields] !== before[key as keyof IndicatorFields],
      );
      const keepCorrection = row.corrected && fields.target === row.targetRaw;
      if (rereads && !keepCorrection) Object.assign(values, targetColumns(fields.target, readTarget(fields)));
      await this.repository.updateIndicator(manager, id, values);
      if (dto.position !== undefined) {
        const order = (await this.repository.siblings(manager, destination.id, id)).map((s) => s.id);
        order.splice(Math.min(dto.position, order.length + 1) - 1, 0, id);
        await this.repository.renumber(manager, destination.id, order);
      }
      if (placeChanged) await this.repository.removeUnusedNodes(manager, goal.id);
      const reevaluated = values.targetParsed ? await this.lights.reevaluateReports(manager, [id]) : 0;
      const changed = EDITABLE.filter((key) => fields[key] !== before[key]);
      const rename = (key: string) => (key === 'target' ? 'targetRaw' : key);
      await this.audit.record(manager, {
        action: 'indicator.update',
        entity: 'indicator',
        entityId: id,
        before: {
          ...Object.fromEntries(changed.map((key) => [rename(key), before[key]])),
          ...(moved ? { goal: goal.label } : {}),
          ...(dto.position !== undefined ? { seq: row.seq } : {}),
        },
        after: {
          ...Object.fromEntries(changed.map((key) => [rename(key), fields[key]])),
          ...(moved ? { goal: destination.label } : {}),
          ...(dto.position !== undefined ? { seq: dto.position } : {}),
        },
      });
      return this.response(manager, id, destination, reevaluated);
    });
  }

  /** Deleted when nothing is recorded against it (no report, evidence or self-evaluation item), else archived. */
  remove(id: string, version: number): Promise<IndicatorRemovalResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockIndicator(manager, id);
      const goal = await this.lockGoal(manager, row.goalId);
      await this.policy.assertEditable(manager, goalScope(goal));
      assertVersion(row, version, '指标');
      assertLive(row, '指标');
      const counts = (await this.archives.monitoringCounts(manager, 'indicator', [id])).get(id);
      const recorded = {
        reports: counts?.reports ?? 0,
        evidenceFiles: counts?.evidenceFiles ?? 0,
        selfEvaluationItems: counts?.selfEvaluationItems ?? 0,
      };
      const snapshot = {
        project: goal.projectName,
        goal: goal.label,
        level1: row.level1,
        level2: row.level2,
        name: row.name,
        targetRaw: row.targetRaw,
      };
      if (recorded.reports + recorded.evidenceFiles + recorded.selfEvaluationItems === 0) {
        await this.repository.deleteIndicator(manager, id);
        await this.repository.removeUnusedNodes(manager, goal.id);
        await this.audit.record(manager, {
          action: 'indicator.delete',
          entity: 'indicator',
          entityId: id,
          before: snapshot,
        });
        return { id, outcome: 'deleted', archivedAt: null, ...recorded };
      }
      const archived = await this.archives.archive(manager, 'indicator', id);
      const archivedAt = (archived as { archivedAt: Date }).archivedAt;
      await this.audit.record(manager, {
        action: 'indicator.archive',
        entity: 'indicator',
        entityId: id,
        before: { ...snapshot, ...recorded },
        after: { archivedAt },
        reason: '已有填报记录，归档保留而不删除',
      });
      return { id, outcome: 'archived', archivedAt, ...recorded };
    });
  }

  private async lockGoal(manager: EntityManager, id: string): Promise<LockedGoal> {
    const goal = await this.repository.lockGoal(manager, id);
    if (!goal) throw notFound('绩效目标');
    return goal;
  }

  private async lockIndicator(manager: EntityManager, id: string): Promise<LockedIndicator> {
    const row = await this.repository.lockIndicator(manager, id);
    if (!row) throw notFound('指标');
    return row;
  }

  /** Another live goal of the same tree (the project's, or the department-wide one of the year). */
  private async destination(manager: EntityManager, from: LockedGoal, goalId: string): Promise<LockedGoal> {
    const to = await this.repository.lockGoal(manager, goalId);
    if (!to || to.archived || to.fiscalYearId !== from.fiscalYearId || to.projectId !== from.projectId)
      throw new AppException(ErrorCode.ValidationFailed, '指标只能移到同一指标树中未归档的目标', {
        goalId: 'goalId：指标只能移到同一指标树中未归档的目标',
      });
    return to;
  }

  /** The indicator as stored now, with the review's findings under the department-year's switches. */
  private async response(
    manager: EntityManager,
    id: string,
    goal: LockedGoal,
    reevaluated: number,
  ): Promise<IndicatorEditResponse> {
    const row = (await this.repository.lockIndicator(manager, id)) as LockedIndicator;
    const settings = await this.review.settings(goal.departmentId, goal.year, manager);
    const switches = Object.fromEntries(settings.map((s) => [s.ruleId, s.enabled]));
    const review = reviewIndicator(
      {
        level1: row.level1,
        level2: row.level2,
        name: row.name,
        target: row.targetRaw,
        prev1: row.prev1,
        unit: row.unit,
        parsed: row.target,
      },
      { switches, year: goal.year },
    );
    return {
      id,
      version: row.version,
      goalId: row.goalId,
      seq: row.seq,
      level1: row.level1,
      level2: row.level2,
      name: row.name,
      targetRaw: row.targetRaw,
      target: row.target as IndicatorEditResponse['target'],
      basis: row.basis,
      prev2: row.prev2,
      prev1: row.prev1,
      review,
      reevaluated,
    };
  }
}

/** The indicator's own columns. */
function columnsOf(fields: IndicatorFields): Partial<Indicator> {
  return { name: fields.name, basis: fields.basis, prev2Raw: fields.prev2, prev1Raw: fields.prev1 };
}
