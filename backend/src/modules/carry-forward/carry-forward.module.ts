import { Module } from '@nestjs/common';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { CarryForwardController } from './carry-forward.controller';
import { CarryForwardRepository } from './carry-forward.repository';
import { CarryForwardService } from './carry-forward.service';

/** Next year from this year (结转): the copy, the proposed targets and their confirmation. */
@Module({
  imports: [MonitoringModule],
  controllers: [CarryForwardController],
  providers: [CarryForwardService, CarryForwardRepository],
})
export class CarryForwardModule {}
