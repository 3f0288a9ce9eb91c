import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceService } from './evidence.service';
import { IndicatorHistoryController } from './indicator-history.controller';
import { IndicatorHistoryRepository } from './indicator-history.repository';
import { IndicatorHistoryService } from './indicator-history.service';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { ReviewWorkflow } from '../../common/workflow/review-workflow';
import { MonitoringService } from './monitoring.service';
import { PeriodLocksRepository } from './period-locks.repository';
import { PeriodLocksService } from './period-locks.service';
import { PeriodWorkflowService } from './period-workflow.service';
import { ReportLightsRepository } from './report-lights.repository';
import { ReportLightsWriter } from './report-lights.writer';

@Module({
  imports: [NotificationsModule],
  controllers: [MonitoringController, IndicatorHistoryController],
  providers: [
    MonitoringService,
    MonitoringRepository,
    PeriodWorkflowService,
    PeriodLocksService,
    PeriodLocksRepository,
    ReviewWorkflow,
    EvidenceService,
    EvidenceRepository,
    ReportLightsWriter,
    ReportLightsRepository,
    IndicatorHistoryService,
    IndicatorHistoryRepository,
  ],
  exports: [ReportLightsWriter, ReportLightsRepository],
})
export class MonitoringModule {}
