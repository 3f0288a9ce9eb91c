import { Body, Controller, Delete, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { DepartmentParams, DepartmentYearParams } from '../departments/dto/department-year.params';
import { IndicatorIdParams } from '../goals/dto/target-correction.dto';
import { ProjectParams } from '../projects/dto/project.params';
import {
  FiscalYearCreateDto,
  GoalCreateDto,
  GoalIdParams,
  GoalPatchDto,
  IndicatorCreateDto,
  IndicatorDeleteQuery,
  IndicatorPatchDto,
  ProjectCreateDto,
  ProjectPatchDto,
} from './dto/tree-edit.dto';
import {
  FiscalYearCreatedResponse,
  GoalEditResponse,
  IndicatorEditResponse,
  IndicatorRemovalResponse,
  ProjectHeaderResponse,
} from './dto/tree-edit.response';
import { IndicatorEditService } from './indicator-edit.service';
import { TreeEditService } from './tree-edit.service';

const WHO = '绩效管理员可编辑所有指标树；项目负责人可编辑分配给自己的项目。';

@ApiTags('tree-edit')
@ApiBearerAuth()
@Controller('departments/:code/years')
export class DepartmentYearsEditController {
  constructor(private readonly trees: TreeEditService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新建预算年度（绩效管理员）；该年度已存在 → 409' })
  @ApiCreatedResponse({ type: FiscalYearCreatedResponse })
  createYear(
    @Param() params: DepartmentParams,
    @Body() body: FiscalYearCreateDto,
  ): Promise<FiscalYearCreatedResponse> {
    return this.trees.createYear(params.code, body);
  }

  @Post(':year/projects')
  @Roles('admin')
  @ApiOperation({
    summary: '新建项目及其表12 表头（绩效管理员）：金额以万元填写；项目编码在同一年度内唯一（重复 → 409）',
  })
  @ApiCreatedResponse({ type: ProjectHeaderResponse })
  createProject(
    @Param() params: DepartmentYearParams,
    @Body() body: ProjectCreateDto,
  ): Promise<ProjectHeaderResponse> {
    return this.trees.createProject(params.code, params.year, body);
  }

  @Post(':year/goals')
  @Roles('admin')
  @ApiOperation({ summary: '新增部门整体绩效目标（长期或年度；绩效管理员）' })
  @ApiCreatedResponse({ type: GoalEditResponse })
  createOverallGoal(
    @Param() params: DepartmentYearParams,
    @Body() body: GoalCreateDto,
  ): Promise<GoalEditResponse> {
    return this.trees.createGoal({ code: params.code, year: params.year }, body);
  }
}

@ApiTags('tree-edit')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsEditController {
  constructor(private readonly trees: TreeEditService) {}

  @Patch(':id')
  @Roles('admin', 'lead')
  @ApiOperation({ summary: '修改项目表12 表头（带 version，过期 → 409）', description: WHO })
  @ApiOkResponse({ type: ProjectHeaderResponse })
  update(@Param() params: ProjectParams, @Body() body: ProjectPatchDto): Promise<ProjectHeaderResponse> {
    return this.trees.updateProject(params.id, body);
  }

  @Post(':id/goals')
  @Roles('admin', 'lead')
  @ApiOperation({ summary: '新增项目绩效目标（长期或年度）', description: WHO })
  @ApiCreatedResponse({ type: GoalEditResponse })
  createGoal(@Param() params: ProjectParams, @Body() body: GoalCreateDto): Promise<GoalEditResponse> {
    return this.trees.createGoal({ projectId: params.id }, body);
  }
}

@ApiTags('tree-edit')
@ApiBearerAuth()
@Controller('goals')
export class GoalsEditController {
  constructor(
    private readonly trees: TreeEditService,
    private readonly indicators: IndicatorEditService,
  ) {}

  @Patch(':id')
  @Roles('admin', 'lead')
  @ApiOperation({ summary: '修改绩效目标内容（带 version，过期 → 409）', description: WHO })
  @ApiOkResponse({ type: GoalEditResponse })
  update(@Param() params: GoalIdParams, @Body() body: GoalPatchDto): Promise<GoalEditResponse> {
    return this.trees.updateGoal(params.id, body);
  }

  @Post(':id/indicators')
  @Roles('admin', 'lead')
  @ApiOperation({
    summary:
      '新增三级指标：二级指标须属于其一级指标，名称与指标值不能为空，同一二级指标下名称不重复（否则 400 并指明字段）；返回指标值的结构化理解与目标质量审查发现',
    description: WHO,
  })
  @ApiCreatedResponse({ type: IndicatorEditResponse })
  createIndicator(
    @Param() params: GoalIdParams,
    @Body() body: IndicatorCreateDto,
  ): Promise<IndicatorEditResponse> {
    return this.indicators.create(params.id, body);
  }
}

@ApiTags('tree-edit')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsEditController {
  constructor(private readonly indicators: IndicatorEditService) {}

  @Patch(':id')
  @Roles('admin', 'lead')
  @ApiOperation({
    summary:
      '修改三级指标（带 version，过期 → 409）：名称、层级、指标值（重新解析，已填报月份的预警灯随之重新判定）、依据、前年与上年；goalId 移到同一指标树的另一目标，position 调整顺序',
    description: WHO,
  })
  @ApiOkResponse({ type: IndicatorEditResponse })
  update(
    @Param() params: IndicatorIdParams,
    @Body() body: IndicatorPatchDto,
  ): Promise<IndicatorEditResponse> {
    return this.indicators.update(params.id, body);
  }

  @Delete(':id')
  @Roles('admin', 'lead')
  @ApiOperation({
    summary: '删除三级指标：没有填报、佐证或自评时删除，否则归档保留（带 version，过期 → 409）',
    description: WHO,
  })
  @ApiOkResponse({ type: IndicatorRemovalResponse })
  remove(
    @Param() params: IndicatorIdParams,
    @Query() query: IndicatorDeleteQuery,
  ): Promise<IndicatorRemovalResponse> {
    return this.indicators.remove(params.id, query.version);
  }
}
