import { Module } from '@nestjs/common';
import { MonitoringFormsModule } from '../monitoring-forms/monitoring-forms.module';
import { RoundsController } from './rounds.controller';
import { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';

/**
 * 监控轮次: apart from the monitoring module because closing a round stores the official forms as they stand
 * (monitoring-forms reads projects, whose trees read the lifecycle, which writes through monitoring).
 */
@Module({
  imports: [MonitoringFormsModule],
  controllers: [RoundsController],
  providers: [RoundsService, RoundsRepository],
})
export class RoundsModule {}
