import { ApiProperty } from '@nestjs/swagger';
import {
  BudgetTotalResponse,
  DepartmentRefResponse,
  FlaggedIndicatorResponse,
  OverdueReportResponse,
} from '../../dashboard/dto/dashboard.response';
import { LightCountsResponse } from '../../dashboard/dto/light-counts.response';

/** 领导月度摘要: one department's month for its leadership, on a printable page and by e-mail. */
export class DigestResponse {
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ example: 2025, description: '预算年度' }) year: number;
  @ApiProperty({ example: '2025-06', description: '摘要所述月份（截至月份）' }) period: string;
  @ApiProperty({ example: '2025-07-11', description: '生成日期（判断逾期所依据的日期）' }) today: string;
  @ApiProperty({ type: LightCountsResponse, description: '本月全部年度指标按预警灯计数' })
  counts: LightCountsResponse;
  @ApiProperty({ type: [FlaggedIndicatorResponse], description: '预警指标：本月红灯、黄灯，红灯在前' })
  flagged: FlaggedIndicatorResponse[];
  @ApiProperty({
    type: [FlaggedIndicatorResponse],
    description: '预计年末未达标的指标，各附推算过程（projection.explanation）',
  })
  projectedMisses: FlaggedIndicatorResponse[];
  @ApiProperty({ type: [OverdueReportResponse], description: '已过截止日仍未提交的报告' })
  overdue: OverdueReportResponse[];
  @ApiProperty({ type: BudgetTotalResponse, description: '预算执行合计' }) budget: BudgetTotalResponse;
}

export class DigestRecipientResponse {
  @ApiProperty() userId: string;
  @ApiProperty({ example: 'leader' }) username: string;
  @ApiProperty({ example: '王局长' }) displayName: string;
  @ApiProperty({ nullable: true, type: String, example: 'wang@example.cn' }) email: string | null;
  @ApiProperty({
    enum: ['queued', 'already-queued', 'no-email'],
    description: 'queued 已加入发件箱 / already-queued 此前已加入（不重复发送）/ no-email 未设置电子邮箱',
  })
  status: 'queued' | 'already-queued' | 'no-email';
}

/** POST /api/departments/:code/digest/:period/send */
export class DigestSendResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ type: [DigestRecipientResponse], description: '本部门的部门领导' })
  recipients: DigestRecipientResponse[];
}
