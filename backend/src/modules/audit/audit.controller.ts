import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { AuditQueryService } from './audit-query.service';
import { AuditPageResponse } from './dto/audit-page.response';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly service: AuditQueryService) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: '审计日志查询（按实体、操作人、时间筛选，按时间倒序分页）；仅绩效管理员与审计员' })
  @ApiOkResponse({ type: AuditPageResponse })
  search(@Query() query: AuditQuery): Promise<AuditPageResponse> {
    return this.service.search(query);
  }
}
