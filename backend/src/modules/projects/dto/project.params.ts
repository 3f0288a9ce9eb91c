import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProjectParams {
  @ApiProperty({ format: 'uuid', description: '项目 id' })
  @IsUUID('all', { message: 'id：项目标识必须是有效的 UUID' })
  id: string;
}
