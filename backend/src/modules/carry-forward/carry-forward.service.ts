import { Injectable } from '@nestjs/common';
import { parseTarget, PROPOSAL_BASES, proposeTarget, type ProposalBasis, type Target } from '@jixiao/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { targetColumns } from '../goals/target-columns.mapper';
import { lockDepartmentYearTrees } from '../imports/imports.repository';
import { ReportLightsWriter } from '../monitoring/report-lights.writer';
import { OVERALL_NAME } from '../target-review/target-review.service';
import {
  CarryForwardRepository,
  type CopyCounts,
  type ProposalSource,
  type ProposalWrite,
} from './carry-forward.repository';
import type { ProposalConfirmationDto } from './dto/proposal-confirmation.dto';

export interface CarryForwardResult extends CopyCounts {
  departmentCode: string;
  fromYear: number;
  year: number;
  fiscalYearId: string;
  /** Proposed targets awaiting confirmation: how many, how many differ from this year's, by basis. */
  proposals: { total: number; changed: number; byBasis: Record<ProposalBasis, number> };
}

/** What a pending proposal says (stored in indicators.target_proposal until confirmed). */
export interface StoredProposal {
  basis: ProposalBasis;
  /** This year's target text. */
  from: string;
  /** This year's latest actual as reported, and its period; null without a report. */
  actual: string | null;
  actualPeriod: string | null;
}

/**
 * Next year from this year (结转, docs/domain.md "Next year from this year"): the department-year's current
 * trees copied into year + 1 as drafts, 上年 and 前年 moved on, and every annual target proposed from this
 * year's actual for its lead to confirm. One transaction, audited.
 */
@Injectable()
export class CarryForwardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CarryForwardRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly lights: ReportLightsWriter,
  ) {}

  async carryForward(code: string, year: number): Promise<CarryForwardResult> {
    this.access.assertAdmin();
    try {
      return await this.dataSource.transaction(async (manager) => {
        // An import of this year waits, or is waited for: the copy reads one state of the trees.
        await lockDepartmentYearTrees(manager, code, year);
        const found = await this.repository.findYears(manager, code, year);
        if (!found) throw new AppException(ErrorCode.NotFound, `部门 ${code} 的 ${year} 年度预算不存在`);
        if (found.nextExists) throw nextExists(code, year);
        const fiscalYearId = await this.repository.createNextYear(manager, found.fiscalYearId);
        const counts = await this.repository.copyTrees(manager, found.fiscalYearId, fiscalYearId, year);
        const sources = await this.repository.proposalSources(manager, fiscalYearId, year);
        const writes = sources.map((source) => proposalOf(source, year));
        await this.repository.writeProposals(manager, writes);
        const byBasis = Object.fromEntries(PROPOSAL_BASES.map((b) => [b, 0])) as Record<
          ProposalBasis,
          number
        >;
        for (const write of writes) byBasis[(write.proposal as unknown as StoredProposal).basis]++;
        const result: CarryForwardResult = {
          departmentCode: code,
          fromYear: year,
          year: year + 1,
          fiscalYearId,
          ...counts,
          proposals: {
            total: writes.length,
            changed: writes.filter((w) => w.targetRaw !== (w.proposal as unknown as StoredProposal).from)
              .length,
            byBasis,
          },
        };
        await this.audit.record(manager, {
          action: 'fiscal-year.carry-forward',
          entity: 'fiscal-year',
          entityId: fiscalYearId,
          before: { code, year, fiscalYearId: found.fiscalYearId },
          after: result,
        });
        return result;
      });
    } catch (error) {
      // Two carry-forwards at once: the second meets the first's year on the unique key.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505')
        throw nextExists(code, year);
      throw error;
    }
  }

  /** The department-year's proposed targets awaiting confirmation (anyone who may read the department). */
  async pending(code: string, year: number) {
    const { fiscalYearId } = await this.access.assertCanReadDepartmentYear(code, year);
    const rows = await this.repository.pendingProposals(fiscalYearId);
    return rows.map((row) => ({
      ...row,
      projectName: row.projectName ?? OVERALL_NAME,
      proposal: row.proposal as unknown as StoredProposal,
    }));
  }

  /**
   * The lead (or the admin) confirms a proposed target, as proposed or with their own text; the proposal is then
   * gone. A stale version → 409; nothing pending → 409.
   */
  async confirm(indicatorId: string, dto: ProposalConfirmationDto) {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.lockProposal(manager, indicatorId);
      if (!row) throw notFound('指标');
      this.access.assertCanReadDepartment(row.department_id, actor);
      if (actor.role !== 'admin')
        await this.access.assertCanReport(row.project_id, manager, actor, {
          fiscalYearId: row.fiscal_year_id,
          departmentId: row.department_id,
        });
      if (row.version !== dto.version)
        throw new AppException(ErrorCode.VersionConflict, '该指标已被他人修改，请刷新后再试', undefined, {
          current: { version: row.version, target: row.target_raw },
        });
      if (!row.target_proposal)
        throw new AppException(ErrorCode.Conflict, `指标“${row.name}”没有待确认的建议指标值`);
      const text = dto.target?.trim();
      if (text === '')
        throw new AppException(ErrorCode.ValidationFailed, '指标值不能为空', {
          target: 'target：指标值不能为空',
        });
      const own = text !== undefined && text !== row.target_raw;
      const target: Target | null = own
        ? parseTarget(text, {
            level1: row.level1,
            level2: row.level2,
            name: row.name,
            previous: row.prev1 ?? undefined,
            year: row.year,
          })
        : row.target_parsed;
      const [[updated]] = await manager.query(
        own
          ? `UPDATE indicators SET target_proposal = NULL, ${SET_TARGET} WHERE id = $1 RETURNING id, version, target_raw AS target, target_parsed AS reading`
          : `UPDATE indicators SET target_proposal = NULL, version = version + 1, updated_at = now() WHERE id = $1
             RETURNING id, version, target_raw AS target, target_parsed AS reading`,
        own ? [indicatorId, ...targetParams(text, target as Target)] : [indicatorId],
      );
      await this.audit.record(manager, {
        action: 'indicator.confirm-proposal',
        entity: 'indicator',
        entityId: indicatorId,
        before: { target: row.target_raw, proposal: row.target_proposal },
        after: { target: updated.target },
      });
      if (own) await this.lights.reevaluateReports(manager, [indicatorId]);
      return updated as { id: string; version: number; target: string; reading: Target | null };
    });
  }
}

