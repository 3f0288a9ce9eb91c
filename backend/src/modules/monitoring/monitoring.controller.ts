import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import type { Response } from 'express';
import { IsUUID } from 'class-validator';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PERIOD_PATTERN } from '@jixiao/domain';
import { Roles } from '../../common/auth/auth.decorators';
import { ApiFileResponse } from '../../common/openapi/api-file-response';
import { SingleFileInterceptor } from '../../common/upload/single-file.interceptor';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import {
  BudgetExecutionDto,
  IndicatorPeriodParams,
  ProjectPeriodParams,
  ReasonDto,
  ReportDto,
  SubmitDto,
  VersionDto,
} from './dto/report.dto';
import { EvidenceService, MAX_EVIDENCE_BYTES } from './evidence.service';
import { MonitoringService } from './monitoring.service';
import {
  BudgetExecutionRowResponse,
  EvidenceFileResponse,
  NewPeriodLockResponse,
  PeriodLockResponse,
  PeriodReleaseResponse,
  ProgressReportResponse,
  ReportPeriodRowResponse,
  SavedBudgetExecutionResponse,
  SavedReportResponse,
} from './dto/monitoring.response';
import { PeriodLocksService } from './period-locks.service';
import { PeriodWorkflowService } from './period-workflow.service';

class DepartmentPeriodParams extends DepartmentYearParams {
  @ApiProperty({ example: '2025-06' })
  @Matches(PERIOD_PATTERN, { message: 'period：期间格式应为 YYYY-MM（月份 01–12）' })
  period: string;
}

class EvidenceParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id：文件标识无效' })
  id: string;
}

