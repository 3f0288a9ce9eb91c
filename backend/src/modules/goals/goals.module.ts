import { Module } from '@nestjs/common';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { ArchiveRepository } from './archive.repository';
import { ArchiveWriter } from './archive.writer';
import { IndicatorNodesRepository } from './indicator-nodes.repository';
import { TargetReadingsController } from './target-readings.controller';
import { TargetsController } from './targets.controller';
import { TargetsRepository } from './targets.repository';
import { TargetsService } from './targets.service';

@Module({
  imports: [MonitoringModule],
  controllers: [TargetsController, TargetReadingsController],
  providers: [TargetsService, TargetsRepository, ArchiveRepository, ArchiveWriter, IndicatorNodesRepository],
  exports: [ArchiveWriter, ArchiveRepository, IndicatorNodesRepository, TargetsRepository],
})
export class GoalsModule {}
