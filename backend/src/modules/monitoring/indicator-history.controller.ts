import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { YearQuery } from '../../common/validation/year.query';
import { IndicatorHistoryResponse } from './dto/indicator-history.response';
import { IndicatorHistoryService } from './indicator-history.service';

class IndicatorParams {
  @ApiProperty({ description: '三级指标 id' })
  @IsUUID('all', { message: 'id：指标标识无效' })
  id: string;
}

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorHistoryController {
  constructor(private readonly service: IndicatorHistoryService) {}

  @Get(':id/history')
  @ApiOperation({
    summary:
      '指标逐月记录：完成值、预警灯、偏差原因、纠偏措施、佐证材料与各月报告状态（year 缺省为指标所属年度）',
    description: '领导与项目负责人只能查看本部门的指标。',
  })
  @ApiOkResponse({ type: IndicatorHistoryResponse })
  history(@Param() params: IndicatorParams, @Query() query: YearQuery): Promise<IndicatorHistoryResponse> {
    return this.service.history(params.id, query.year);
  }
}
