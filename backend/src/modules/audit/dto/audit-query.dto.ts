import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageNumber } from '../../../common/validation/page-number.decorator';

export const AUDIT_MAX_PAGE_SIZE = 100;

/** Filters of the audit log; dates are calendar days (YYYY-MM-DD, China time) or full ISO 8601 timestamps. */
export class AuditQuery {
  @ApiPropertyOptional({
    example: 'progress-report',
    description: '实体类型，如 progress-report、report-period、user',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, {
    message: 'entity：实体类型只能包含小写字母、数字和连字符（最长 64 位）',
  })
  entity?: string;

  @ApiPropertyOptional({ description: '实体 id' })
  @IsOptional()
  @MaxLength(128, { message: 'id：实体标识过长（最长 128 位）' })
  id?: string;

  @ApiPropertyOptional({ example: 'lead01', description: '操作人：用户名或用户 id' })
  @IsOptional()
  @MaxLength(64, { message: 'user：操作人过长（最长 64 位）' })
  user?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['progress-report.update'],
    description: '操作（可多选，重复参数 action=…&action=…）',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]))
  @ArrayMaxSize(50, { message: 'action：最多选择 50 种操作' })
  @Matches(/^[a-z][a-z0-9-]{0,63}\.[a-z][a-z0-9-]{0,63}$/, {
    each: true,
    message: 'action：操作格式应如 progress-report.update',
  })
  action?: string[];

  @ApiPropertyOptional({ description: '项目 id：该项目及其目标、指标、填报、佐证、月度与自评的记录' })
  @IsOptional()
  @IsUUID('all', { message: 'project：项目 id 格式不正确' })
  project?: string;

  @ApiPropertyOptional({ example: '2025-07-01', description: '起始日期（含），YYYY-MM-DD 或 ISO 8601 时间' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from：起始日期格式应为 YYYY-MM-DD 或 ISO 8601 时间' })
  from?: string;

  @ApiPropertyOptional({
    example: '2025-07-31',
    description: '截止日期（含当日），YYYY-MM-DD 或 ISO 8601 时间',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to：截止日期格式应为 YYYY-MM-DD 或 ISO 8601 时间' })
  to?: string;

  @PageNumber()
  page?: number;

  @ApiPropertyOptional({ example: 20, default: 20, description: `每页条数（1–${AUDIT_MAX_PAGE_SIZE}）` })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: 'pageSize：每页条数不能小于 1' })
  @Max(AUDIT_MAX_PAGE_SIZE, { message: `pageSize：每页条数不能超过 ${AUDIT_MAX_PAGE_SIZE}` })
  @IsInt({ message: 'pageSize：每页条数必须是整数' })
  pageSize?: number;
}
