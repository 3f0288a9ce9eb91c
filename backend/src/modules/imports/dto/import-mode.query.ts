import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** `?mode=preview` diffs without writing; `?confirmArchive=true` lets an apply archive rows that carry monitoring data. */
export class ImportModeQuery {
  @ApiPropertyOptional({ enum: ['preview', 'apply'], default: 'apply', description: 'preview：只比较不写入' })
  @IsOptional()
  @IsIn(['preview', 'apply'], { message: 'mode：只能是 preview 或 apply' })
  mode?: 'preview' | 'apply';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: '确认归档含有监控数据的项目、目标或指标',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'confirmArchive：只能是 true 或 false' })
  confirmArchive?: 'true' | 'false';
}

export const importOptionsOf = (query: ImportModeQuery) => ({
  preview: query.mode === 'preview',
  confirmArchive: query.confirmArchive === 'true',
});
