import { ApiProperty } from '@nestjs/swagger';

export class AuditChangeResponse {
  @ApiProperty({ example: 'actualRaw', description: '字段' }) field: string;
  @ApiProperty({ example: '完成值', description: '字段名称' }) label: string;
  @ApiProperty({ nullable: true, type: String, example: '105', description: '修改前（已格式化）' }) before:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '90', description: '修改后（已格式化）' }) after:
    string | null;
}

export class AuditEntryResponse {
  @ApiProperty({ example: '1024' }) id: string;
  @ApiProperty({ description: '发生时间' }) at: Date;
  @ApiProperty({ nullable: true, type: String, description: '操作人 id' }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'lead01', description: '操作人用户名' }) actorName:
    string | null;
  @ApiProperty({ example: 'progress-report.update', description: '操作' }) action: string;
  @ApiProperty({ example: '修改填报', description: '操作名称' }) actionLabel: string;
  @ApiProperty({
    example: 'lead04 修改填报 人社局劳动维权工作经费 · 劳动监察日常巡查次数 · 2025-07 完成值 105 → 90',
    description: '一句话说明：谁对哪个项目、指标、月份做了什么',
  })
  summary: string;
  @ApiProperty({ type: [AuditChangeResponse], description: '改动的字段（仅有变化的、可读的字段）' })
  changes: AuditChangeResponse[];
  @ApiProperty({ nullable: true, type: String, description: '所涉项目' }) projectName: string | null;
  @ApiProperty({ example: 'progress-report', description: '实体类型' }) entity: string;
  @ApiProperty({ nullable: true, type: String, description: '实体 id' }) entityId: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: '修改前' })
  before: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: '修改后' })
  after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, description: '原因（如退回、解锁原因）' }) reason:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: '请求 id' }) requestId: string | null;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: '按时间倒序' }) items: AuditEntryResponse[];
  @ApiProperty({ example: 57, description: '符合条件的总条数' }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}
