import { Body, Controller, Get, Param, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../common/auth/auth.decorators';
import { ApiFileResponse } from '../../common/openapi/api-file-response';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { contentDisposition } from '../exports/exports.controller';
import { XLSX_TYPE } from '../exports/exports.service';
import { RuleParams, RuleSwitchDto } from './dto/rule-switch.dto';
import { ReviewRuleResponse, TargetReviewResponse } from './dto/target-review.response';
import { TargetReviewService } from './target-review.service';

@ApiTags('target-review')
@ApiBearerAuth()
@Controller('departments/:code/years/:year')
export class TargetReviewController {
  constructor(private readonly service: TargetReviewService) {}

  @Get('target-review')
  @ApiOperation({
    summary: '目标质量审查：按规则审查部门整体及各项目的指标树，逐项目、目标、指标列出发现，按严重程度计数',
    description: '领导与项目负责人只能查看本部门。本部门本年度停用的规则不参与审查。',
  })
  @ApiOkResponse({ type: TargetReviewResponse })
  review(@Param() params: DepartmentYearParams): Promise<TargetReviewResponse> {
    return this.service.review(params.code, params.year);
  }

  @Get('target-review.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({ summary: '下载目标质量审查结果（Excel：审查结果、审查规则）' })
  async workbook(@Param() params: DepartmentYearParams, @Res({ passthrough: true }) res: Response) {
    const file = await this.service.workbook(params.code, params.year);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content);
  }

  @Put('target-review/rules/:ruleId')
  @Roles('admin')
  @ApiOperation({
    summary: '启用或停用本部门本年度的一条审查规则（绩效管理员）；停用须填写原因，记入审计日志',
  })
  @ApiOkResponse({ type: ReviewRuleResponse })
  switchRule(@Param() params: RuleParams, @Body() body: RuleSwitchDto): Promise<ReviewRuleResponse> {
    return this.service.switchRule(params.code, params.year, params.ruleId, body);
  }
}
