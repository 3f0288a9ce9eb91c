import { Injectable } from '@nestjs/common';
import {
  countBySeverity,
  isReviewRuleId,
  REVIEW_RULES,
  reviewTree,
  ruleEnabled,
  type ReviewSwitches,
  type TreeFinding,
} from '@jixiao/domain';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { FileDownload, XLSX_TYPE } from '../exports/exports.service';
import { newWorkbook } from '../exports/self-evaluation.workbook';
import { addTargetReviewSheets } from './target-review.workbook';
import type {
  ReviewFindingResponse,
  ReviewRuleResponse,
  TargetReviewResponse,
} from './dto/target-review.response';
import type { RuleSwitchDto } from './dto/rule-switch.dto';
import { ReviewGoalRow, RuleSettingRow, TargetReviewRepository } from './target-review.repository';

/** What the overall (部门整体) tree is called where a project name would stand. */
export const OVERALL_NAME = '部门整体';

/**
 * 目标质量审查 (docs/domain.md §9): libs/domain's rules run over every live tree of a department-year, with
 * the department-year's switches; and the admin's switching of a rule, audited.
 */
@Injectable()
export class TargetReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TargetReviewRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async review(code: string, year: number): Promise<TargetReviewResponse> {
    return (await this.build(code, year)).review;
  }

  private async build(
    code: string,
    year: number,
  ): Promise<{ review: TargetReviewResponse; fiscalYearId: string }> {
    const { fiscalYearId, departmentId } = await this.access.assertCanReadDepartmentYear(code, year);
    const [department, settings, trees] = await Promise.all([
      this.repository.departmentName(departmentId),
      this.repository.settings(departmentId, year),
      this.repository.trees(fiscalYearId),
    ]);
    const switches: ReviewSwitches = Object.fromEntries(settings.map((s) => [s.ruleId, s.enabled]));
    const findings: ReviewFindingResponse[] = [];
    const owners = [
      { projectId: null, seq: null, code: null, name: OVERALL_NAME },
      ...trees.projects.map((p) => ({ projectId: p.id, seq: p.seq, code: p.code, name: p.name })),
    ];
    const projects = owners.map((owner) => {
      const goals = trees.goals.filter((g) => g.projectId === owner.projectId);
      const withIndicators = goals.map((goal) => ({
        goal,
        indicators: trees.indicators.filter((i) => i.goalId === goal.id),
      }));
      const tree = withIndicators.map(({ goal, indicators }) => ({ term: goal.term, indicators }));
      const own = reviewTree(tree, { switches, year }).map((finding) =>
        locate(finding, owner, withIndicators),
      );
      findings.push(...own);
      return {
        ...owner,
        counts: countBySeverity(own),
        goals: goals.map((goal) => ({
          goalId: goal.id,
          term: goal.term,
          label: goal.label,
          title: goal.title,
          counts: countBySeverity(own.filter((f) => f.goalId === goal.id)),
        })),
      };
    });
    const review = {
      department,
      year,
      counts: countBySeverity(findings),
      rules: REVIEW_RULES.map((rule) =>
        ruleResponse(
          rule.id,
          settings.find((s) => s.ruleId === rule.id),
          switches,
          findings.filter((f) => f.ruleId === rule.id).length,
        ),
      ),
      projects,
      findings,
    };
    return { review, fiscalYearId };
  }

  /** The review as a workbook; handing it out is audited like every export. */
  async workbook(code: string, year: number): Promise<FileDownload> {
    const { review, fiscalYearId } = await this.build(code, year);
    const workbook = newWorkbook();
    addTargetReviewSheets(workbook, review);
    const file: FileDownload = {
      fileName: `${year}年度绩效目标质量审查-${review.department.name}.xlsx`,
      fallbackName: `target-review-${year}-${code}.xlsx`,
      contentType: XLSX_TYPE,
      // Built on every download from live data: the fastest deflate level halves the time for a slightly larger file.
      content: Buffer.from(
        await workbook.xlsx.writeBuffer({
          zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
        }),
      ),
    };
    await this.audit.record(this.dataSource.manager, {
      action: 'export.download',
      entity: 'fiscal-year',
      entityId: fiscalYearId,
      after: { code, year, fileName: file.fileName, contentType: file.contentType },
    });
    return file;
  }

  /** Switches a rule on or off for the department-year (admin); off needs a reason. Audited. */
  async switchRule(
    code: string,
    year: number,
    ruleId: string,
    body: RuleSwitchDto,
  ): Promise<ReviewRuleResponse> {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    if (!isReviewRuleId(ruleId)) throw notFound(`审查规则 ${ruleId} `);
    const reason = (body.reason ?? '').trim();
    if (!body.enabled && reason === '')
      throw new AppException(ErrorCode.ValidationFailed, '停用审查规则须填写原因', {
        reason: 'reason：停用审查规则须填写原因',
      });
    return this.dataSource.transaction(async (manager) => {
      const { departmentId } = await this.access.assertCanReadDepartmentYear(code, year, manager);
      const before = await this.repository.settingForUpdate(manager, departmentId, year, ruleId);
      if (body.version !== undefined && body.version !== (before?.version ?? 0))
        throw new AppException(ErrorCode.VersionConflict, '该规则已被他人修改，请刷新后重试');
      const saved = await this.repository.upsert(manager, {
        departmentId,
        year,
        ruleId,
        enabled: body.enabled,
        reason,
        by: actor.id,
      });
      await this.audit.record(manager, {
        action: body.enabled ? 'target-review-rule.enable' : 'target-review-rule.disable',
        entity: 'target-review-rule',
        entityId: saved.id,
        before: before ? { ruleId, enabled: before.enabled, reason: before.reason } : null,
        after: { code, year, ruleId, enabled: saved.enabled, reason: saved.reason },
        reason: reason || null,
      });
      const [withName] = (await this.repository.settings(departmentId, year, manager)).filter(
        (s) => s.ruleId === ruleId,
      );
      return ruleResponse(ruleId, withName, { [ruleId]: saved.enabled }, null);
    });
  }
}

function ruleResponse(
  id: (typeof REVIEW_RULES)[number]['id'],
  setting: RuleSettingRow | undefined,
  switches: ReviewSwitches,
  findings: number | null,
): ReviewRuleResponse {
  const rule = REVIEW_RULES.find((r) => r.id === id)!;
  return {
    ...rule,
    enabled: ruleEnabled(id, switches),
    reason: setting?.reason ?? null,
    updatedBy: setting?.updatedBy ?? null,
    updatedAt: setting?.updatedAt ?? null,
    version: setting?.version ?? 0,
    findings,
  };
}

function locate(
  finding: TreeFinding,
  owner: { projectId: string | null; name: string },
  goals: {
    goal: ReviewGoalRow;
    indicators: { id: string; level1: string; level2: string; name: string; target: string }[];
  }[],
): ReviewFindingResponse {
  const { goal, indicators } = goals[finding.goalIndex];
  const indicator = finding.indicatorIndex === null ? null : indicators[finding.indicatorIndex];
  const { goalIndex: _g, indicatorIndex: _i, ...rest } = finding;
  return {
    ...rest,
    projectId: owner.projectId,
    projectName: owner.name,
    goalId: goal.id,
    goalLabel: goal.label,
    goalTerm: goal.term,
    indicatorId: indicator?.id ?? null,
    level1: indicator?.level1 ?? null,
    level2: indicator?.level2 ?? null,
    indicatorName: indicator?.name ?? null,
    target: indicator?.target ?? null,
  };
}
