import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppInfoController } from './app-info.controller';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, AppInfoController],
})
export class HealthModule {}
