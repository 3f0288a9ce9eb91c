import { PERIOD_PATTERN } from '@jixiao/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

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

export class CityDashboardQuery extends DashboardQuery {
  @ApiPropertyOptional({ example: 2025, description: '预算年度；缺省取 asOf 的年份，再缺省为今年' })
  @IsOptional()
  @Type(() => Number)
  @Min(2000, { message: 'year：预算年度不能早于 2000' })
  @Max(2100, { message: 'year：预算年度不能晚于 2100' })
  // Registered last, checked first (decorators apply bottom-up).
  @IsInt({ message: 'year：预算年度必须是整数' })
  year?: number;
}
