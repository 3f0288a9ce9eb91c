import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { TargetConfirmationDto } from './dto/target-confirmation.dto';
import { TargetConfirmationResponse } from './dto/target-confirmation.response';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@ApiBearerAuth()
@Controller('departments/:code/years/:year/target-readings')
export class TargetReadingsController {
  constructor(private readonly targets: TargetsService) {}

  @Post('confirm')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      '批量确认指标值的结构化理解无误（绩效管理员）：全部确认或全部不写入；任一指标版本已变 → 409 并指明该指标；每个指标一条审计记录',
  })
  @ApiOkResponse({ type: TargetConfirmationResponse })
  confirm(@Param() params: DepartmentYearParams, @Body() body: TargetConfirmationDto) {
    return this.targets.confirm(params.code, params.year, body.items);
  }
}
