import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { MonitoringRulesController } from './monitoring-rules.controller';
import { MonitoringRulesService } from './monitoring-rules.service';

/** 监控规则 per department-year: read, change (admin, audited, lights re-evaluated) and preview. */
@Module({
  imports: [MonitoringModule, DashboardModule],
  controllers: [MonitoringRulesController],
  providers: [MonitoringRulesService],
})
export class MonitoringRulesModule {}
