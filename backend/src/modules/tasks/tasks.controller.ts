import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('me')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('tasks')
  @ApiOperation({ summary: '我的待办：到期或逾期的填报、被退回的填报、待我审核的填报' })
  list() {
    return this.tasks.forCurrentUser();
  }
}
