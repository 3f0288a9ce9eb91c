import { FLAGGED_LIGHTS, type FlaggedLight, PERIOD_PATTERN } from '@jixiao/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageNumber } from '../../../common/validation/page-number.decorator';

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2025-06',
    description:
      '截至月份（YYYY-MM，须在该预算年度内）；缺省为该年度最近一个有填报的月份，尚无填报时为当前月份（往年为 12 月）',
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'asOf：截至月份格式应为 YYYY-MM，月份为 01–12' })
  asOf?: string;
}

/** The dashboards' filters: `?projectedMiss=true` keeps in `flagged` only the indicators projected to miss. */
export class DashboardQuery extends AsOfQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      '为 true 时，预警指标列表（flagged）只列预计年末未达标的指标（预计年末红灯或黄灯，无论本月预警灯）',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'projectedMiss：只能是 true 或 false' })
  projectedMiss?: 'true' | 'false';
}

/** The city view's year: `year`, else the year of `asOf`, else this year. */
export class CityDashboardQuery extends AsOfQuery {
  @ApiPropertyOptional({ example: 2025, description: '预算年度；缺省取 asOf 的年份，再缺省为今年' })
  @IsOptional()
  @Type(() => Number)
  @Min(2000, { message: 'year：预算年度不能早于 2000' })
  @Max(2100, { message: 'year：预算年度不能晚于 2100' })
  // Registered last, checked first (decorators apply bottom-up).
  @IsInt({ message: 'year：预算年度必须是整数' })
  year?: number;
}

export const FLAGGED_SORTS = ['worst', 'department', 'project'] as const;
export type FlaggedSort = (typeof FLAGGED_SORTS)[number];
export const FLAGGED_MAX_PAGE_SIZE = 100;
export const FLAGGED_DEFAULT_PAGE_SIZE = 20;

/** The city's flagged indicators, one page at a time, filtered and sorted on the server. */
export class FlaggedQuery extends CityDashboardQuery {
  @ApiPropertyOptional({ example: '031', description: '部门编码' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, {
    message: 'department：部门编码只能包含字母、数字和连字符（最长 32 位）',
  })
  department?: string;

  @ApiPropertyOptional({ description: '项目 id' })
  @IsOptional()
  @IsUUID('all', { message: 'project：项目 id 格式不正确' })
  project?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: FLAGGED_LIGHTS,
    description: '预警灯（可多选，重复参数 light=red&light=yellow）',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]))
  @ArrayMaxSize(FLAGGED_LIGHTS.length, { message: `light：最多选择 ${FLAGGED_LIGHTS.length} 种预警灯` })
  @IsIn(FLAGGED_LIGHTS, { each: true, message: `light：预警灯只能是 ${FLAGGED_LIGHTS.join('、')}` })
  light?: FlaggedLight[];

  @ApiPropertyOptional({ example: '产出指标', description: '一级指标名称' })
  @IsOptional()
  @MaxLength(50, { message: 'level1：一级指标名称过长（最长 50 字）' })
  level1?: string;

  @ApiPropertyOptional({
    enum: FLAGGED_SORTS,
    default: 'worst',
    description:
      '排序：worst 最严重在前（红、黄、无法判定、灰，同色按进度值升序）/ department 按部门 / project 按部门与项目；同序按文本顺序',
  })
  @IsOptional()
  @IsIn(FLAGGED_SORTS, { message: `sort：排序只能是 ${FLAGGED_SORTS.join('、')}` })
  sort?: FlaggedSort;

  @PageNumber()
  page?: number;

  @ApiPropertyOptional({
    example: FLAGGED_DEFAULT_PAGE_SIZE,
    default: FLAGGED_DEFAULT_PAGE_SIZE,
    description: `每页条数（1–${FLAGGED_MAX_PAGE_SIZE}）`,
  })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: 'pageSize：每页条数不能小于 1' })
  @Max(FLAGGED_MAX_PAGE_SIZE, { message: `pageSize：每页条数不能超过 ${FLAGGED_MAX_PAGE_SIZE}` })
  @IsInt({ message: 'pageSize：每页条数必须是整数' })
  pageSize?: number;
}
