import { Module } from '@nestjs/common';
import { EvidenceService } from './evidence.service';
import { MonitoringController } from './monitoring.controller';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

@Module({
  controllers: [MonitoringController],
  providers: [MonitoringService, MonitoringRepository, EvidenceService],
})
export class MonitoringModule {}
