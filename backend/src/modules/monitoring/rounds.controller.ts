import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { VersionDto } from './dto/report.dto';
import { CreateRoundDto, RoundIdParams } from './dto/round.dto';
import { RoundsService } from './rounds.service';
import { ClosedMonitoringRoundResponse, MonitoringRoundResponse } from './dto/monitoring.response';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller()
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get('departments/:code/years/:year/rounds')
  @ApiOperation({ summary: '监控轮次列表' })
  @ApiOkResponse({ type: [MonitoringRoundResponse] })
  list(@Param() params: DepartmentYearParams) {
    return this.rounds.list(params.code, params.year);
  }

  @Post('departments/:code/years/:year/rounds')
  @Roles('admin')
  @ApiOperation({ summary: '开启监控轮次（如 2025年1–7月 绩效监控），带截止日期' })
  @ApiCreatedResponse({ type: MonitoringRoundResponse })
  open(@Param() params: DepartmentYearParams, @Body() body: CreateRoundDto) {
    return this.rounds.open(params.code, params.year, body);
  }

  @Get('rounds/:id')
  @ApiOperation({ summary: '监控轮次（关闭后含快照）' })
  @ApiOkResponse({ type: ClosedMonitoringRoundResponse })
  get(@Param() params: RoundIdParams) {
    return this.rounds.get(params.id);
  }

  @Post('rounds/:id/close')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '关闭监控轮次并保存截至该月的填报快照' })
  @ApiOkResponse({ type: ClosedMonitoringRoundResponse })
  close(@Param() params: RoundIdParams, @Body() body: VersionDto) {
    return this.rounds.close(params.id, body.version);
  }
}
