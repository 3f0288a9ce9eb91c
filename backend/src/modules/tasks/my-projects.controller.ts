import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MyProjectsResponse } from './dto/my-projects.response';
import { YearQuery } from '../../common/validation/year.query';
import { MyProjectsService } from './my-projects.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('me')
export class MyProjectsController {
  constructor(private readonly myProjects: MyProjectsService) {}

  @Get('projects')
  @ApiOperation({
    summary:
      '我的项目（项目负责人首页）：分配给我的每个项目本年度各月的填报状态、退回原因、已填报指标数；year 缺省为最近的年度',
  })
  @ApiOkResponse({ type: MyProjectsResponse })
  list(@Query() query: YearQuery): Promise<MyProjectsResponse> {
    return this.myProjects.forCurrentUser(query.year);
  }
}
