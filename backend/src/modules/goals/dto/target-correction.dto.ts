import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDecimal } from '../../../common/validation/is-decimal.decorator';
import { Type } from 'class-transformer';
import {
  IsIn,
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

import {
  ACCUMULATIONS,
  DEFAULT_THRESHOLDS,
  DIRECTIONS,
  OPERATORS as TARGET_OPERATORS,
  type Operator,
} from '@jixiao/domain';

/** What an admin can set by hand: every 性质 but 'all-of', whose parts only the parser writes. */
const OPERATORS = TARGET_OPERATORS.filter((operator) => operator !== 'all-of') as Exclude<
  Operator,
  'all-of'
>[];

export class IndicatorIdParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id：指标标识无效' })
  id: string;
}

const number = (field: string) => IsDecimal(6, { message: `${field}：必须是数字（最多六位小数）` });

/** One bound of the thresholds: a number of v from 0 to 1000, one decimal at most. */
const bound = (field: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: DEFAULT_THRESHOLDS[field as keyof typeof DEFAULT_THRESHOLDS] }),
    IsOptional(),
    Max(1000, { message: `thresholds.${field}：阈值过大` }),
    Min(0, { message: `thresholds.${field}：阈值不能为负` }),
    IsDecimal(1, { message: `thresholds.${field}：阈值必须是数字（最多一位小数）` }),
  );

/** An indicator's own light thresholds (lower bounds of v); a bound left out keeps the default (60 / 80 / 120). */
export class ThresholdsDto {
  @bound('yellowFrom') yellowFrom?: number; // 黄灯起点
  @bound('greenFrom') greenFrom?: number; // 绿灯起点
  @bound('blueFrom') blueFrom?: number; // 蓝灯起点
}

/** An admin's structured reading of a published 指标值 (性质, value, unit, direction); the raw text never changes. */
export class TargetCorrectionDto {
  @ApiProperty({ description: '读取时的版本号' })
  @Min(1, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：请提供读取时的版本号' })
  version: number;

  @ApiProperty({ enum: OPERATORS, description: '性质' })
  @IsIn(OPERATORS, { message: 'operator：性质只能是 ≥ > = < ≤、区间、期限或定性' })
  operator: Exclude<Operator, 'all-of'>;

  @ApiPropertyOptional({ description: '指标值（基本单位，万、亿已展开）' })
  @IsOptional()
  @number('value')
  value?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @number('min')
  min?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @number('max')
  max?: number;

  @ApiPropertyOptional({ example: '人' })
  @IsOptional()
  @MaxLength(20, { message: 'unit：单位过长' })
  @IsString({ message: 'unit：单位必须是文本' })
  unit?: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'deadline：日期格式应为 YYYY-MM-DD' })
  deadline?: string;

  @ApiProperty({ enum: DIRECTIONS, description: '方向：正向 / 反向 / 等于 / 定性' })
  @IsIn(DIRECTIONS, { message: 'direction：方向只能是 higher、lower、exact、none' })
  direction: (typeof DIRECTIONS)[number];

  @ApiProperty({ enum: ACCUMULATIONS })
  @IsIn(ACCUMULATIONS, { message: 'accumulation：累计方式取值无效' })
  accumulation: (typeof ACCUMULATIONS)[number];

  @ApiPropertyOptional({
    type: ThresholdsDto,
    nullable: true,
    description: '该指标自设的预警阈值（缺省沿用现有设置；null 恢复默认）；变更后已填报的预警灯随即重新判定',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto | null;

  @ApiPropertyOptional({ description: '更正说明（记入审计日志）' })
  @IsOptional()
  @MaxLength(500, { message: 'note：说明过长（最多 500 字）' })
  @IsString({ message: 'note：说明必须是文本' })
  note?: string;
}
