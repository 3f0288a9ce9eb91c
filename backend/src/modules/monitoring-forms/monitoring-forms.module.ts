import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { MonitoringFormController } from './monitoring-form.controller';
import { MonitoringFormRepository } from './monitoring-form.repository';
import { MonitoringFormService } from './monitoring-form.service';

@Module({
  imports: [ProjectsModule],
  controllers: [MonitoringFormController],
  providers: [MonitoringFormService, MonitoringFormRepository],
  exports: [MonitoringFormService],
})
export class MonitoringFormsModule {}
