import { Injectable } from '@nestjs/common';
import { aboutField, resolveThresholds, type Target, type Thresholds } from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { ReportLightsWriter } from '../monitoring/report-lights.writer';
import { TargetConfirmationItemDto } from './dto/target-confirmation.dto';
import { TargetCorrectionDto } from './dto/target-correction.dto';
import { targetColumns } from './target-columns.mapper';
import { type LockedReading, TargetsRepository } from './targets.repository';

const NUMERIC = new Set(['>=', '>', '=', '<', '<=']);

/** Correcting the structured reading of a target when the parser was unsure (confidence shown to users). */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TargetsRepository,
    private readonly audit: AuditService,
    private readonly lights: ReportLightsWriter,
  ) {}

  async correct(
    indicatorId: string,
    dto: TargetCorrectionDto,
  ): Promise<{
    id: string;
    version: number;
    target: Target;
    thresholds: Partial<Thresholds> | null;
    reevaluated: number;
  }> {
    const errors = consistencyErrors(dto);
    if (errors) throw new AppException(ErrorCode.ValidationFailed, '结构化指标值前后矛盾', errors);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.lockIndicator(manager, indicatorId);
      if (!row) throw new AppException(ErrorCode.NotFound, '指标不存在');
      if (row.version !== dto.version) {
        throw new AppException(ErrorCode.VersionConflict, '该指标已被他人修改，请刷新后再试', undefined, {
          current: { version: row.version, target: row.target_parsed },
        });
      }
      const target: Target = {
        raw: row.target_raw,
        operator: dto.operator,
        ...(dto.value !== undefined ? { value: dto.value } : {}),
        ...(dto.min !== undefined ? { min: dto.min } : {}),
        ...(dto.max !== undefined ? { max: dto.max } : {}),
        ...(dto.unit ? { unit: dto.unit } : {}),
        ...(dto.deadline ? { deadline: dto.deadline } : {}),
        direction: dto.direction,
        accumulation: dto.accumulation,
        confidence: 'explicit',
        note: dto.note?.trim() || '由绩效管理员更正',
      };
      // Thresholds left out keep what is set; null goes back to the defaults. An order that skips a light → 400.
      const thresholds =
        dto.thresholds === undefined
          ? row.thresholds
          : dto.thresholds && Object.keys(dto.thresholds).length
            ? { ...dto.thresholds }
            : null;
      if (thresholds) aboutField('thresholds', () => resolveThresholds(thresholds));
      const updated = await this.repository.updateTarget(manager, indicatorId, {
        ...targetColumns(row.target_raw, target, true),
        thresholds,
      });
      await this.audit.record(manager, {
        action: 'indicator.correct-target',
        entity: 'indicator',
        entityId: indicatorId,
        before: { target: row.target_parsed, thresholds: row.thresholds },
        after: { target, thresholds },
        reason: dto.note ?? null,
      });
      // The stored reports' lights follow the corrected target in the same transaction: never stale.
      const reevaluated = await this.lights.reevaluateReports(manager, [indicatorId]);
      return { id: updated.id, version: updated.version, target, thresholds, reevaluated };
    });
  }

  /**
   * 确认无误 in bulk: each listed reading becomes the admin's own (confidence explicit, kept by a re-import of
   * the same text), one audit row per indicator, all in one transaction. A stale version, an unknown indicator or
   * one the parser could not read at all refuses the whole request, naming the item; nothing is written then.
   */
  async confirm(
    code: string,
    year: number,
    items: TargetConfirmationItemDto[],
  ): Promise<{ confirmed: number; items: { id: string; version: number }[] }> {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.indicatorId))
        throw new AppException(ErrorCode.ValidationFailed, '同一指标出现多次', {
          [`items[${index}].indicatorId`]: `items[${index}].indicatorId：同一指标出现多次`,
        });
      seen.add(item.indicatorId);
    });
    return this.dataSource.transaction(async (manager) => {
      const fiscalYearId = await this.repository.findFiscalYearId(manager, code, year);
      if (!fiscalYearId) throw new AppException(ErrorCode.NotFound, '部门年度不存在');
      const rows = new Map(
        (await this.repository.lockReadings(manager, fiscalYearId, [...seen])).map((row) => [row.id, row]),
      );
      items.forEach((item, index) => {
        const row = rows.get(item.indicatorId);
        const field = `items[${index}]`;
        if (!row?.in_year)
          throw new AppException(ErrorCode.ValidationFailed, '指标不存在或不属于该部门年度', {
            [`${field}.indicatorId`]: `${field}.indicatorId：指标不存在或不属于该部门年度`,
          });
        if (row.version !== item.version)
          throw new AppException(
            ErrorCode.VersionConflict,
            `指标“${row.name}”已被他人修改，请刷新后再试（本次未确认任何指标）`,
            { [`${field}.version`]: `${field}.version：指标“${row.name}”已被他人修改` },
            {
              indicatorId: row.id,
              name: row.name,
              current: { version: row.version, target: row.target_parsed },
            },
          );
        if (!row.target_parsed || row.target_parsed.confidence === 'unparsed')
          throw new AppException(
            ErrorCode.ValidationFailed,
            `指标“${row.name}”的指标值未能解析，请逐条更正`,
            {
              [`${field}.indicatorId`]: `${field}.indicatorId：指标“${row.name}”的指标值未能解析，请逐条更正`,
            },
          );
      });
      const confirmed: { id: string; version: number }[] = [];
      for (const item of items) {
        const row = rows.get(item.indicatorId) as LockedReading & { target_parsed: Target };
        const target: Target = { ...row.target_parsed, confidence: 'explicit' };
        const updated = await this.repository.updateTarget(manager, row.id, {
          ...targetColumns(row.target_raw, target, true),
          thresholds: row.thresholds,
        });
        await this.audit.record(manager, {
          action: 'indicator.confirm-target',
          entity: 'indicator',
          entityId: row.id,
          before: { target: row.target_parsed },
          after: { target },
          reason: null,
        });
        confirmed.push(updated);
      }
      // The reading is unchanged but its confidence: the lights follow it all the same, in this transaction.
      await this.lights.reevaluateReports(manager, [...seen]);
      return { confirmed: confirmed.length, items: confirmed };
    });
  }
}

/** Field → message when the reading contradicts itself, e.g. "≥" without a value or a range with min > max. */
function consistencyErrors(dto: TargetCorrectionDto): Record<string, string> | undefined {
  const errors: Record<string, string> = {};
  if (NUMERIC.has(dto.operator) && dto.value === undefined) errors.value = 'value：该性质需要指标值';
  if (dto.operator === 'between') {
    if (dto.min === undefined) errors.min = 'min：区间需要下限';
    if (dto.max === undefined) errors.max = 'max：区间需要上限';
    if (dto.min !== undefined && dto.max !== undefined && dto.min > dto.max)
      errors.min = 'min：下限不能大于上限';
  }
  if (dto.operator === 'by-date' && !dto.deadline) errors.deadline = 'deadline：期限类指标需要日期';
  if (dto.operator === 'qualitative' && dto.direction !== 'none')
    errors.direction = 'direction：定性指标的方向应为 none';
  if (dto.operator !== 'qualitative' && dto.direction === 'none')
    errors.direction = 'direction：定量指标需要方向（正向、反向或等于）';
  return Object.keys(errors).length ? errors : undefined;
}
