import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { MyProjectsController } from './my-projects.controller';
import { MyProjectsService } from './my-projects.service';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [DashboardModule],
  controllers: [TasksController, MyProjectsController],
  providers: [TasksService, MyProjectsService, TasksRepository],
})
export class TasksModule {}
