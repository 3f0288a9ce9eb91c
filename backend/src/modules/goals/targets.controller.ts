import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { IndicatorIdParams, TargetCorrectionDto } from './dto/target-correction.dto';
import { TargetsService } from './targets.service';
import { TargetCorrectionResponse } from './dto/target-correction.response';

@ApiTags('targets')
@ApiBearerAuth()
@Controller('indicators')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Put(':id/target')
  @Roles('admin')
  @ApiOperation({ summary: '更正指标值的结构化理解（原文不变；绩效管理员）' })
  @ApiOkResponse({ type: TargetCorrectionResponse })
  correct(@Param() params: IndicatorIdParams, @Body() body: TargetCorrectionDto) {
    return this.targets.correct(params.id, body);
  }
}
