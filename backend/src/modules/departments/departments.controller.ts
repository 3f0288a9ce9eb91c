import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentsService } from './departments.service';
import { DepartmentYearParams } from './dto/department-year.params';
import { DepartmentResponse, ProjectSummaryResponse } from './dto/department.response';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly service: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: '部门列表（含已导入的预算年度）' })
  @ApiOkResponse({ type: [DepartmentResponse] })
  list(): Promise<DepartmentResponse[]> {
    return this.service.list();
  }

  @Get(':code/years/:year/projects')
  @ApiOperation({ summary: '部门某年度的项目列表（表10 顺序）' })
  @ApiOkResponse({ type: [ProjectSummaryResponse] })
  projects(@Param() params: DepartmentYearParams): Promise<ProjectSummaryResponse[]> {
    return this.service.listProjects(params.code, params.year);
  }
}
