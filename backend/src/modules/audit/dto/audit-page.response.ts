import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryResponse {
  @ApiProperty({ example: '1024' }) id: string;
  @ApiProperty({ description: '发生时间' }) at: Date;
  @ApiProperty({ nullable: true, type: String, description: '操作人 id' }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'lead01', description: '操作人用户名' }) actorName:
    string | null;
  @ApiProperty({ example: 'progress-report.update', description: '操作' }) action: string;
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
