import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

export class DepartmentParams {
  @ApiProperty({ example: '031', description: '部门编码' })
  @Matches(/^[0-9A-Za-z]{1,32}$/, { message: 'code：部门编码只能包含字母和数字（1–32 位）' })
  code: string;
}

export class DepartmentYearParams extends DepartmentParams {
  @ApiProperty({ example: 2025, description: '预算年度' })
  @Type(() => Number)
  @Min(2000, { message: 'year：预算年度不能早于 2000' })
  @Max(2100, { message: 'year：预算年度不能晚于 2100' })
  // Registered last, checked first (decorators apply bottom-up): "abc" is "not an integer", not "too large".
  @IsInt({ message: 'year：预算年度必须是整数' })
  year: number;
}
