import {
  Controller,
  Get,
  Header,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../common/auth/auth.decorators';
import { SingleFileInterceptor } from '../../common/upload/single-file.interceptor';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { ImportModeQuery, importOptionsOf } from './dto/import-mode.query';
import { ImportResult, ImportsService } from './imports.service';
import { ImportResponse } from './dto/import.response';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('imports')
  @Roles('admin')
  @ApiOperation({
    summary:
      '导入部门预算（公开文本、规范化 JSON，或 Excel：本系统下载的绩效目标表 表11/表12，或省一体化格式每个项目一张工作表）；全部成功或全部不写入，返回导入报告。mode=preview 只返回将新增、更新、归档、恢复的内容（200，不写入）；归档含监控数据的内容须 confirmArchive=true，否则 409 IMPORT_NEEDS_CONFIRMATION',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(SingleFileInterceptor(MAX_IMPORT_BYTES))
  @ApiCreatedResponse({ type: ImportResponse, description: '已导入（mode=preview 时为 200，未写入）' })
  @ApiOkResponse({ type: ImportResponse, description: 'mode=preview：将发生的变化（未写入）' })
  upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: ImportModeQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResult> {
    if (!file)
      throw new AppException(ErrorCode.ValidationFailed, '请选择要导入的文件', {
        file: 'file：请上传文件（字段名 file）',
      });
    if (file.size === 0)
      throw new AppException(ErrorCode.ValidationFailed, '文件为空', { file: 'file：文件为空' });
    const options = importOptionsOf(query);
    // A preview creates nothing: 200, not 201.
    if (options.preview) res.status(200);
    return this.imports.importFile(
      Buffer.from(file.originalname, 'latin1').toString('utf8'),
      file.buffer,
      options,
    );
  }

  @Get('departments/:code/years/:year/export')
  @Roles('admin', 'leader', 'auditor')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: '导出部门年度预算为规范化 JSON（与导入格式相同）' })
  @ApiOkResponse({ description: '规范化预算文档', schema: { type: 'object', additionalProperties: true } })
  export(@Param() params: DepartmentYearParams): Promise<string> {
    return this.imports.exportDocument(params.code, params.year);
  }
}
