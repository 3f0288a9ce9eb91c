import { Module } from '@nestjs/common';
import { GoalsModule } from '../goals/goals.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { SelfEvaluationModule } from '../self-evaluation/self-evaluation.module';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';
import { TargetImportRepository } from './target-import.repository';
import { TargetImportService } from './target-import.service';

@Module({
  imports: [SelfEvaluationModule, GoalsModule, MonitoringModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportsRepository, TargetImportRepository, TargetImportService],
})
export class ExportsModule {}
