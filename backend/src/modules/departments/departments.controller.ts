import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AsOfQuery } from '../dashboard/dto/as-of.query';
import { DepartmentsService } from './departments.service';
import { DepartmentYearParams } from './dto/department-year.params';
import {
  DepartmentResponse,
  DepartmentYearResponse,
  ProjectSummaryResponse,
} from './dto/department.response';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly service: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: '部门列表（含已导入的预算年度）；领导与项目负责人只看到本部门' })
  @ApiOkResponse({ type: [DepartmentResponse] })
  list(): Promise<DepartmentResponse[]> {
    return this.service.list();
  }

  @Get(':code/years/:year')
  @ApiOperation({
    summary: '部门预算年度：概况、部门整体目标及指标树（含最近填报与预警灯）、预警灯计数',
    description: '领导与项目负责人只能查看本部门。',
  })
  @ApiOkResponse({ type: DepartmentYearResponse })
  year(@Param() params: DepartmentYearParams, @Query() query: AsOfQuery): Promise<DepartmentYearResponse> {
    return this.service.getYear(params.code, params.year, query);
  }

  @Get(':code/years/:year/projects')
  @ApiOperation({
    summary: '部门某年度的项目列表（表10 顺序），含负责人、预警灯汇总、最近填报与预算执行',
    description: '领导与项目负责人只能查看本部门。',
  })
  @ApiOkResponse({ type: [ProjectSummaryResponse] })
  projects(
    @Param() params: DepartmentYearParams,
    @Query() query: AsOfQuery,
  ): Promise<ProjectSummaryResponse[]> {
    return this.service.listProjects(params.code, params.year, query);
  }
}
