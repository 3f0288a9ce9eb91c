import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AsOfQuery } from '../dashboard/dto/as-of.query';
import { ProjectDetailResponse } from './dto/project-detail.response';
import { ProjectParams } from './dto/project.params';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly service: ProjectsService) {}

  @Get(':id')
  @ApiOperation({
    summary:
      '项目详情：表12 全部表头、资金来源、支出明细、采购、绩效目标与指标树（含最近填报与预警灯）、预算执行、各期报告状态',
    description: '领导与项目负责人只能查看本部门的项目。',
  })
  @ApiOkResponse({ type: ProjectDetailResponse })
  detail(@Param() params: ProjectParams, @Query() query: AsOfQuery): Promise<ProjectDetailResponse> {
    return this.service.detail(params.id, query);
  }
}
