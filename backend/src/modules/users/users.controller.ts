import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AllowPendingPasswordChange, Roles } from '../../common/auth/auth.decorators';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import {
  AssignLeadsDto,
  AssignReporterDto,
  ChangePasswordDto,
  CreateUserDto,
  ProjectIdParams,
  ResetPasswordDto,
  UpdateUserDto,
  UserIdParams,
} from './dto/user.dto';
import { ChangeLocaleDto, LocaleResponse } from '../auth/dto/auth.dto';
import { UsersService } from './users.service';
import { DepartmentReporterResponse, ProjectLeadsResponse, UserResponse } from './dto/user.response';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: '用户列表（含负责的项目）' })
  @ApiOkResponse({ type: [UserResponse] })
  list() {
    return this.users.list();
  }

  @Post('users')
  @Roles('admin')
  @ApiOperation({ summary: '新建用户（绩效管理员）：首次登录须修改初始密码' })
  @ApiCreatedResponse({ type: UserResponse })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOperation({ summary: '修改用户：姓名、角色、部门、启用状态（须带 version）' })
  @ApiOkResponse({ type: UserResponse })
  update(@Param() params: UserIdParams, @Body() body: UpdateUserDto) {
    return this.users.update(params.id, body);
  }

  @Post('users/:id/password')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: '重置用户密码（绩效管理员）：该用户的会话全部结束，下次登录须先改密码' })
  @ApiNoContentResponse()
  resetPassword(@Param() params: UserIdParams, @Body() body: ResetPasswordDto) {
    return this.users.resetPassword(params.id, body.password);
  }

  @Post('auth/password')
  @HttpCode(204)
  @AllowPendingPasswordChange()
  @ApiOperation({ summary: '修改自己的密码（其他会话随即结束，当前会话保留）' })
  @ApiNoContentResponse()
  changePassword(@Body() body: ChangePasswordDto) {
    return this.users.changeOwnPassword(body.currentPassword, body.newPassword);
  }

  @Put('auth/me/locale')
  @AllowPendingPasswordChange()
  @ApiOperation({ summary: '设置自己的界面语言（zh-CN 或 en-US；导出与正式表格仍为中文）' })
  @ApiOkResponse({ type: LocaleResponse })
  changeLocale(@Body() body: ChangeLocaleDto) {
    return this.users.changeOwnLocale(body.locale);
  }

  @Put('projects/:id/leads')
  @Roles('admin')
  @ApiOperation({ summary: '设置项目负责人（替换现有分配）' })
  @ApiOkResponse({ type: ProjectLeadsResponse })
  assignLeads(@Param() params: ProjectIdParams, @Body() body: AssignLeadsDto) {
    return this.users.assignLeads(params.id, body);
  }

  @Get('departments/:code/years/:year/reporter')
  @ApiOperation({ summary: '部门整体填报人（null 表示由绩效管理员填报）' })
  @ApiOkResponse({ type: DepartmentReporterResponse })
  overallReporter(@Param() params: DepartmentYearParams) {
    return this.users.overallReporter(params.code, params.year);
  }

  @Put('departments/:code/years/:year/reporter')
  @Roles('admin')
  @ApiOperation({
    summary: '指定部门整体填报人（本部门项目负责人或绩效管理员；userId 为 null 时恢复由绩效管理员填报）',
  })
  @ApiOkResponse({ type: DepartmentReporterResponse })
  assignOverallReporter(@Param() params: DepartmentYearParams, @Body() body: AssignReporterDto) {
    return this.users.assignOverallReporter(params.code, params.year, body);
  }
}
