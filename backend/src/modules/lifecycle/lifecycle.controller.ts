import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { ProjectParams } from '../projects/dto/project.params';
import {
  AdjustmentDto,
  AdjustmentListQuery,
  AdjustmentParams,
  TreeReturnDto,
  TreeVersionDto,
} from './dto/adjustment.dto';
import { AdjustmentResponse, TreeLifecycleResponse, TreeStateResponse } from './dto/lifecycle.response';
import { LifecycleService, type TreeScope } from './lifecycle.service';

/**
 * 申报 → 批复 → 调整 of the indicator trees (docs/domain.md "申报、批复与调整"): who may move what is decided by
 * libs/domain's state machine (403 for the role, 409 for the status or a stale version).
 */
@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller()
export class LifecycleController {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Get('projects/:id/tree')
  @ApiOperation({ summary: '项目绩效目标的状态（草稿 / 已申报 / 已批复）与调整申请' })
  @ApiOkResponse({ type: TreeLifecycleResponse })
  projectTree(@Param() params: ProjectParams) {
    return this.lifecycle.lifecycle({ projectId: params.id });
  }

  @Post('projects/:id/tree/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '申报项目绩效目标（项目负责人或绩效管理员；草稿 → 已申报）' })
  @ApiOkResponse({ type: TreeStateResponse })
  submitProject(@Param() params: ProjectParams, @Body() body: TreeVersionDto) {
    return this.lifecycle.move({ projectId: params.id }, 'submit', body.version);
  }

  @Post('projects/:id/tree/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '批复项目绩效目标（部门领导；已申报 → 已批复）' })
  @ApiOkResponse({ type: TreeStateResponse })
  approveProject(@Param() params: ProjectParams, @Body() body: TreeVersionDto) {
    return this.lifecycle.move({ projectId: params.id }, 'approve', body.version);
  }

  @Post('projects/:id/tree/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回项目绩效目标（部门领导，须填原因；已申报 → 草稿）' })
  @ApiOkResponse({ type: TreeStateResponse })
  returnProject(@Param() params: ProjectParams, @Body() body: TreeReturnDto) {
    return this.lifecycle.move({ projectId: params.id }, 'return', body.version, body.reason);
  }

  @Post('projects/:id/adjustments')
  @ApiOperation({ summary: '提出项目指标值调整申请（已批复的绩效目标；项目负责人或绩效管理员）' })
  @ApiCreatedResponse({ type: AdjustmentResponse })
  proposeProject(@Param() params: ProjectParams, @Body() body: AdjustmentDto) {
    return this.lifecycle.propose({ projectId: params.id }, body);
  }

  @Get('departments/:code/years/:year/tree')
  @ApiOperation({ summary: '部门整体绩效目标的状态与调整申请' })
  @ApiOkResponse({ type: TreeLifecycleResponse })
  overallTree(@Param() params: DepartmentYearParams) {
    return this.lifecycle.lifecycle(overall(params));
  }

  @Post('departments/:code/years/:year/tree/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '申报部门整体绩效目标（绩效管理员或部门整体填报人）' })
  @ApiOkResponse({ type: TreeStateResponse })
  submitOverall(@Param() params: DepartmentYearParams, @Body() body: TreeVersionDto) {
    return this.lifecycle.move(overall(params), 'submit', body.version);
  }

  @Post('departments/:code/years/:year/tree/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '批复部门整体绩效目标（部门领导）' })
  @ApiOkResponse({ type: TreeStateResponse })
  approveOverall(@Param() params: DepartmentYearParams, @Body() body: TreeVersionDto) {
    return this.lifecycle.move(overall(params), 'approve', body.version);
  }

  @Post('departments/:code/years/:year/tree/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回部门整体绩效目标（部门领导，须填原因）' })
  @ApiOkResponse({ type: TreeStateResponse })
  returnOverall(@Param() params: DepartmentYearParams, @Body() body: TreeReturnDto) {
    return this.lifecycle.move(overall(params), 'return', body.version, body.reason);
  }

  @Post('departments/:code/years/:year/adjustments')
  @ApiOperation({ summary: '提出部门整体指标值调整申请（已批复的绩效目标）' })
  @ApiCreatedResponse({ type: AdjustmentResponse })
  proposeOverall(@Param() params: DepartmentYearParams, @Body() body: AdjustmentDto) {
    return this.lifecycle.propose(overall(params), body);
  }

  @Get('departments/:code/years/:year/adjustments')
  @ApiOperation({ summary: '部门年度的全部调整申请（各项目与部门整体；可按状态筛选，如待审批）' })
  @ApiOkResponse({ type: [AdjustmentResponse] })
  list(@Param() params: DepartmentYearParams, @Query() query: AdjustmentListQuery) {
    return this.lifecycle.list(params.code, params.year, query.status);
  }

  @Post('adjustments/:id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '批准调整申请（部门领导）：新的指标值自生效月份起生效，此后各月重新判定预警灯' })
  @ApiOkResponse({ type: AdjustmentResponse })
  approve(@Param() params: AdjustmentParams, @Body() body: TreeVersionDto) {
    return this.lifecycle.approveAdjustment(params.id, body.version);
  }

  @Post('adjustments/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回调整申请（部门领导，须填原因）' })
  @ApiOkResponse({ type: AdjustmentResponse })
  return(@Param() params: AdjustmentParams, @Body() body: TreeReturnDto) {
    return this.lifecycle.returnAdjustment(params.id, body.version, body.reason);
  }
}

const overall = (params: DepartmentYearParams): TreeScope => ({ code: params.code, year: params.year });
