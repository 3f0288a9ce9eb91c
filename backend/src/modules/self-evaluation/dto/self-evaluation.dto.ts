import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDecimal } from '../../../common/validation/is-decimal.decorator';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ProjectYearParams {
  @ApiProperty({ description: '项目 id' })
  @IsUUID('all', { message: 'id：项目标识无效' })
  id: string;

  @ApiProperty({ example: 2025, description: '预算年度' })
  @Type(() => Number)
  @Min(2000, { message: 'year：预算年度不能早于 2000' })
  @Max(2100, { message: 'year：预算年度不能晚于 2100' })
  @IsInt({ message: 'year：预算年度必须是整数' })
  year: number;
}

export class SelfEvaluationItemDto {
  @ApiProperty({ description: '三级指标 id' })
  @IsUUID('all', { message: 'indicatorId：指标标识无效' })
  indicatorId: string;

  @ApiPropertyOptional({
    example: '12套',
    nullable: true,
    type: String,
    description: '实际完成值；null 表示取全年最后一次监控填报的完成值（项目负责人）',
  })
  @IsOptional()
  @MaxLength(200, { message: 'actual：实际完成值过长（最多 200 字）' })
  @IsString({ message: 'actual：实际完成值必须是文本' })
  actual?: string | null;

  @ApiPropertyOptional({
    example: 21,
    nullable: true,
    type: Number,
    description: '定性指标的评定得分，须在达成情况对应的分数区间内（项目负责人）',
  })
  @IsOptional()
  @Min(0, { message: 'score：得分不能为负' })
  @IsDecimal(2, { message: 'score：得分必须是数字（最多两位小数）' })
  score?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: '偏差原因分析及改进措施（项目负责人）' })
  @IsOptional()
  @MaxLength(2000, { message: 'deviationAnalysis：偏差原因分析及改进措施过长（最多 2000 字）' })
  @IsString({ message: 'deviationAnalysis：偏差原因分析及改进措施必须是文本' })
  deviationAnalysis?: string | null;

  @ApiPropertyOptional({
    example: 12.5,
    nullable: true,
    type: Number,
    description: '分值（绩效管理员）；null 表示按所在部分平均分配',
  })
  @IsOptional()
  @Max(100, { message: 'weight：分值不能超过 100' })
  @Min(0, { message: 'weight：分值不能为负' })
  @IsDecimal(2, { message: 'weight：分值必须是数字（最多两位小数）' })
  weight?: number | null;
}

/** 分值 of the sections (绩效管理员); the four must add up to 100 with the indicators' weights. */
export class SectionWeightsDto {
  @ApiPropertyOptional({ example: 10, description: '预算执行率' })
  @IsOptional()
  @Max(100, { message: 'budget：分值不能超过 100' })
  @Min(0, { message: 'budget：分值不能为负' })
  @IsDecimal(2, { message: 'budget：分值必须是数字（最多两位小数）' })
  budget?: number;

  @ApiPropertyOptional({ example: 50, description: '产出指标（含成本指标）' })
  @IsOptional()
  @Max(100, { message: 'output：分值不能超过 100' })
  @Min(0, { message: 'output：分值不能为负' })
  @IsDecimal(2, { message: 'output：分值必须是数字（最多两位小数）' })
  output?: number;

  @ApiPropertyOptional({ example: 30, description: '效益指标' })
  @IsOptional()
  @Max(100, { message: 'benefit：分值不能超过 100' })
  @Min(0, { message: 'benefit：分值不能为负' })
  @IsDecimal(2, { message: 'benefit：分值必须是数字（最多两位小数）' })
  benefit?: number;

  @ApiPropertyOptional({ example: 10, description: '满意度指标' })
  @IsOptional()
  @Max(100, { message: 'satisfaction：分值不能超过 100' })
  @Min(0, { message: 'satisfaction：分值不能为负' })
  @IsDecimal(2, { message: 'satisfaction：分值必须是数字（最多两位小数）' })
  satisfaction?: number;
}

export class SelfEvaluationDto {
  @ApiPropertyOptional({ description: '读取时的版本号（尚未保存过为 0）；与当前版本不符时返回 409' })
  @IsOptional()
  @Min(0, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：版本号必须是整数' })
  version?: number;

  @ApiPropertyOptional({ type: [SelfEvaluationItemDto], description: '要修改的指标行；未列出的保持不变' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => SelfEvaluationItemDto)
  @ArrayMaxSize(500, { message: 'items：条目过多' })
  @IsArray({ message: 'items：必须是列表' })
  items?: SelfEvaluationItemDto[];

  @ApiPropertyOptional({ nullable: true, type: String, description: '年度总体目标实际完成情况' })
  @IsOptional()
  @MaxLength(4000, { message: 'overallResult：实际完成情况过长（最多 4000 字）' })
  @IsString({ message: 'overallResult：实际完成情况必须是文本' })
  overallResult?: string | null;

  @ApiPropertyOptional({
    example: 477000,
    nullable: true,
    type: Number,
    description: '全年执行数（元）；null 表示取全年最后一次预算执行填报',
  })
  @IsOptional()
  @Max(1e13, { message: 'executedYuan：执行数过大' })
  @Min(0, { message: 'executedYuan：执行数不能为负' })
  @IsDecimal(2, { message: 'executedYuan：执行数必须是数字（元，最多两位小数）' })
  executedYuan?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: '全年预算数（元），仅部门整体自评可改（绩效管理员）；项目取项目当年预算',
  })
  @IsOptional()
  @Max(1e13, { message: 'annualBudgetYuan：预算数过大' })
  @Min(0, { message: 'annualBudgetYuan：预算数不能为负' })
  @IsDecimal(2, { message: 'annualBudgetYuan：预算数必须是数字（元，最多两位小数）' })
  annualBudgetYuan?: number | null;

  @ApiPropertyOptional({ type: SectionWeightsDto, description: '各部分分值（绩效管理员）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SectionWeightsDto)
  sections?: SectionWeightsDto;
}

export class SelfEvaluationVersionDto {
  @ApiPropertyOptional({ description: '读取时的版本号；与当前版本不符时返回 409' })
  @IsOptional()
  @Min(0, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：版本号必须是整数' })
  version?: number;
}

export class SelfEvaluationReasonDto extends SelfEvaluationVersionDto {
  @ApiProperty({ description: '原因（必填）' })
  @MaxLength(1000, { message: 'reason：原因过长（最多 1000 字）' })
  @Matches(/\S/, { message: 'reason：请填写原因' })
  @IsString({ message: 'reason：请填写原因' })
  reason: string;
}
