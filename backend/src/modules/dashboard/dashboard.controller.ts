import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { DashboardService } from './dashboard.service';
import { CityDashboardQuery, DashboardQuery, FlaggedQuery } from './dto/as-of.query';
import {
  CityDashboardResponse,
  DepartmentDashboardResponse,
  FlaggedPageResponse,
} from './dto/dashboard.response';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller()
export class DashboardController {
  constructor(private readonly service: DashboardService) {}

  @Get('departments/:code/years/:year/dashboard')
  @ApiOperation({
    summary: '部门年度监控看板：预警灯计数、预警指标、预计年末未达标、预算执行与时间进度、月度趋势、逾期报告',
    description: '领导与项目负责人只能查看本部门；绩效管理员与审计员可查看全部部门。',
  })
  @ApiOkResponse({ type: DepartmentDashboardResponse })
  department(
    @Param() params: DepartmentYearParams,
    @Query() query: DashboardQuery,
  ): Promise<DepartmentDashboardResponse> {
    return this.service.departmentDashboard(params.code, params.year, query);
  }

  @Get('dashboard')
  @ApiOperation({
    summary:
      '全市监控看板：汇总当前用户可查看的全部部门，并按部门分列（预警灯计数、预算执行、逾期、预计年末未达标）',
    description:
      '不含指标明细：预警指标见 GET /api/dashboard/flagged（分页）。领导与项目负责人只汇总本部门。',
  })
  @ApiOkResponse({ type: CityDashboardResponse })
  city(@Query() query: CityDashboardQuery): Promise<CityDashboardResponse> {
    return this.service.cityDashboard(query);
  }

  @Get('dashboard/flagged')
  @ApiOperation({
    summary: '全市预警指标（分页）：可按部门、项目、预警灯、一级指标筛选，按严重程度、部门或项目排序',
    description: '领导与项目负责人只能查看本部门；绩效管理员与审计员可查看全部部门。',
  })
  @ApiOkResponse({ type: FlaggedPageResponse })
  flagged(@Query() query: FlaggedQuery): Promise<FlaggedPageResponse> {
    return this.service.flaggedPage(query);
  }
}
