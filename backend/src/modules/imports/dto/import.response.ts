import { ApiProperty } from '@nestjs/swagger';
import { ImportDiffResponse } from './import-diff.response';

/** Rows of one kind an import creates, updates, archives and restores. */
export class ChangeCountResponse {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: '不再包含而归档（数据保留）' }) archived: number;
  @ApiProperty({ description: '重新包含而恢复' }) restored: number;
}

export class LoadSummaryResponse {
  @ApiProperty({ example: '031' }) departmentCode: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty() fiscalYearId: string;
  @ApiProperty({ type: ChangeCountResponse }) projects: ChangeCountResponse;
  @ApiProperty({ type: ChangeCountResponse }) goals: ChangeCountResponse;
  @ApiProperty({ type: ChangeCountResponse }) indicators: ChangeCountResponse;
  @ApiProperty({ description: '预算表行数' }) budgetLines: number;
  @ApiProperty({ type: ImportDiffResponse }) diff: ImportDiffResponse;
}

/** POST /api/imports answer (a preview wrote nothing). */
export class ImportResponse {
  @ApiProperty({ example: '031' }) departmentCode: string;
  @ApiProperty({ example: '武汉市东西湖区人力资源和社会保障局' }) departmentName: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ description: '预览：未写入，仅说明应用后的变化' }) preview: boolean;
  @ApiProperty({ description: '与上次导入的内容相同，未写入' }) unchanged: boolean;
  @ApiProperty({ nullable: true, type: LoadSummaryResponse }) summary: LoadSummaryResponse | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: '解析报告（导入规范化 JSON 时为 null）',
  })
  report: Record<string, unknown> | null;
  @ApiProperty({ description: '导入报告（Markdown）' }) markdown: string;
}
