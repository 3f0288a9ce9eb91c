import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?year=`: a budget year, optional (each route says what it defaults to). */
export class YearQuery {
  @ApiPropertyOptional({ example: 2025, description: '预算年度' })
  @IsOptional()
  @Type(() => Number)
  @Min(2000, { message: 'year：预算年度不能早于 2000' })
  @Max(2100, { message: 'year：预算年度不能晚于 2100' })
  // Registered last, checked first (decorators apply bottom-up): "abc" is "not an integer", not "too large".
  @IsInt({ message: 'year：预算年度必须是整数' })
  year?: number;
}
