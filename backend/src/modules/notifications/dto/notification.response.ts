import { NOTIFICATION_KINDS, type NotificationKind } from '@jixiao/domain';
import { ApiProperty } from '@nestjs/swagger';
import { DepartmentRefResponse } from '../../dashboard/dto/dashboard.response';

/** A leader's flags of a month (领导月度摘要): what the digest lists, counted. */
export class NotificationDetailsResponse {
  @ApiProperty({ example: 2, description: '本月红灯指标数' }) red: number;
  @ApiProperty({ example: 3, description: '本月黄灯指标数' }) yellow: number;
  @ApiProperty({ example: 1, description: '预计年末未达标的指标数' }) projectedMiss: number;
  @ApiProperty({ example: 1, description: '逾期未提交的报告数' }) overdue: number;
}

/** One in-app notification of the signed-in user. */
export class NotificationResponse {
  @ApiProperty() id: string;
  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    description:
      'report-returned 被退回（附退回原因）/ report-overdue 已逾期 / report-due 即将到期 / leadership-flags 领导月度摘要',
  })
  kind: NotificationKind;
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ example: 2025, description: '预算年度' }) year: number;
  @ApiProperty({ example: '2025-06', description: '月份' }) period: string;
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体或领导月度摘要为 null' })
  projectId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '项目名称；部门整体目标为“部门整体”；领导月度摘要为 null（整个部门）',
  })
  projectName: string | null;
  @ApiProperty({ nullable: true, type: String, description: '退回原因（被退回时）' }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2025-07-10', description: '填报截止日' })
  dueDate: string | null;
  @ApiProperty({ nullable: true, type: NotificationDetailsResponse, description: '领导月度摘要的计数' })
  details: NotificationDetailsResponse | null;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: '已读时间；未读为 null' }) readAt: Date | null;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse], description: '最近的通知（新的在前，最多 50 条）' })
  notifications: NotificationResponse[];
  @ApiProperty({ example: 3, description: '未读通知数' }) unread: number;
}

export class ReadAllResponse {
  @ApiProperty({ example: 3, description: '本次标为已读的通知数' }) updated: number;
}
