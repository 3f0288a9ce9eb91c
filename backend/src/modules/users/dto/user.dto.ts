import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ROLE_CODES, RoleCode } from '../entities/role.entity';

/** Leaders and leads work inside one department (docs/domain.md §1); admins and auditors see the whole city. */
export const needsDepartment = (role: string | undefined): boolean => role === 'lead' || role === 'leader';
export const DEPARTMENT_REQUIRED = 'departmentCode：部门领导和项目负责人必须指定所属部门';

export class UserIdParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id：用户标识无效' })
  id: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', description: '3–64 位小写字母、数字、._-' })
  @Matches(/^[a-z0-9_.-]{3,64}$/, { message: 'username：用户名须为 3–64 位小写字母、数字或 ._-' })
  @IsString({ message: 'username：用户名必须是文本' })
  username: string;

  @ApiProperty({ example: '张三' })
  @MaxLength(64, { message: 'displayName：姓名过长（最多 64 字）' })
  @Matches(/\S/, { message: 'displayName：请填写姓名' })
  @IsString({ message: 'displayName：请填写姓名' })
  displayName: string;

  @ApiProperty({ enum: ROLE_CODES })
  @IsIn(ROLE_CODES, { message: 'role：角色只能是 admin、leader、lead、auditor' })
  role: RoleCode;

  @ApiPropertyOptional({
    example: '031',
    description: '所属部门编码；部门领导与项目负责人必填，为空表示全市（管理员、审计员）',
  })
  @ValidateIf((user: CreateUserDto) => user.departmentCode != null || needsDepartment(user.role))
  @Matches(/^[0-9A-Za-z]{1,32}$/, { message: 'departmentCode：部门编码只能包含字母和数字' })
  @IsNotEmpty({ message: DEPARTMENT_REQUIRED })
  departmentCode?: string;

  @ApiProperty({ description: '初始密码（至少 10 位，含三类字符）' })
  @MaxLength(128, { message: 'password：密码过长' })
  @MinLength(1, { message: 'password：请填写密码' })
  @IsString({ message: 'password：请填写密码' })
  password: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'zhangsan@example.cn',
    description: '电子邮箱：配置 SMTP_URL 后，提醒与领导月度摘要发送至此；null 为不发邮件',
  })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @MaxLength(254, { message: 'email：电子邮箱过长（最多 254 字符）' })
  @IsEmail({}, { message: 'email：电子邮箱格式不正确' })
  email?: string | null;
}

export class UpdateUserDto {
  @ApiProperty({ description: '读取时的版本号' })
  @Min(1, { message: 'version：版本号无效' })
  @IsInt({ message: 'version：请提供读取时的版本号' })
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(64, { message: 'displayName：姓名过长（最多 64 字）' })
  @Matches(/\S/, { message: 'displayName：请填写姓名' })
  @IsString({ message: 'displayName：请填写姓名' })
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLE_CODES })
  @IsOptional()
  @IsIn(ROLE_CODES, { message: 'role：角色只能是 admin、leader、lead、auditor' })
  role?: RoleCode;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(/^[0-9A-Za-z]{1,32}$/, { message: 'departmentCode：部门编码只能包含字母和数字' })
  departmentCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active：启用状态必须是 true 或 false' })
  active?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'zhangsan@example.cn',
    description: '电子邮箱：配置 SMTP_URL 后，提醒与领导月度摘要发送至此；null 为不发邮件',
  })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @MaxLength(254, { message: 'email：电子邮箱过长（最多 254 字符）' })
  @IsEmail({}, { message: 'email：电子邮箱格式不正确' })
  email?: string | null;
}

export class ResetPasswordDto {
  @ApiProperty()
  @MaxLength(128, { message: 'password：密码过长' })
  @MinLength(1, { message: 'password：请填写密码' })
  @IsString({ message: 'password：请填写密码' })
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @MaxLength(128, { message: 'currentPassword：密码过长' })
  @MinLength(1, { message: 'currentPassword：请填写当前密码' })
  @IsString({ message: 'currentPassword：请填写当前密码' })
  currentPassword: string;

  @ApiProperty()
  @MaxLength(128, { message: 'newPassword：密码过长' })
  @MinLength(1, { message: 'newPassword：请填写新密码' })
  @IsString({ message: 'newPassword：请填写新密码' })
  newPassword: string;
}

export class ProjectIdParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id：项目标识无效' })
  id: string;
}

export class AssignLeadsDto {
  @ApiProperty({ type: [String], description: '项目负责人用户 id 列表（替换现有分配）' })
  @IsUUID('all', { each: true, message: 'userIds：用户标识无效' })
  @ArrayUnique({ message: 'userIds：用户重复' })
  @ArrayMaxSize(20, { message: 'userIds：负责人过多（最多 20 人）' })
  @IsArray({ message: 'userIds：必须是用户 id 列表' })
  userIds: string[];
}

/** PUT /api/departments/:code/years/:year/reporter: the department-wide goals' reporter, or null for the admins. */
export class AssignReporterDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: '部门整体填报人用户 id（本部门项目负责人或绩效管理员）；null 恢复为由绩效管理员填报',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID('all', { message: 'userId：用户标识无效' })
  userId: string | null;
}
