import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIGHTS,
  LOWER_FORMULAS,
  type LowerFormula,
  MANDATORY_REASON_LIGHTS,
  type MandatoryReasonLight,
  PROJECT_LIGHT_MODES,
  type ProjectLightMode,
} from '@jixiao/domain';
import { Allow, IsInt, IsOptional, Min } from 'class-validator';

// The shapes below document libs/domain's RuleSettings for the API; libs/domain validateRuleSettings checks them
// (one validator, one set of Chinese messages naming each field), so the DTO only lets the fields through.

export class ThresholdsSchema {
  @ApiProperty({ example: 60, description: '黄灯起点（v 的下限）' })
  yellowFrom: number;
  @ApiProperty({ example: 80, description: '绿灯起点' })
  greenFrom: number;
  @ApiProperty({ example: 120, description: '蓝灯起点（超前）' })
  blueFrom: number;
}

export class BudgetCheckpointSchema {
  @ApiProperty({ example: 6, description: '月份（月底）' })
  month: number;
  @ApiProperty({ example: 40, description: '至少应执行的预算比例 %' })
  minRate: number;
}

export class SectionWeightsSchema {
  @ApiProperty({ example: 10, description: '预算执行率分值' })
  budget: number;
  @ApiProperty({ example: 50, description: '产出指标（含成本）分值' })
  output: number;
  @ApiProperty({ example: 30, description: '效益指标分值' })
  benefit: number;
  @ApiProperty({ example: 10, description: '满意度指标分值' })
  satisfaction: number;
}

export class QualitativeBandsSchema {
  @ApiProperty({ type: [Number], example: [0.8, 1], description: '达成：得分占分值的区间' })
  达成: [number, number];
  @ApiProperty({ type: [Number], example: [0.6, 0.8], description: '部分达成' })
  部分达成: [number, number];
  @ApiProperty({ type: [Number], example: [0, 0.6], description: '未达成' })
  未达成: [number, number];
}

export class GradeBandsSchema {
  @ApiProperty({ example: 90, description: '优的最低分' })
  excellent: number;
  @ApiProperty({ example: 80, description: '良的最低分' })
  good: number;
  @ApiProperty({ example: 60, description: '中的最低分' })
  pass: number;
}

export class ScoringProfileSchema {
  @ApiProperty({ type: SectionWeightsSchema })
  sections: SectionWeightsSchema;
  @ApiProperty({
    enum: LOWER_FORMULAS,
    description: '反向指标计分：linear 线性扣分（全国）/ ratio 目标值÷实际值',
  })
  lowerFormula: LowerFormula;
  @ApiProperty({ type: QualitativeBandsSchema })
  qualitativeBands: QualitativeBandsSchema;
  @ApiProperty({ example: 2, description: '得分保留小数位数（0–4）' })
  decimals: number;
  @ApiProperty({ type: GradeBandsSchema })
  gradeBands: GradeBandsSchema;
}

/** A department-year's 监控规则 (libs/domain RuleSettings). */
export class RuleSettingsSchema {
  @ApiProperty({ type: ThresholdsSchema, description: '预警灯阈值' })
  @Allow()
  thresholds: ThresholdsSchema;

  @ApiProperty({ type: [BudgetCheckpointSchema], description: '预算执行进度节点（未达到即红灯）' })
  @Allow()
  budgetCheckpoints: BudgetCheckpointSchema[];

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: '双监控一致性提醒：目标进度与预算执行进度相差超过的百分点；null 为不提醒',
  })
  @Allow()
  consistencyGap: number | null;

  @ApiProperty({
    enum: PROJECT_LIGHT_MODES,
    description: '项目综合灯：indicators 最差指标灯 / worst 含预算的最差灯 / dual 双监控',
  })
  @Allow()
  projectLight: ProjectLightMode;

  @ApiProperty({ enum: MANDATORY_REASON_LIGHTS, isArray: true, description: '提交时必须填写偏差原因的灯' })
  @Allow()
  reasonLights: MandatoryReasonLight[];

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: '完成值达到目标的该百分比及以上须说明超额原因；null 为不要求',
  })
  @Allow()
  overCompletionFrom: number | null;

  @ApiProperty({ type: ScoringProfileSchema, description: '自评计分方案' })
  @Allow()
  scoring: ScoringProfileSchema;
}

/** PUT …/rules: the whole settings and the version read (0 when never saved); stale → 409. */
export class RuleSettingsDto extends RuleSettingsSchema {
  @ApiPropertyOptional({ description: '读取时的版本（从未保存过为 0）；已被他人修改时 409' })
  @IsOptional()
  @Min(0, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：版本号无效' })
  version?: number;
}

export class RuleSettingsResponse {
  @ApiProperty({ example: '031' })
  code: string;
  @ApiProperty({ example: 2025 })
  year: number;
  @ApiProperty({ type: RuleSettingsSchema })
  settings: RuleSettingsSchema;
  @ApiProperty({ type: RuleSettingsSchema, description: '全国默认规则' })
  defaults: RuleSettingsSchema;
  @ApiProperty({ description: '版本；从未保存过为 0' })
  version: number;
  @ApiProperty({ type: String, nullable: true, description: '最后修改人' })
  updatedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: Date | null;
  @ApiPropertyOptional({ description: '保存后重新判定而改变的已存预警灯数' })
  reevaluated?: number;
}

export class LightChangeResponse {
  @ApiProperty({ enum: ['indicator', 'budget', 'project'] })
  kind: 'indicator' | 'budget' | 'project';
  @ApiProperty({ description: '指标或项目 id' })
  id: string;
  @ApiProperty({ description: '指标或项目名称' })
  name: string;
  @ApiProperty({ type: String, nullable: true, description: '所属项目（部门整体为 null）' })
  projectName: string | null;
  @ApiProperty({ enum: LIGHTS })
  from: string;
  @ApiProperty({ enum: LIGHTS })
  to: string;
}

export class LightChangeCountsResponse {
  @ApiProperty()
  indicators: number;
  @ApiProperty()
  budgets: number;
  @ApiProperty()
  projects: number;
  @ApiProperty()
  total: number;
}

export class RulesPreviewResponse {
  @ApiProperty({ example: '2025-06', description: '预览的截至月份（有填报的最近月份）' })
  asOf: string;
  @ApiProperty({ type: LightChangeCountsResponse, description: '将改变的灯数' })
  changed: LightChangeCountsResponse;
  @ApiProperty({ type: LightChangeCountsResponse, description: '参与比较的灯数' })
  compared: LightChangeCountsResponse;
  @ApiProperty({ type: [LightChangeResponse] })
  changes: LightChangeResponse[];
}
