import { ApiProperty } from '@nestjs/swagger';
import { REPORT_STATUSES, ReportStatus } from '../../monitoring/entities/report-period.entity';
import type { TaskKind } from '../tasks.service';

const TASK_KINDS: TaskKind[] = ['report-due', 'report-overdue', 'report-returned', 'review'];

/** One thing the signed-in user should do now. */
export class TaskResponse {
  @ApiProperty({
    enum: TASK_KINDS,
    description: '即将到期 / 已逾期 / 被退回的填报；待审核的填报',
  })
  kind: TaskKind;
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体目标为 null' }) projectId:
    string | null;
  @ApiProperty({ description: '项目名称；部门整体目标为“部门整体”' }) projectName: string;
  @ApiProperty({ example: '031' }) departmentCode: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ example: '2025-07-10', description: '填报截止日' }) dueDate: string;
  @ApiProperty({ nullable: true, enum: REPORT_STATUSES }) status: ReportStatus | null;
  @ApiProperty({ nullable: true, type: String, description: '退回原因' }) returnReason: string | null;
}

export class TaskCountsResponse {
  @ApiProperty({ description: '即将到期' }) 'report-due': number;
  @ApiProperty({ description: '已逾期' }) 'report-overdue': number;
  @ApiProperty({ description: '被退回' }) 'report-returned': number;
  @ApiProperty({ description: '待审核' }) review: number;
}

export class TaskListResponse {
  @ApiProperty({ type: [TaskResponse] }) tasks: TaskResponse[];
  @ApiProperty({ type: TaskCountsResponse }) counts: TaskCountsResponse;
}