@ApiTags('monitoring')
@ApiBearerAuth()
// The stored rows a 409 answers in details.current, typed for the frontend.
@ApiExtraModels(ProgressReportResponse, BudgetExecutionRowResponse)
@Controller()
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly workflow: PeriodWorkflowService,
    private readonly periodLocks: PeriodLocksService,
    private readonly evidence: EvidenceService,
  ) {}

  @Post('indicators/:id/reports/:period/evidence')
  @Roles('lead', 'admin')
  @ApiOperation({ summary: '上传佐证材料（PDF、图片、Word、Excel、文本，最大 10 MB）' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(SingleFileInterceptor(MAX_EVIDENCE_BYTES))
  @ApiCreatedResponse({ type: EvidenceFileResponse })
  uploadEvidence(
    @Param() params: IndicatorPeriodParams,
    @UploadedFile() file: Express.Multer.File | undefined,
  ) {
    return this.evidence.upload(params.id, params.period, file);
  }

  @Get('indicators/:id/reports/:period/evidence')
  @ApiOperation({ summary: '本期佐证材料列表' })
  @ApiOkResponse({ type: [EvidenceFileResponse] })
  listEvidence(@Param() params: IndicatorPeriodParams) {
    return this.evidence.list(params.id, params.period);
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: '下载佐证材料（仅限有权查看该部门的用户）' })
  @ApiFileResponse('application/octet-stream', '佐证材料文件（Content-Type 为上传时的类型）')
  async downloadEvidence(
    @Param() params: EvidenceParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.evidence.download(params.id);
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content);
  }

  @Put('indicators/:id/reports/:period')
  @Roles('lead', 'admin')
  @ApiOperation({
    summary: '填报指标本期完成情况（项目负责人；部门整体指标由绩效管理员填报）；带 version 防止覆盖他人修改',
  })
  @ApiOkResponse({ type: SavedReportResponse })
  saveReport(@Param() params: IndicatorPeriodParams, @Body() body: ReportDto) {
    return this.monitoring.saveReport(params.id, params.period, body);
  }

  @Put('projects/:id/budget-execution/:period')
  @Roles('lead')
  @ApiOperation({ summary: '填报项目截至本期的预算执行数（元）' })
  @ApiOkResponse({ type: SavedBudgetExecutionResponse })
  saveBudgetExecution(@Param() params: ProjectPeriodParams, @Body() body: BudgetExecutionDto) {
    return this.monitoring.saveBudgetExecution(params.id, params.period, body);
  }

  @Post('projects/:id/periods/:period/submit')
  @HttpCode(200)
  @Roles('lead')
  @ApiOperation({
    summary:
      '提交本期填报（所有年度指标与预算执行数均已填报；填报提醒须以 acknowledgeWarnings: true 确认，否则 400 逐项列出）',
  })
  @ApiOkResponse({ type: ReportPeriodRowResponse })
  submit(@Param() params: ProjectPeriodParams, @Body() body: SubmitDto) {
    return this.workflow.submit(
      { projectId: params.id },
      params.period,
      body.version,
      body.acknowledgeWarnings === true,
    );
  }

  @Post('projects/:id/periods/:period/approve')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: '审核通过（部门领导）；通过后本期锁定' })
  @ApiOkResponse({ type: ReportPeriodRowResponse })
  approve(@Param() params: ProjectPeriodParams, @Body() body: VersionDto) {
    return this.workflow.approve({ projectId: params.id }, params.period, body.version);
  }

  @Post('projects/:id/periods/:period/return')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: '退回修改（部门领导，须填写原因）' })
  @ApiOkResponse({ type: ReportPeriodRowResponse })
  returnForRevision(@Param() params: ProjectPeriodParams, @Body() body: ReasonDto) {
    return this.workflow.returnForRevision(
      { projectId: params.id },
      params.period,
      body.reason,
      body.version,
    );
  }

  @Post('projects/:id/periods/:period/unlock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '解锁已审核的期间（绩效管理员，原因记入审计日志）' })
  @ApiOkResponse({ type: ReportPeriodRowResponse })
  unlock(@Param() params: ProjectPeriodParams, @Body() body: ReasonDto) {
    return this.workflow.unlock({ projectId: params.id }, params.period, body.reason, body.version);
  }

  @Post('departments/:code/years/:year/periods/:period/submit')
  @HttpCode(200)
  @Roles('lead', 'admin')
  @ApiOperation({
    summary:
      '提交部门整体本期填报（绩效管理员或指定的部门整体填报人；所有部门整体年度指标均已填报，填报提醒须以 acknowledgeWarnings: true 确认）',
  })
  @ApiOkResponse({ type: ReportPeriodRowResponse })
  submitOverall(@Param() params: DepartmentPeriodParams, @Body() body: SubmitDto) {
    return this.workflow.submit(
      { code: params.code, year: params.year },
      params.period,
      body.version,
      body.acknowledgeWarnings === true,
    );
  }

  @Post('departments/:code/years/:year/periods/:period/approve')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: '部门整体本期审核通过（部门领导）；通过后本期锁定' })
  @ApiOkResponse({ type: ReportPeriodRowResponse })
  approveOverall(@Param() params: DepartmentPeriodParams, @Body() body: VersionDto) {
    return this.workflow.approve({ code: params.code, year: params.year }, params.period, body.version);
  }

  @Post('departments/:code/years/:year/periods/:period/return')
  @HttpCode(200)
  @Roles('leader')
  @ApiOperation({ summary: '部门整体本期退回修改（部门领导，须填写原因）' })
  @ApiOkResponse({ type: ReportPeriodRowResponse })
  returnOverall(@Param() params: DepartmentPeriodParams, @Body() body: ReasonDto) {
    return this.workflow.returnForRevision(
      { code: params.code, year: params.year },
      params.period,
      body.reason,
      body.version,
    );
  }

  @Post('departments/:code/years/:year/periods/:period/unlock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '解锁部门整体已审核的期间（绩效管理员，原因记入审计日志）' })
  @ApiOkResponse({ type: ReportPeriodRowResponse })
  unlockOverall(@Param() params: DepartmentPeriodParams, @Body() body: ReasonDto) {
    return this.workflow.unlock(
      { code: params.code, year: params.year },
      params.period,
      body.reason,
      body.version,
    );
  }

  @Get('departments/:code/years/:year/locks')
  @ApiOperation({ summary: '已锁定的期间' })
  @ApiOkResponse({ type: [PeriodLockResponse] })
  locks(@Param() params: DepartmentYearParams) {
    return this.periodLocks.listLocks(params.code, params.year);
  }

  @Put('departments/:code/years/:year/locks/:period')
  @Roles('admin')
  @ApiOperation({ summary: '锁定部门某一期间（绩效管理员）' })
  @ApiOkResponse({ type: NewPeriodLockResponse })
  lock(@Param() params: DepartmentPeriodParams, @Body() body: ReasonDto) {
    return this.periodLocks.lockPeriod(params.code, params.year, params.period, body.reason);
  }

  @Delete('departments/:code/years/:year/locks/:period')
  @Roles('admin')
  @ApiOperation({ summary: '解除期间锁定（绩效管理员，须填写原因）' })
  @ApiOkResponse({ type: PeriodReleaseResponse })
  release(@Param() params: DepartmentPeriodParams, @Body() body: ReasonDto) {
    return this.periodLocks.releasePeriod(params.code, params.year, params.period, body.reason);
  }
}