const nextExists = (code: string, year: number) =>
  new AppException(ErrorCode.Conflict, `部门 ${code} 的 ${year + 1} 年度已存在，不能重复结转`);

const SET_TARGET = `target_raw = $2, target_operator = $3, target_value = $4, target_min = $5, target_max = $6,
  target_unit = $7, target_deadline = $8, target_direction = $9, target_accumulation = $10, target_confidence = $11,
  target_note = $12, target_parsed = $13, target_corrected = false, version = version + 1, updated_at = now()`;

function targetParams(raw: string, target: Target): unknown[] {
  const c = targetColumns(raw, target);
  return [
    c.targetRaw,
    c.targetOperator,
    c.targetValue,
    c.targetMin,
    c.targetMax,
    c.targetUnit,
    c.targetDeadline,
    c.targetDirection,
    c.targetAccumulation,
    c.targetConfidence,
    c.targetNote,
    JSON.stringify(c.targetParsed),
  ];
}

/**
 * Next year's target of one annual indicator: libs/domain's proposal from this year's target and actual, read
 * in next year's context. An admin's reading of an unchanged text is kept unless it depends on the year (a
 * deadline) or on 上年 (稳步增长), which moved on.
 */
export function proposalOf(source: ProposalSource, year: number): ProposalWrite {
  const context = {
    level1: source.level1,
    level2: source.level2,
    name: source.name,
    previous: source.prev1 ?? undefined,
  };
  const current = source.target_parsed ?? parseTarget(source.target_raw, { ...context, year });
  const actual = source.actual_value === null ? null : Number(source.actual_value);
  const proposed = proposeTarget({ target: current, actual, year });
  const keep =
    !proposed.changed &&
    source.target_corrected &&
    current.operator !== 'by-date' &&
    current.accumulation !== 'relative';
  const target = keep ? current : parseTarget(proposed.target, { ...context, year: year + 1 });
  const proposal: StoredProposal = {
    basis: proposed.basis,
    from: source.target_raw,
    actual: source.actual_raw,
    actualPeriod: source.actual_period,
  };
  return {
    id: source.id,
    proposal: { ...proposal },
    ...targetColumns(proposed.target, target, keep),
  };
}
