import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '@jixiao/domain';
import { DepartmentYearParams } from '../../departments/dto/department-year.params';

export class DepartmentPeriodParams extends DepartmentYearParams {
  @ApiProperty({ example: '2025-06', description: '截至月份（1–X月的 X）' })
  @Matches(PERIOD_PATTERN, { message: 'period：期间格式应为 YYYY-MM（月份 01–12）' })
  period: string;
}

export class MonitoringFormQuery {
  @ApiPropertyOptional({ description: '监控轮次 id：导出该轮次关闭时的快照（期间须为该轮次的截至月份）' })
  @IsOptional()
  @IsUUID('all', { message: 'round：监控轮次标识无效' })
  round?: string;
}
