import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import {
  ProjectYearParams,
  SelfEvaluationDto,
  SelfEvaluationReasonDto,
  SelfEvaluationVersionDto,
} from './dto/self-evaluation.dto';
import { SelfEvaluationSavingService } from './self-evaluation-saving.service';
import { SelfEvaluationWorkflowService } from './self-evaluation-workflow.service';
import { SelfEvaluationService } from './self-evaluation.service';
import { DepartmentEvaluationResponse, SelfEvaluationResponse } from './dto/self-evaluation.response';

@ApiTags('self-evaluation')
@ApiBearerAuth()
@Controller()
export class SelfEvaluationController {
  constructor(
    private readonly service: SelfEvaluationService,
    private readonly saving: SelfEvaluationSavingService,
    private readonly workflow: SelfEvaluationWorkflowService,
  ) {}

  @Get('projects/:id/self-evaluation/:year')
  @ApiOperation({
    summary:
      '项目支出绩效自评：实际完成值（默认取全年最后一次填报）、预算执行、分值、得分、总分、等级、一致性预警',
  })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  getProject(@Param() params: ProjectYearParams) {
    return this.service.getProject(params.id, params.year);
  }

  @Put('projects/:id/self-evaluation/:year')
  @Roles('lead', 'admin')
  @ApiOperation({
    summary:
      '保存项目自评：项目负责人填写实际完成值、定性得分、偏差原因分析及改进措施、全年执行数；绩效管理员调整分值（合计须为 100）；带 version',
  })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  saveProject(@Param() params: ProjectYearParams, @Body() body: SelfEvaluationDto) {
    return this.saving.saveProject(params.id, params.year, body);
  }

  @Post('projects/:id/self-evaluation/:year/submit')
  @HttpCode(200)
  @Roles('lead')
  @ApiOperation({ summary: '提交项目自评（各项均已评分、分值合计为 100）；提交后锁定' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  submitProject(@Param() params: ProjectYearParams, @Body() body: SelfEvaluationVersionDto) {
    return this.workflow.submit({ projectId: params.id, year: params.year }, body.version);
  }

  @Post('projects/:id/self-evaluation/:year/approve')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: '审核通过项目自评（部门领导）；通过后锁定' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  approveProject(@Param() params: ProjectYearParams, @Body() body: SelfEvaluationVersionDto) {
    return this.workflow.approve({ projectId: params.id, year: params.year }, body.version);
  }

  @Post('projects/:id/self-evaluation/:year/return')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: '退回项目自评（部门领导，须填写原因）' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  returnProject(@Param() params: ProjectYearParams, @Body() body: SelfEvaluationReasonDto) {
    return this.workflow.returnForRevision(
      { projectId: params.id, year: params.year },
      body.reason,
      body.version,
    );
  }

  @Post('projects/:id/self-evaluation/:year/unlock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '解锁项目自评（绩效管理员，原因记入审计日志）' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  unlockProject(@Param() params: ProjectYearParams, @Body() body: SelfEvaluationReasonDto) {
    return this.workflow.unlock({ projectId: params.id, year: params.year }, body.reason, body.version);
  }

  @Get('departments/:code/years/:year/self-evaluation')
  @ApiOperation({ summary: '部门整体支出绩效自评（表11 年度目标），以及各项目自评的汇总' })
  @ApiOkResponse({ type: DepartmentEvaluationResponse })
  getDepartment(@Param() params: DepartmentYearParams) {
    return this.service.getDepartment(params.code, params.year);
  }

  @Put('departments/:code/years/:year/self-evaluation')
  @Roles('admin')
  @ApiOperation({ summary: '保存部门整体自评（绩效管理员）；带 version' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  saveDepartment(@Param() params: DepartmentYearParams, @Body() body: SelfEvaluationDto) {
    return this.saving.saveDepartment(params.code, params.year, body);
  }

  @Post('departments/:code/years/:year/self-evaluation/submit')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '提交部门整体自评（绩效管理员）' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  submitDepartment(@Param() params: DepartmentYearParams, @Body() body: SelfEvaluationVersionDto) {
    return this.workflow.submit({ code: params.code, year: params.year }, body.version);
  }

  @Post('departments/:code/years/:year/self-evaluation/approve')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: '审核通过部门整体自评（部门领导）' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  approveDepartment(@Param() params: DepartmentYearParams, @Body() body: SelfEvaluationVersionDto) {
    return this.workflow.approve({ code: params.code, year: params.year }, body.version);
  }

  @Post('departments/:code/years/:year/self-evaluation/return')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: '退回部门整体自评（部门领导，须填写原因）' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  returnDepartment(@Param() params: DepartmentYearParams, @Body() body: SelfEvaluationReasonDto) {
    return this.workflow.returnForRevision(
      { code: params.code, year: params.year },
      body.reason,
      body.version,
    );
  }

  @Post('departments/:code/years/:year/self-evaluation/unlock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '解锁部门整体自评（绩效管理员，原因记入审计日志）' })
  @ApiOkResponse({ type: SelfEvaluationResponse })
  unlockDepartment(@Param() params: DepartmentYearParams, @Body() body: SelfEvaluationReasonDto) {
    return this.workflow.unlock({ code: params.code, year: params.year }, body.reason, body.version);
  }
}
