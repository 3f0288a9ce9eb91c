import {
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../common/auth/auth.decorators';
import { ApiFileResponse } from '../../common/openapi/api-file-response';
import { SingleFileInterceptor } from '../../common/upload/single-file.interceptor';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { ImportModeQuery, importOptionsOf } from '../imports/dto/import-mode.query';
import { ProjectParams } from '../self-evaluation/dto/project.params';
import { ProjectYearParams } from '../self-evaluation/dto/self-evaluation.dto';
import { DOCX_TYPE, ExportsService, FileDownload, XLSX_TYPE } from './exports.service';
import { MAX_TARGET_FILE_BYTES, TargetImportResult, TargetImportService } from './target-import.service';
import { ImportRowErrorResponse, TargetImportResponse } from './dto/target-import.response';

/** attachment; an ASCII name for old clients and the Chinese one as RFC 5987 UTF-8. */
export const contentDisposition = (file: Pick<FileDownload, 'fileName' | 'fallbackName'>): string =>
  `attachment; filename="${file.fallbackName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;

/** Answers a generated file: its type, its name (contentDisposition) and its bytes. */
export function send(res: Response, file: FileDownload): StreamableFile {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', contentDisposition(file));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(file.content);
}

/**
 * Downloads anyone who may read the department may take, and the Excel import of a target table (admin).
 * Registered before the self-evaluation routes: `:year.xlsx` must match before `:year` takes "2025.xlsx".
 */
@ApiTags('exports')
@ApiBearerAuth()
// The rows of a refused target sheet (details.rows of the 400), typed for the frontend.
@ApiExtraModels(ImportRowErrorResponse)
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly targets: TargetImportService,
  ) {}

  @Get('projects/:id/self-evaluation/:year.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({ summary: '下载项目支出绩效自评表（Excel）' })
  async projectEvaluation(@Param() params: ProjectYearParams, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.projectEvaluation(params.id, params.year));
  }

  @Get('departments/:code/years/:year/self-evaluation/overall.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({ summary: '下载部门整体支出绩效自评表（Excel）' })
  async departmentEvaluation(
    @Param() params: DepartmentYearParams,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.exports.departmentEvaluation(params.code, params.year));
  }

  @Get('departments/:code/years/:year/self-evaluation.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({ summary: '下载全部自评表（汇总表、部门整体、各项目一表一页，Excel）' })
  async evaluationWorkbook(@Param() params: DepartmentYearParams, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.evaluationWorkbook(params.code, params.year));
  }

  @Get('departments/:code/years/:year/targets.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({ summary: '下载绩效目标表（表11 部门整体、表12 各项目，Excel）' })
  async targetTables(@Param() params: DepartmentYearParams, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.targetTables(params.code, params.year));
  }

  @Get('departments/:code/years/:year/targets-provincial.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({ summary: '下载年度绩效指标（省一体化格式，每个项目一张工作表，可再导入）' })
  async provincialTargets(@Param() params: DepartmentYearParams, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.provincialTargets(params.code, params.year));
  }

  @Get('departments/:code/years/:year/self-evaluation-report.docx')
  @ApiFileResponse(DOCX_TYPE)
  @ApiOperation({ summary: '下载部门整体支出绩效自评报告（Word）' })
  async report(@Param() params: DepartmentYearParams, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.report(params.code, params.year));
  }

  @Get('imports/target-template.xlsx')
  @ApiFileResponse(XLSX_TYPE)
  @ApiOperation({ summary: '下载绩效目标表导入模板（省一体化格式）' })
  async targetTemplate(@Res({ passthrough: true }) res: Response) {
    return send(res, await this.exports.targetTemplate());
  }

  @Post('projects/:id/targets/import')
  @Roles('admin')
  @ApiOperation({
    summary:
      '从 Excel 导入项目年度绩效指标（绩效管理员）：替换该项目全部年度指标，表中不再包含的指标归档（保留填报数据）；任何一行有误时不导入，逐行列出错误。mode=preview 只返回变化（200，不写入）；归档含监控数据的指标须 confirmArchive=true，否则 409 IMPORT_NEEDS_CONFIRMATION',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(SingleFileInterceptor(MAX_TARGET_FILE_BYTES))
  @ApiCreatedResponse({ type: TargetImportResponse, description: '已导入（mode=preview 时为 200，未写入）' })
  @ApiOkResponse({ type: TargetImportResponse, description: 'mode=preview：将发生的变化（未写入）' })
  importTargets(
    @Param() params: ProjectParams,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: ImportModeQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TargetImportResult> {
    const options = importOptionsOf(query);
    // A preview creates nothing: 200, not 201.
    if (options.preview) res.status(200);
    return this.targets.importProjectTargets(params.id, file, options);
  }
}
