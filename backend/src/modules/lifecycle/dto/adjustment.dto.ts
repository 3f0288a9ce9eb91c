import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ADJUSTMENT_STATUSES, PERIOD_PATTERN, type AdjustmentStatus } from '@jixiao/domain';

/** The version the client saw: a stale one → 409. */
export class TreeVersionDto {
  @ApiProperty({ description: '读取时的版本号（尚无状态记录的草稿为 0）；与当前版本不符时返回 409' })
  @Min(0, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：请提供读取时的版本号（整数）' })
  version: number;
}

export class TreeReturnDto extends TreeVersionDto {
  @ApiProperty({ description: '退回原因（必填）' })
  @MaxLength(1000, { message: 'reason：原因过长（最多 1000 字）' })
  @Matches(/\S/, { message: 'reason：请填写退回原因' })
  @IsString({ message: 'reason：请填写退回原因' })
  reason: string;
}

export class AdjustmentItemDto {
  @ApiProperty({ description: '指标 id' })
  @IsUUID('all', { message: 'indicatorId：指标标识无效' })
  indicatorId: string;

  @ApiProperty({ example: '≥95%', description: '调整后的指标值（原文）' })
  @MaxLength(500, { message: 'target：指标值过长（最多 500 字）' })
  @Matches(/\S/, { message: 'target：请填写新的指标值' })
  @IsString({ message: 'target：请填写新的指标值' })
  target: string;
}

/** 调整申请: new targets with a reason and the month from which they are in force. */
export class AdjustmentDto {
  @ApiProperty({ type: [AdjustmentItemDto], description: '调整的指标及新的指标值（1–100 项）' })
  @ValidateNested({ each: true })
  @Type(() => AdjustmentItemDto)
  @ArrayMaxSize(100, { message: 'items：一次最多调整 100 个指标' })
  @ArrayMinSize(1, { message: 'items：请至少选择一个指标' })
  @IsArray({ message: 'items：须为指标列表' })
  items: AdjustmentItemDto[];

  @ApiProperty({ description: '调整原因（必填）' })
  @MaxLength(1000, { message: 'reason：原因过长（最多 1000 字）' })
  @Matches(/\S/, { message: 'reason：请填写调整原因' })
  @IsString({ message: 'reason：请填写调整原因' })
  reason: string;

  @ApiProperty({
    example: '2025-07',
    description: '生效月份（YYYY-MM）：该月起按新的指标值判定，此前各月仍按原指标值',
  })
  @Matches(PERIOD_PATTERN, { message: 'effectiveFrom：生效月份格式应为 YYYY-MM' })
  @IsString({ message: 'effectiveFrom：请填写生效月份' })
  effectiveFrom: string;
}

export class AdjustmentParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id：调整申请标识无效' })
  id: string;
}

export class AdjustmentListQuery {
  @ApiProperty({ required: false, enum: ADJUSTMENT_STATUSES, description: '按状态筛选（submitted 待审批）' })
  @IsOptional()
  @IsIn(ADJUSTMENT_STATUSES, { message: 'status：只能是 submitted、approved 或 returned' })
  status?: AdjustmentStatus;
}
