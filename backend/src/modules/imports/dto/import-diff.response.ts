import { ApiProperty } from '@nestjs/swagger';
import type { ArchivableKind } from '@jixiao/domain';

/** A project, goal or indicator an import creates, updates, archives or restores. */
export class ChangeItemResponse {
  @ApiProperty({ enum: ['project', 'goal', 'indicator'] }) kind: ArchivableKind;
  @ApiProperty() id: string;
  @ApiProperty({ description: '项目名称；部门整体目标为“部门整体”' }) project: string;
  @ApiProperty({ nullable: true, type: String, description: '目标名称；项目本身为 null' }) goal:
    string | null;
  @ApiProperty() name: string;
}

/** An archived row with the monitoring data kept with it (a project counts everything below it). */
export class ArchivedItemResponse extends ChangeItemResponse {
  @ApiProperty({ description: '监控填报条数' }) reports: number;
  @ApiProperty({ description: '佐证材料个数' }) evidenceFiles: number;
  @ApiProperty({ description: '自评条目数' }) selfEvaluationItems: number;
  @ApiProperty({ description: '预算执行填报条数' }) budgetExecutions: number;
  @ApiProperty({ description: '项目负责人分配数' }) assignments: number;
}

/** What an import changes, row by row. */
export class ImportDiffResponse {
  @ApiProperty({ type: [ChangeItemResponse], description: '新增' }) created: ChangeItemResponse[];
  @ApiProperty({ type: [ChangeItemResponse], description: '修改' }) updated: ChangeItemResponse[];
  @ApiProperty({ type: [ArchivedItemResponse], description: '归档（不再包含，数据保留）' })
  archived: ArchivedItemResponse[];
  @ApiProperty({ type: [ChangeItemResponse], description: '恢复（重新包含）' })
  restored: ChangeItemResponse[];
}
