import { Module } from '@nestjs/common';
import { GoalsModule } from '../goals/goals.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { DocumentExporter } from './document-exporter';
import { DocumentExporterRepository } from './document-exporter.repository';
import { DocumentLoader } from './document-loader';
import { DocumentLoaderRepository } from './document-loader.repository';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { SeedLoaderService } from './seed-loader.service';

@Module({
  imports: [GoalsModule, MonitoringModule],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportsRepository,
    DocumentLoader,
    DocumentLoaderRepository,
    DocumentExporter,
    DocumentExporterRepository,
    SeedLoaderService,
  ],
  exports: [ImportsService, SeedLoaderService],
})
export class ImportsModule {}
