import { Module } from '@nestjs/common';
import { GoalsModule } from '../goals/goals.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { LifecycleController } from './lifecycle.controller';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleService } from './lifecycle.service';

/** 申报 → 批复 → 调整 of the indicator trees; exports assertTreeEditable for the editing routes. */
@Module({
  imports: [GoalsModule, MonitoringModule],
  controllers: [LifecycleController],
  providers: [LifecycleService, LifecycleRepository],
  exports: [LifecycleService, LifecycleRepository],
})
export class LifecycleModule {}
