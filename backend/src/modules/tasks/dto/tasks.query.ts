import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** Which months the 审核 list shows: awaiting review (待审核), returned (已退回) or approved (已审核通过). */
export const REVIEW_FILTERS = ['pending', 'returned', 'approved'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export class TasksQuery {
  @ApiPropertyOptional({
    enum: REVIEW_FILTERS,
    default: 'pending',
    description:
      '审核列表筛选（部门领导）：pending 待审核 / returned 已退回 / approved 已审核通过；填报负责人的待办不受影响',
  })
  @IsOptional()
  @IsIn(REVIEW_FILTERS, { message: 'status：只能是 pending、returned 或 approved' })
  status?: ReviewFilter;
}
