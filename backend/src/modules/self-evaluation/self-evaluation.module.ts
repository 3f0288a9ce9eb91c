import { Module } from '@nestjs/common';
import { SelfEvaluationController } from './self-evaluation.controller';
import { SelfEvaluationRepository } from './self-evaluation.repository';
import { SelfEvaluationService } from './self-evaluation.service';

@Module({
  controllers: [SelfEvaluationController],
  providers: [SelfEvaluationService, SelfEvaluationRepository],
  exports: [SelfEvaluationService, SelfEvaluationRepository],
})
export class SelfEvaluationModule {}
