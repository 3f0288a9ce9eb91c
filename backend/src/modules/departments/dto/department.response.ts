import { TreeLifecycleResponse } from '../../lifecycle/dto/lifecycle.response';
import { ApiProperty } from '@nestjs/swagger';
import type { Light } from '@jixiao/domain';
import {
  BudgetExecutionSummaryResponse,
  DepartmentRefResponse,
} from '../../dashboard/dto/dashboard.response';
import { LIGHT_VALUES, LightCountsResponse } from '../../dashboard/dto/light-counts.response';
import { GoalResponse } from '../../projects/dto/goal-tree.response';
import { LeadResponse, ReportPeriodResponse } from '../../projects/dto/project-detail.response';

export class DepartmentResponse {
  @ApiProperty({ example: '031' }) code: string;
  @ApiProperty({ example: '武汉市东西湖区人力资源和社会保障局' }) name: string;
  @ApiProperty({ nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ type: [Number], example: [2025], description: '已导入的预算年度' }) years: number[];
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 2025,
    description:
      '正在监控的年度（页面默认打开）：有填报的最近年度；都没有填报时为最近的非筹备年度，再无则为最近年度；尚无年度为 null',
  })
  currentYear: number | null;
}

/** The latest period with activity (reports, budget execution or workflow) up to the month. */
export class LastReportResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({
    enum: ['draft', 'submitted', 'approved', 'returned'],
    description: '草稿 / 已提交 / 已审核 / 已退回（尚未建立审核记录的填报视为草稿）',
  })
  status: string;
  @ApiProperty({ description: '该期最后修改时间' }) updatedAt: Date;
}

export class ProjectSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, example: '42011225031T000000113' }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ example: 1.6, description: '当年预算（万元，表10）' }) budget: number;
  @ApiProperty({ type: [LeadResponse], description: '项目负责人' }) leads: LeadResponse[];
  @ApiProperty({ type: LightCountsResponse, description: '年度目标指标按预警灯计数（截至月份）' })
  lightSummary: LightCountsResponse;
  @ApiProperty({
    nullable: true,
    enum: LIGHT_VALUES,
    description: '项目预警灯：最差的指标灯；无监控指标为 null',
  })
  projectLight: Light | null;
  @ApiProperty({ nullable: true, type: LastReportResponse, description: '最近一期填报；尚无为 null' })
  lastReport: LastReportResponse | null;
  @ApiProperty({
    type: BudgetExecutionSummaryResponse,
    description: '截至月份最近一期预算执行（元）与执行率',
  })
  budgetExecution: BudgetExecutionSummaryResponse;
}

/** A department's budget year: overview, department-wide goals (部门整体目标) with their trees and lights. */
export class DepartmentYearResponse {
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: '2025-06', description: '截至月份' }) asOf: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '表11 概况：部门职能、年度任务、资金构成、项目清单等（金额单位见 moneyUnit，万元）',
  })
  overview: Record<string, unknown>;
  @ApiProperty({ type: [GoalResponse], description: '部门整体的长期与年度目标及其指标树' })
  goals: GoalResponse[];
  @ApiProperty({ type: LightCountsResponse, description: '部门整体年度目标指标按预警灯计数' })
  lightCounts: LightCountsResponse;
  @ApiProperty({ nullable: true, enum: LIGHT_VALUES, description: '部门整体目标的预警灯（最差的指标灯）' })
  light: Light | null;
  @ApiProperty({
    type: [ReportPeriodResponse],
    description: '部门整体 1 月至截至月份各期的填报状态（与项目相同的审核流程）',
  })
  reportPeriods: ReportPeriodResponse[];
  @ApiProperty({
    nullable: true,
    type: LeadResponse,
    description: '部门整体填报人；null 表示由绩效管理员填报',
  })
  reporter: LeadResponse | null;
  @ApiProperty({
    type: TreeLifecycleResponse,
    description: '部门整体绩效目标状态（草稿 / 已申报 / 已批复）、调用者角色与调整申请',
  })
  tree: TreeLifecycleResponse;
}
