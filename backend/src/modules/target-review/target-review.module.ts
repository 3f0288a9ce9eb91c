import { Module } from '@nestjs/common';
import { TargetReviewController } from './target-review.controller';
import { TargetReviewRepository } from './target-review.repository';
import { TargetReviewService } from './target-review.service';

/** 目标质量审查 (docs/domain.md §9): findings of a department-year, the workbook, the rule switches. */
@Module({
  controllers: [TargetReviewController],
  providers: [TargetReviewService, TargetReviewRepository],
})
export class TargetReviewModule {}
