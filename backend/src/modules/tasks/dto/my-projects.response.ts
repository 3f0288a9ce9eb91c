import { ApiProperty } from '@nestjs/swagger';
import { DepartmentRefResponse } from '../../dashboard/dto/dashboard.response';
import { REPORT_STATUSES, ReportStatus } from '../../monitoring/entities/report-period.entity';

/** One month of one of the lead's projects: where its report stands. */
export class MyProjectMonthResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({
    nullable: true,
    enum: REPORT_STATUSES,
    description: '草稿 / 已提交 / 已审核通过 / 已退回；null 为尚未填报（待填报）',
  })
  status: ReportStatus | null;
  @ApiProperty({ example: '2025-07-10', description: '填报截止日' }) dueDate: string;
  @ApiProperty({ description: '已过截止日且未提交（未填报、草稿或被退回）' }) overdue: boolean;
  @ApiProperty({ description: '该月已开始（未开始的月份不必填报）' }) started: boolean;
  @ApiProperty({ nullable: true, type: String, description: '退回原因' }) returnReason: string | null;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) reviewedAt: Date | null;
  @ApiProperty({ description: '本月已填报的年度指标数' }) reportedCount: number;
  @ApiProperty({ description: '本月填报中红灯的指标数' }) redCount: number;
}

/** A project assigned to the lead, or the department-wide goals the user reports, with the year's months. */
export class MyProjectResponse {
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体为 null' }) projectId:
    string | null;
  @ApiProperty({ description: '部门整体（本部门年度的整体绩效目标）：projectName 为部门名称' })
  overall: boolean;
  @ApiProperty() projectName: string;
  @ApiProperty({ nullable: true, type: String, description: '项目编码' }) projectCode: string | null;
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ description: '须填报的年度指标数' }) indicatorCount: number;
  @ApiProperty({ type: MyProjectMonthResponse, description: '本月（currentPeriod）' })
  current: MyProjectMonthResponse;
  @ApiProperty({ type: [MyProjectMonthResponse], description: '1–12 月，按月份排列' })
  months: MyProjectMonthResponse[];
  @ApiProperty({ description: '已逾期的月份数' }) overdueCount: number;
}

/** GET /me/projects: the lead's home (我的项目). */
export class MyProjectsResponse {
  @ApiProperty({ nullable: true, type: Number, description: '预算年度；尚无分配的项目时为 null' })
  year: number | null;
  @ApiProperty({ type: [Number], description: '有分配项目的预算年度（新年度在前）' }) years: number[];
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2025-06',
    description: '本月：该部门年度最近一个有填报的月份，尚无填报时为当前月份（往年为 12 月），与首页一致',
  })
  currentPeriod: string | null;
  @ApiProperty({ example: '2025-07-03', description: '今天（判断逾期的日期）' }) today: string;
  @ApiProperty({ type: [MyProjectResponse] }) projects: MyProjectResponse[];
}
