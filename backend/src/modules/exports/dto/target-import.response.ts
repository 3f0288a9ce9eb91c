import { ApiProperty } from '@nestjs/swagger';
import { ImportDiffResponse } from '../../imports/dto/import-diff.response';

/** POST /api/projects/:id/targets/import answer (a preview wrote nothing). */
export class TargetImportResponse {
  @ApiProperty() projectId: string;
  @ApiProperty() goalId: string;
  @ApiProperty({ description: '预览：未写入，仅说明应用后的变化' }) preview: boolean;
  @ApiProperty({ description: '指标数' }) indicators: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: '表中不再包含而归档的指标（填报保留）' }) archived: number;
  @ApiProperty({ description: '重新包含而恢复的指标' }) restored: number;
  @ApiProperty({ type: ImportDiffResponse }) diff: ImportDiffResponse;
}

/** A bad cell of an imported target sheet: the 400 answer lists them in `details.rows`. */
export class ImportRowErrorResponse {
  @ApiProperty({ example: 5, description: '行号（Excel 中的行）' }) row: number;
  @ApiProperty({ nullable: true, type: String, example: '指标值', description: '列名；整行问题为 null' })
  column: string | null;
  @ApiProperty() message: string;
}
