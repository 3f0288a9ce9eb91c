import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDecimal } from '../../../common/validation/is-decimal.decorator';
import { DEVIATION_REASONS, LIKELIHOODS, PERIOD_PATTERN, parseMoneyYuan } from '@jixiao/domain';
import { Transform } from 'class-transformer';

export class IndicatorPeriodParams {
  @ApiProperty({ description: '三级指标 id' })
  @IsUUID('all', { message: 'id：指标标识无效' })
  id: string;

  @ApiProperty({ example: '2025-06', description: '填报期间（月）' })
  @Matches(PERIOD_PATTERN, { message: 'period：期间格式应为 YYYY-MM（月份 01–12）' })
  period: string;
}

export class ProjectPeriodParams {
  @ApiProperty({ description: '项目 id' })
  @IsUUID('all', { message: 'id：项目标识无效' })
  id: string;

  @ApiProperty({ example: '2025-06' })
  @Matches(PERIOD_PATTERN, { message: 'period：期间格式应为 YYYY-MM（月份 01–12）' })
  period: string;
}

export class VersionDto {
  @ApiPropertyOptional({ description: '读取时的版本号；与当前版本不符时返回 409' })
  @IsOptional()
  @Min(0, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：版本号必须是整数' })
  version?: number;
}

export class SubmitDto extends VersionDto {
  @ApiPropertyOptional({
    description:
      '确认本期各指标的填报提醒（单位、超过应完成值 3 倍、累计数减少）；有未确认的提醒时不带此项返回 400',
  })
  @IsOptional()
  @IsBoolean({ message: 'acknowledgeWarnings：须为 true 或 false' })
  acknowledgeWarnings?: boolean;
}

export class ReportDto extends VersionDto {
  @ApiProperty({ example: '1.1万人', description: '截至本期完成值（累计）' })
  @MaxLength(200, { message: 'actual：完成值过长（最多 200 字）' })
  @Matches(/\S/, { message: 'actual：请填写截至本期完成值' })
  @IsNotEmpty({ message: 'actual：请填写截至本期完成值' })
  @IsString({ message: 'actual：完成值必须是文本' })
  actual: string;

  @ApiPropertyOptional({ example: '1.3万人', description: '全年预计完成值' })
  @IsOptional()
  @MaxLength(200, { message: 'forecast：预计完成值过长（最多 200 字）' })
  @IsString({ message: 'forecast：预计完成值必须是文本' })
  forecast?: string;

  @ApiPropertyOptional({ enum: LIKELIHOODS, description: '完成目标可能性' })
  @IsOptional()
  @IsIn(LIKELIHOODS, { message: 'likelihood：完成目标可能性只能是 确定能、有可能、完全不可能' })
  likelihood?: (typeof LIKELIHOODS)[number];

  @ApiPropertyOptional({ enum: DEVIATION_REASONS, isArray: true, description: '偏差原因' })
  @IsOptional()
  @IsIn(DEVIATION_REASONS, {
    each: true,
    message: 'reasons：偏差原因只能是 经费保障、制度保障、人员保障、硬件条件保障、其他',
  })
  @ArrayUnique({ message: 'reasons：偏差原因重复' })
  @ArrayMaxSize(5, { message: 'reasons：偏差原因过多' })
  @IsArray({ message: 'reasons：偏差原因必须是列表' })
  reasons?: (typeof DEVIATION_REASONS)[number][];

  @ApiPropertyOptional({ description: '偏差原因说明' })
  @IsOptional()
  @MaxLength(2000, { message: 'reasonText：偏差原因说明过长（最多 2000 字）' })
  @IsString({ message: 'reasonText：偏差原因说明必须是文本' })
  reasonText?: string;

  @ApiPropertyOptional({ description: '纠偏措施' })
  @IsOptional()
  @MaxLength(2000, { message: 'correctiveAction：纠偏措施过长（最多 2000 字）' })
  @IsString({ message: 'correctiveAction：纠偏措施必须是文本' })
  correctiveAction?: string;

  @ApiPropertyOptional({ description: '佐证材料说明' })
  @IsOptional()
  @MaxLength(2000, { message: 'evidence：佐证材料说明过长（最多 2000 字）' })
  @IsString({ message: 'evidence：佐证材料说明必须是文本' })
  evidence?: string;
}

export class BudgetExecutionDto extends VersionDto {
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }],
    example: '350万',
    description:
      '截至本期执行数（累计）：数字为元（1250000.5）；文本可写元或万元，如 "3,500,000"、"350万"、"350 万元"。保存后一律以元返回（executedYuan）',
  })
  @Max(1e13, { message: 'executed：执行数过大' })
  @Min(0, { message: 'executed：执行数不能为负' })
  @IsDecimal(2, { message: 'executed：请填写执行数，如 350万、350 万元 或 3,500,000（元，最多两位小数）' })
  // Text in 元 or 万元 becomes 元; text that is no amount stays text and fails IsDecimal on this field.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (parseMoneyYuan(value) ?? value) : value,
  )
  executed: number;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(2000, { message: 'note：说明过长（最多 2000 字）' })
  @IsString({ message: 'note：说明必须是文本' })
  note?: string;
}

export class ReasonDto extends VersionDto {
  @ApiProperty({ description: '原因（必填）' })
  @MaxLength(1000, { message: 'reason：原因过长（最多 1000 字）' })
  @Matches(/\S/, { message: 'reason：请填写原因' })
  @IsString({ message: 'reason：请填写原因' })
  reason: string;
}
