import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ProjectParams {
  @ApiProperty({ description: '项目 id' })
  @IsUUID('all', { message: 'id：项目标识无效' })
  id: string;
}
