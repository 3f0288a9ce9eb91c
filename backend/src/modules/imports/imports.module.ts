import { Module } from '@nestjs/common';
import { DocumentExporter } from './document-exporter';
import { DocumentLoader } from './document-loader';
import { DocumentLoaderRepository } from './document-loader.repository';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { SeedLoaderService } from './seed-loader.service';

@Module({
  controllers: [ImportsController],
  providers: [ImportsService, DocumentLoader, DocumentLoaderRepository, DocumentExporter, SeedLoaderService],
  exports: [ImportsService, SeedLoaderService],
})
export class ImportsModule {}
