import { Module } from '@nestjs/common';
import { EvidenceService } from './evidence.service';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({
  controllers: [MonitoringController, RoundsController],
  providers: [MonitoringService, MonitoringRepository, EvidenceService, RoundsService],
})
export class MonitoringModule {}
