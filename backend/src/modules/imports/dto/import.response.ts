import { REVIEW_RULE_IDS, REVIEW_SEVERITIES } from '@jixiao/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ImportDiffResponse } from './import-diff.response';

/** Rows of one kind an import creates, updates, archives and restores. */
export class ChangeCountResponse {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: '不再包含而归档（数据保留）' }) archived: number;
  @ApiProperty({ description: '重新包含而恢复' }) restored: number;
}

export class LoadSummaryResponse {
  @ApiProperty({ example: '031' }) departmentCode: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty() fiscalYearId: string;
  @ApiProperty({ type: ChangeCountResponse }) projects: ChangeCountResponse;
  @ApiProperty({ type: ChangeCountResponse }) goals: ChangeCountResponse;
  @ApiProperty({ type: ChangeCountResponse }) indicators: ChangeCountResponse;
  @ApiProperty({ description: '预算表行数' }) budgetLines: number;
  @ApiProperty({ type: ImportDiffResponse }) diff: ImportDiffResponse;
}

export class ReportLocationResponse {
  @ApiProperty({ example: '表12' }) table: string;
  @ApiPropertyOptional({ example: '(3) 人社局就业资金工作经费' }) project?: string;
  @ApiPropertyOptional({ example: '年度绩效目标 1' }) part?: string;
  @ApiPropertyOptional() line?: number;
  @ApiPropertyOptional({ description: '指标名称或原文行' }) row?: string;
}

export class ImportReviewFindingResponse {
  @ApiProperty({ type: ReportLocationResponse }) location: ReportLocationResponse;
  @ApiProperty({ enum: REVIEW_RULE_IDS }) ruleId: (typeof REVIEW_RULE_IDS)[number];
  @ApiProperty({ enum: REVIEW_SEVERITIES }) severity: (typeof REVIEW_SEVERITIES)[number];
  @ApiProperty({ description: '规则名称' }) title: string;
  @ApiProperty({ description: '发现' }) message: string;
}

export class SwitchedRuleResponse {
  @ApiProperty({ enum: REVIEW_RULE_IDS }) ruleId: (typeof REVIEW_RULE_IDS)[number];
  @ApiProperty() title: string;
  @ApiProperty({ description: '本部门本年度是否启用' }) enabled: boolean;
  @ApiProperty({ description: '停用或启用的原因' }) reason: string;
}

export class SeverityCountsResponse {
  @ApiProperty() error: number;
  @ApiProperty() warning: number;
  @ApiProperty() info: number;
  @ApiProperty() total: number;
}

/** 目标质量审查 at import, with the department-year's rule switches. */
export class ImportTargetReviewResponse {
  @ApiProperty({ type: SeverityCountsResponse }) counts: SeverityCountsResponse;
  @ApiProperty({ type: [ImportReviewFindingResponse] }) findings: ImportReviewFindingResponse[];
  @ApiPropertyOptional({
    type: [SwitchedRuleResponse],
    description: '本部门本年度与默认不同的规则设置（无则全部按默认）',
  })
  switched?: SwitchedRuleResponse[];
}

/** POST /api/imports answer (a preview wrote nothing). */
export class ImportResponse {
  @ApiProperty({ example: '031' }) departmentCode: string;
  @ApiProperty({ example: '武汉市东西湖区人力资源和社会保障局' }) departmentName: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ description: '预览：未写入，仅说明应用后的变化' }) preview: boolean;
  @ApiProperty({ description: '与上次导入的内容相同，未写入' }) unchanged: boolean;
  @ApiProperty({ nullable: true, type: LoadSummaryResponse }) summary: LoadSummaryResponse | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: '解析报告（导入规范化 JSON 时为 null）',
  })
  report: Record<string, unknown> | null;
  @ApiProperty({
    type: ImportTargetReviewResponse,
    description: '目标质量审查（按本部门本年度的规则设置；各种格式的导入都有）',
  })
  targetReview: ImportTargetReviewResponse;
  @ApiProperty({ description: '导入报告（Markdown）' }) markdown: string;
}
