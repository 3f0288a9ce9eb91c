import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_RULE_IDS, REVIEW_SEVERITIES, type ReviewRuleId, type ReviewSeverity } from '@jixiao/domain';

/** Findings by severity. */
export class SeverityCountsResponse {
  @ApiProperty({ example: 3, description: '错误' }) error: number;
  @ApiProperty({ example: 5, description: '警告' }) warning: number;
  @ApiProperty({ example: 1, description: '提示' }) info: number;
  @ApiProperty({ example: 9, description: '合计' }) total: number;
}

/** A rule of the review with the department-year's switch. */
export class ReviewRuleResponse {
  @ApiProperty({ enum: REVIEW_RULE_IDS }) id: ReviewRuleId;
  @ApiProperty({ enum: REVIEW_SEVERITIES }) severity: ReviewSeverity;
  @ApiProperty({ enum: ['indicator', 'goal', 'tree'], description: '审查对象：单个指标、目标或整棵指标树' })
  scope: 'indicator' | 'goal' | 'tree';
  @ApiProperty({ example: '指标值不可衡量：用语模糊、没有数值' }) title: string;
  @ApiProperty({ description: '修改建议' }) fixHint: string;
  @ApiProperty({ description: '未设置时是否启用' }) defaultEnabled: boolean;
  @ApiProperty({ description: '本部门本年度是否启用' }) enabled: boolean;
  @ApiProperty({ type: String, nullable: true, description: '切换原因' }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: '最后切换人' }) updatedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: Date | null;
  @ApiProperty({ description: '乐观锁版本；从未切换过为 0' }) version: number;
  @ApiProperty({ type: Number, nullable: true, description: '本规则的发现数（切换时不计算，为 null）' })
  findings: number | null;
}

/** One finding, with the project, goal and indicator it is about. */
export class ReviewFindingResponse {
  @ApiProperty({ enum: REVIEW_RULE_IDS }) ruleId: ReviewRuleId;
  @ApiProperty({ enum: REVIEW_SEVERITIES }) severity: ReviewSeverity;
  @ApiProperty({ description: '规则名称' }) title: string;
  @ApiProperty({ description: '发现的问题' }) message: string;
  @ApiProperty({ description: '修改建议' }) fixHint: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '项目；部门整体目标为 null' })
  projectId: string | null;
  @ApiProperty({ example: '信息化建设' }) projectName: string;
  @ApiProperty({ format: 'uuid' }) goalId: string;
  @ApiProperty({ example: '长期绩效目标' }) goalLabel: string;
  @ApiProperty({ enum: ['long', 'annual'] }) goalTerm: 'long' | 'annual';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '目标层面的发现为 null' })
  indicatorId: string | null;
  @ApiProperty({ type: String, nullable: true }) level1: string | null;
  @ApiProperty({ type: String, nullable: true }) level2: string | null;
  @ApiProperty({ type: String, nullable: true }) indicatorName: string | null;
  @ApiProperty({ type: String, nullable: true, description: '指标值原文' }) target: string | null;
}

export class ReviewGoalSummaryResponse {
  @ApiProperty({ format: 'uuid' }) goalId: string;
  @ApiProperty({ enum: ['long', 'annual'] }) term: 'long' | 'annual';
  @ApiProperty() label: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: SeverityCountsResponse }) counts: SeverityCountsResponse;
}

/** A project (or the department as a whole) with its findings counted by severity, goal by goal. */
export class ReviewProjectSummaryResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '部门整体为 null' })
  projectId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '表10 顺序' }) seq: number | null;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: SeverityCountsResponse }) counts: SeverityCountsResponse;
  @ApiProperty({ type: [ReviewGoalSummaryResponse] }) goals: ReviewGoalSummaryResponse[];
}

export class ReviewDepartmentResponse {
  @ApiProperty({ example: '031' }) code: string;
  @ApiProperty() name: string;
}

export class TargetReviewResponse {
  @ApiProperty({ type: ReviewDepartmentResponse }) department: ReviewDepartmentResponse;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ type: SeverityCountsResponse }) counts: SeverityCountsResponse;
  @ApiProperty({ type: [ReviewRuleResponse] }) rules: ReviewRuleResponse[];
  @ApiProperty({ type: [ReviewProjectSummaryResponse] }) projects: ReviewProjectSummaryResponse[];
  @ApiProperty({ type: [ReviewFindingResponse] }) findings: ReviewFindingResponse[];
}
