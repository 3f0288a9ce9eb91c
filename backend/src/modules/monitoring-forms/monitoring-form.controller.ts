import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse } from '../../common/openapi/api-file-response';
import { send } from '../exports/exports.controller';
import { DOCX_TYPE, XLSX_TYPE } from '../exports/exports.service';
import { ProjectPeriodParams } from '../monitoring/dto/report.dto';
import { DepartmentPeriodParams, MonitoringFormQuery } from './dto/monitoring-form.params';
import { MonitoringFormService } from './monitoring-form.service';

/** The official monitoring form (项目支出绩效目标执行监控表, 1–X月): anyone who may read the department. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class MonitoringFormController {
  constructor(private readonly forms: MonitoringFormService) {}

  @Get('projects/:id/monitoring/:period.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({
    summary: '下载项目支出绩效目标执行监控表（1–X月，Excel）；round=轮次 id 时导出该轮次关闭时的快照',
  })
  async projectXlsx(
    @Param() params: ProjectPeriodParams,
    @Query() query: MonitoringFormQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.forms.projectXlsx(params.id, params.period, query.round));
  }

  @Get('projects/:id/monitoring/:period.docx')
  @ApiFileResponse(DOCX_TYPE)
  @ApiOperation({
    summary: '下载项目支出绩效目标执行监控表（1–X月，Word）；round=轮次 id 时导出该轮次关闭时的快照',
  })
  async projectDocx(
    @Param() params: ProjectPeriodParams,
    @Query() query: MonitoringFormQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.forms.projectDocx(params.id, params.period, query.round));
  }

  @Get('departments/:code/years/:year/monitoring/:period.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({
    summary:
      '下载部门全部执行监控表（汇总表、部门整体、各项目一表一页，Excel）；round=轮次 id 时导出该轮次关闭时的快照',
  })
  async departmentXlsx(
    @Param() params: DepartmentPeriodParams,
    @Query() query: MonitoringFormQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.forms.departmentXlsx(params.code, params.year, params.period, query.round));
  }
}
