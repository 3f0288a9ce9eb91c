import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { RuleSettingsDto, RuleSettingsResponse, RulesPreviewResponse } from './dto/rule-settings.dto';
import { MonitoringRulesService } from './monitoring-rules.service';

@ApiTags('monitoring-rules')
@ApiBearerAuth()
@Controller('departments/:code/years/:year/rules')
export class MonitoringRulesController {
  constructor(private readonly service: MonitoringRulesService) {}

  @Get()
  @ApiOperation({
    summary:
      '本部门本年度的监控规则（预警阈值、预算进度节点、双监控提醒、项目综合灯、偏差原因要求、自评计分方案）',
    description: '从未修改过时为全国默认规则（version 为 0）。',
  })
  @ApiOkResponse({ type: RuleSettingsResponse })
  get(@Param() params: DepartmentYearParams): Promise<RuleSettingsResponse> {
    return this.service.get(params.code, params.year);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: '修改本部门本年度的监控规则（绩效管理员）',
    description:
      '整体替换；逐项校验，错误指明字段。version 过期时 409。已存的预警灯在同一事务中按新规则重新判定，记入审计日志（修改监控规则）。',
  })
  @ApiOkResponse({ type: RuleSettingsResponse })
  save(@Param() params: DepartmentYearParams, @Body() body: RuleSettingsDto): Promise<RuleSettingsResponse> {
    return this.service.save(params.code, params.year, body);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: '预览修改监控规则后，最近填报月份有多少预警灯（指标、预算、项目）会改变、改变哪些（不保存）',
  })
  @ApiOkResponse({ type: RulesPreviewResponse })
  preview(
    @Param() params: DepartmentYearParams,
    @Body() body: RuleSettingsDto,
  ): Promise<RulesPreviewResponse> {
    return this.service.preview(params.code, params.year, body);
  }
}
