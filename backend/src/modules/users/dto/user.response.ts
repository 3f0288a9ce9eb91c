import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LeadResponse } from '../../projects/dto/project-detail.response';
import { ROLE_CODES, RoleCode } from '../entities/role.entity';

export class LedProjectResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

/** An account (never its password). */
export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'zhangsan' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ enum: ROLE_CODES }) role: RoleCode;
  @ApiProperty({ nullable: true, type: String, description: '所属部门编码；全市为 null' }) departmentCode:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: '电子邮箱；未设置为 null' }) email: string | null;
  @ApiProperty({ description: '启用' }) active: boolean;
  @ApiProperty({ nullable: true, type: Date, description: '登录失败过多，锁定至' }) lockedUntil: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastLoginAt: Date | null;
  @ApiProperty({ description: '版本号（修改时回传）' }) version: number;
  @ApiPropertyOptional({ type: [LedProjectResponse], description: '负责的项目（列表中提供）' })
  projects?: LedProjectResponse[];
}

export class ProjectLeadsResponse {
  @ApiProperty() projectId: string;
  @ApiProperty({ type: [LeadResponse] }) leads: LeadResponse[];
}

/** The department-year's designated reporter of its department-wide goals (部门整体填报人). */
export class DepartmentReporterResponse {
  @ApiProperty({ example: '031' }) departmentCode: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({
    nullable: true,
    type: LeadResponse,
    description: '指定的填报人；null 表示由绩效管理员填报',
  })
  reporter: LeadResponse | null;
}
