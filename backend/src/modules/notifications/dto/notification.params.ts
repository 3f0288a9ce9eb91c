import { PERIOD_PATTERN } from '@jixiao/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { DepartmentParams } from '../../departments/dto/department-year.params';

export class NotificationIdParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id：通知标识无效' })
  id: string;
}

export class DigestParams extends DepartmentParams {
  @ApiProperty({ example: '2025-06', description: '月份（YYYY-MM）' })
  @Matches(PERIOD_PATTERN, { message: 'period：月份格式应为 YYYY-MM，月份为 01–12' })
  period: string;
}
