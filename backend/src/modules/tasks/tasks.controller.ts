import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TasksService } from './tasks.service';
import { TaskListResponse } from './dto/tasks.response';
import { TasksQuery } from './dto/tasks.query';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('me')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('tasks')
  @ApiOperation({ summary: '我的待办：到期或逾期的填报、被退回的填报、待我审核的填报' })
  @ApiOkResponse({ type: TaskListResponse })
  list(@Query() query: TasksQuery) {
    return this.tasks.forCurrentUser(query.status);
  }
}
