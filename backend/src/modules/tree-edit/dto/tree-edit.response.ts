import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_RULE_IDS, REVIEW_SEVERITIES, type ReviewRuleId, type ReviewSeverity } from '@jixiao/domain';
import { GOAL_TERMS, type GoalTerm } from '../../goals/entities/goal.entity';
import { TargetResponse } from '../../projects/dto/goal-tree.response';

export class FiscalYearCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '031', description: '部门编码' }) code: string;
  @ApiProperty({ example: 2026, description: '预算年度' }) year: number;
  @ApiProperty() version: number;
}

/** A project's 表12 header after the editor wrote it; money in 万元. */
export class ProjectHeaderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '版本号（修改时回传）' }) version: number;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) category: string | null;
  @ApiProperty({ description: '当年预算（万元）' }) budget: number;
  @ApiProperty({ type: String, nullable: true }) competentDepartment: string | null;
  @ApiProperty({ type: String, nullable: true }) executingUnit: string | null;
  @ApiProperty({ type: String, nullable: true }) leadName: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) postcode: string | null;
  @ApiProperty({ type: String, nullable: true }) attribute: string | null;
  @ApiProperty({ type: String, nullable: true }) expenditureCategory: string | null;
  @ApiProperty({ type: Number, nullable: true }) startYear: number | null;
  @ApiProperty({ type: Number, nullable: true }) endYear: number | null;
  @ApiProperty({ type: String, nullable: true }) legalBasis: string | null;
  @ApiProperty({ type: String, nullable: true }) implementationPlan: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '项目总预算（万元）' }) totalBudget:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: '项目当年预算（万元）' }) currentBudget:
    number | null;
  @ApiProperty({ type: String, nullable: true }) priorBudgetChanges: string | null;
}

export class GoalEditResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '版本号（修改时回传）' }) version: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '项目；部门整体目标为 null' })
  projectId: string | null;
  @ApiProperty({ enum: GOAL_TERMS }) term: GoalTerm;
  @ApiProperty() seq: number;
  @ApiProperty({ example: '年度目标 2' }) label: string;
  @ApiProperty() title: string;
}

/** A finding of the target-quality review on one indicator (libs/domain reviewIndicator). */
export class IndicatorFindingResponse {
  @ApiProperty({ enum: REVIEW_RULE_IDS }) ruleId: ReviewRuleId;
  @ApiProperty({ enum: REVIEW_SEVERITIES }) severity: ReviewSeverity;
  @ApiProperty({ description: '规则名称' }) title: string;
  @ApiProperty({ description: '发现的问题' }) message: string;
  @ApiProperty({ description: '修改建议' }) fixHint: string;
}

/** An indicator after the editor wrote it: the parsed reading of its target and the review's findings. */
export class IndicatorEditResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '版本号（修改时回传）' }) version: number;
  @ApiProperty({ format: 'uuid' }) goalId: string;
  @ApiProperty({ description: '在目标内的顺序' }) seq: number;
  @ApiProperty({ example: '产出指标' }) level1: string;
  @ApiProperty({ example: '数量指标' }) level2: string;
  @ApiProperty({ example: '培训人数' }) name: string;
  @ApiProperty({ example: '≥500人', description: '指标值原文' }) targetRaw: string;
  @ApiProperty({ type: TargetResponse, description: '指标值的结构化理解（与导入相同的解析）' })
  target: TargetResponse;
  @ApiProperty({ type: String, nullable: true }) basis: string | null;
  @ApiProperty({ type: String, nullable: true, description: '前年' }) prev2: string | null;
  @ApiProperty({ type: String, nullable: true, description: '上年' }) prev1: string | null;
  @ApiProperty({ type: [IndicatorFindingResponse], description: '目标质量审查对该指标的发现' })
  review: IndicatorFindingResponse[];
  @ApiProperty({ description: '随指标值变更重新判定的已填报月份数' }) reevaluated: number;
}

/** What `DELETE /indicators/:id` did: deleted when nothing was recorded against it, else archived. */
export class IndicatorRemovalResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['deleted', 'archived'] }) outcome: 'deleted' | 'archived';
  @ApiProperty({ type: Date, nullable: true, description: '归档时间；删除时为 null' })
  archivedAt: Date | null;
  @ApiProperty({ description: '已有的填报月份数' }) reports: number;
  @ApiProperty({ description: '已有的佐证材料数' }) evidenceFiles: number;
  @ApiProperty({ description: '已有的自评条目数' }) selfEvaluationItems: number;
}
