import { Module } from '@nestjs/common';
import { SelfEvaluationController } from './self-evaluation.controller';
import { SelfEvaluationRepository } from './self-evaluation.repository';
import { ReviewWorkflow } from '../../common/workflow/review-workflow';
import { SelfEvaluationSavingService } from './self-evaluation-saving.service';
import { SelfEvaluationWorkflowService } from './self-evaluation-workflow.service';
import { SelfEvaluationService } from './self-evaluation.service';

@Module({
  controllers: [SelfEvaluationController],
  providers: [
    SelfEvaluationService,
    SelfEvaluationSavingService,
    SelfEvaluationWorkflowService,
    SelfEvaluationRepository,
    ReviewWorkflow,
  ],
  exports: [SelfEvaluationService, SelfEvaluationRepository],
})
export class SelfEvaluationModule {}
