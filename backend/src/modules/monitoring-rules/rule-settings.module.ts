import { Global, Module } from '@nestjs/common';
import { RuleSettingsRepository } from './rule-settings.repository';

/** The department-year's 监控规则 for every module that computes a light, a check or a score. */
@Global()
@Module({
  providers: [RuleSettingsRepository],
  exports: [RuleSettingsRepository],
})
export class RuleSettingsModule {}
