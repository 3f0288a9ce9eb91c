import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { DepartmentYearParams } from '../departments/dto/department-year.params';
import { IndicatorIdParams } from '../goals/dto/target-correction.dto';
import { CarryForwardService } from './carry-forward.service';
import {
  CarryForwardResponse,
  PendingProposalResponse,
  ProposalConfirmationResponse,
} from './dto/carry-forward.response';
import { ProposalConfirmationDto } from './dto/proposal-confirmation.dto';

@ApiTags('carry-forward')
@ApiBearerAuth()
@Controller()
export class CarryForwardController {
  constructor(private readonly service: CarryForwardService) {}

  @Post('departments/:code/years/:year/carry-forward')
  @Roles('admin')
  @ApiOperation({
    summary:
      '由本年度生成下一年度（结转，绩效管理员）：复制全部现行项目（表12 表头、资金来源、负责人）与部门整体、各项目的目标和指标；本年度最后一次填报的完成值记为上年，本年度的上年记为前年；每个年度指标给出建议指标值（正向不低于、反向不高于本年度完成值）待负责人确认。下一年度已存在 → 409',
  })
  @ApiCreatedResponse({ type: CarryForwardResponse })
  carryForward(@Param() params: DepartmentYearParams): Promise<CarryForwardResponse> {
    return this.service.carryForward(params.code, params.year);
  }

  @Get('departments/:code/years/:year/target-proposals')
  @ApiOperation({ summary: '结转后待确认的建议指标值（按项目、目标、指标排列）' })
  @ApiOkResponse({ type: [PendingProposalResponse] })
  pending(@Param() params: DepartmentYearParams): Promise<PendingProposalResponse[]> {
    return this.service.pending(params.code, params.year);
  }

  @Post('indicators/:id/confirm-proposal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '确认结转建议的指标值（该项目的负责人或绩效管理员；部门整体目标为绩效管理员或部门整体填报人）：按建议或改用 target；版本已变 → 409',
  })
  @ApiOkResponse({ type: ProposalConfirmationResponse })
  confirm(
    @Param() params: IndicatorIdParams,
    @Body() body: ProposalConfirmationDto,
  ): Promise<ProposalConfirmationResponse> {
    return this.service.confirm(params.id, body);
  }
}
