import { ApiProperty } from '@nestjs/swagger';
import type { Light } from '@jixiao/domain';
import { LIGHT_VALUES, LightCountsResponse } from './light-counts.response';
import { ProjectionResponse } from './projection.response';

export class DepartmentRefResponse {
  @ApiProperty({ example: '031' }) code: string;
  @ApiProperty({ example: '武汉市东西湖区人力资源和社会保障局' }) name: string;
}

/** An indicator whose light as of the month is red, yellow or grey, with what is needed to act on it. */
export class FlaggedIndicatorResponse {
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体目标为 null' }) projectId:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '42011225031T000000113' }) projectCode: string | null;
  @ApiProperty({ example: '就业创业补贴', description: '项目名称；部门整体目标为“部门整体”' })
  projectName: string;
  @ApiProperty() goalId: string;
  @ApiProperty() indicatorId: string;
  @ApiProperty({ example: '产出指标', description: '一级指标' }) level1: string;
  @ApiProperty({ example: '数量指标', description: '二级指标' }) level2: string;
  @ApiProperty({ example: '新增就业人数', description: '三级指标' }) indicatorName: string;
  @ApiProperty({ example: '1.2 万人/年', description: '指标值（原文）' }) targetRaw: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '人',
    description: '目标的基本计量单位（完成值、应完成值同此单位）',
  })
  targetUnit: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '4500人',
    description: '截至本期完成值（原文）；未填报为 null',
  })
  actualRaw: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 4500, description: '截至本期完成值（目标单位）' })
  actualValue: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 6000,
    description: '截至本月应完成值（目标单位）；定性、时限、多项要求的指标为 null',
  })
  expectedByNow: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 75,
    description: '进度值 v（预警灯所依据，一位小数，与判定过程一致）；无比值的指标为 null',
  })
  progress: number | null;
  @ApiProperty({ nullable: true, type: String, example: '1.1万人', description: '全年预计完成值（原文）' })
  forecastRaw: string | null;
  @ApiProperty({ nullable: true, type: String, example: '有可能', description: '完成目标可能性' })
  likelihood: string | null;
  @ApiProperty({ enum: LIGHT_VALUES }) light: Light;
  @ApiProperty({ example: '进度值 75.0 介于 60 与 80 之间（黄灯）', description: '预警原因' })
  lightReason: string;
  @ApiProperty({
    example: '进度值 = 4500 ÷ (12000 × 6/12) × 100 = 75.0；60 ≤ 75.0 < 80 → 黄灯',
    description: '判定过程：公式与代入的数值',
  })
  explanation: string;
  @ApiProperty({
    nullable: true,
    type: ProjectionResponse,
    description:
      '年末预测（预计值、区间、方法、预计年末预警灯与推算过程）；定性、时限、多项要求或尚无数值填报为 null',
  })
  projection: ProjectionResponse | null;
}

/** 预算执行 of one project against the time pace (m/12) as of the month. */
export class ProjectBudgetResponse {
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty() projectId: string;
  @ApiProperty({ nullable: true, type: String }) projectCode: string | null;
  @ApiProperty() projectName: string;
  @ApiProperty({ example: 4660000, description: '当年预算（元）：项目当年预算，缺失时取表10 金额' })
  budgetYuan: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 1800000,
    description: '截至本期执行数（元，年初至今）；未填报为 null',
  })
  executedYuan: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2025-06',
    description: '执行数所属期间（不晚于截至月份的最近一期）',
  })
  executedPeriod: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 38.63,
    description: '执行率 % = 执行数 ÷ 当年预算 × 100',
  })
  rate: number | null;
  @ApiProperty({ example: 50, description: '时间进度 % = m ÷ 12 × 100' }) pace: number;
  @ApiProperty({ enum: LIGHT_VALUES, description: '预算执行预警灯（执行率 ÷ 时间进度）；未填报为灰灯' })
  light: Light;
  @ApiProperty({ example: '预算执行进度值 77.3 介于 60 与 80 之间（黄灯）' }) lightReason: string;
  @ApiProperty({
    example: '预算执行进度值 = 1800000 ÷ (4660000 × 6/12) × 100 = 77.2；60 ≤ 77.2 < 80 → 黄灯',
    description: '判定过程：公式与代入的数值',
  })
  explanation: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '双监控不一致：目标完成进度 100 与预算执行进度 77.2 相差 22.8 个百分点，超过 10 个百分点',
    description:
      '双监控一致性提醒（本部门监控规则设置了相差的百分点时）：指标平均进度值与预算执行进度值相差过大',
  })
  dualWarning: string | null;
}

/** The latest 执行数 up to the month against 当年预算, with the pace light. */
export class BudgetExecutionSummaryResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2025-06',
    description: '执行数所属期间；未填报为 null',
  })
  period: string | null;
  @ApiProperty({ example: 4660000, description: '当年预算（元）' }) budgetYuan: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 1800000,
    description: '截至该期执行数（元，年初至今）',
  })
  executedYuan: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 38.63, description: '执行率 %' }) rate: number | null;
  @ApiProperty({ example: 50, description: '时间进度 % = m ÷ 12 × 100' }) pace: number;
  @ApiProperty({ enum: LIGHT_VALUES }) light: Light;
  @ApiProperty() lightReason: string;
  @ApiProperty({ description: '判定过程：公式与代入的数值' }) explanation: string;
}

export class BudgetTotalResponse {
  @ApiProperty({ description: '当年预算合计（元）' }) budgetYuan: number;
  @ApiProperty({ nullable: true, type: Number, description: '执行数合计（元）；无任何填报为 null' })
  executedYuan: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '执行率 %' }) rate: number | null;
  @ApiProperty({ description: '时间进度 %' }) pace: number;
  @ApiProperty({ enum: LIGHT_VALUES }) light: Light;
  @ApiProperty() lightReason: string;
  @ApiProperty({ description: '判定过程：公式与代入的数值' }) explanation: string;
}

export class BudgetOverviewResponse {
  @ApiProperty({ type: BudgetTotalResponse }) total: BudgetTotalResponse;
  @ApiProperty({ type: [ProjectBudgetResponse] }) projects: ProjectBudgetResponse[];
}

export class TrendPointResponse extends LightCountsResponse {
  @ApiProperty({ example: '2025-03' }) period: string;
}

/** A project's (or the department-wide goals') report of a period that is late: missing, a draft, or returned. */
export class OverdueReportResponse {
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体目标为 null' }) projectId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) projectCode: string | null;
  @ApiProperty() projectName: string;
  @ApiProperty({ example: '2025-05' }) period: string;
  @ApiProperty({
    enum: ['missing', 'draft', 'returned'],
    description: 'missing 未填报 / draft 未提交 / returned 已退回待修改',
  })
  status: 'missing' | 'draft' | 'returned';
  @ApiProperty({ example: '2025-06-10', description: '填报截止日' }) dueDate: string;
  @ApiProperty({ example: 12, description: '逾期天数' }) daysOverdue: number;
}

export class DashboardResponse {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: '2025-06', description: '截至月份' }) asOf: string;
  @ApiProperty({ example: '2025-07-15', description: '判断逾期所依据的日期（中国时区）' }) today: string;
  @ApiProperty({
    type: LightCountsResponse,
    description: '全部年度目标三级指标（项目与部门整体）按预警灯计数',
  })
  counts: LightCountsResponse;
  @ApiProperty({
    type: [FlaggedIndicatorResponse],
    description:
      '预警指标：红、黄、无法判定、灰依次排列，同色按进度值升序；projectedMiss=true 时为预计年末未达标的指标',
  })
  flagged: FlaggedIndicatorResponse[];
  @ApiProperty({ example: 3, description: '预计年末未达标的指标数（预计年末红灯或黄灯）' })
  projectedMiss: number;
  @ApiProperty({
    type: [FlaggedIndicatorResponse],
    description:
      '预计年末未达标：按年末预测将得红灯或黄灯的指标（无论本月预警灯），预计红灯在前，各附推算过程',
  })
  projectedMisses: FlaggedIndicatorResponse[];
  @ApiProperty({ type: BudgetOverviewResponse }) budget: BudgetOverviewResponse;
  @ApiProperty({ type: [TrendPointResponse], description: '1 月至截至月份每月的预警灯计数' })
  trend: TrendPointResponse[];
  @ApiProperty({ type: [OverdueReportResponse], description: '已过截止日仍未提交的报告' })
  overdue: OverdueReportResponse[];
}

export class DepartmentDashboardResponse extends DashboardResponse {
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-06',
    description: '本年度最近一个有填报的月份（未指定 asOf 时即默认截至月份）；尚无任何填报为 null',
  })
  latestReportedPeriod: string | null;
}

/** A department's budget execution on the city view: the figures and the light, its reasons on its own dashboard. */
export class DepartmentBudgetResponse {
  @ApiProperty({ description: '当年预算合计（元）' }) budgetYuan: number;
  @ApiProperty({ nullable: true, type: Number, description: '执行数合计（元）；无任何填报为 null' })
  executedYuan: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '执行率 %' }) rate: number | null;
  @ApiProperty({ enum: LIGHT_VALUES, description: '预算执行预警灯（按本部门监控规则；判定过程见部门看板）' })
  light: Light;
}

export class DepartmentRollupResponse {
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ type: LightCountsResponse }) counts: LightCountsResponse;
  @ApiProperty({ type: DepartmentBudgetResponse, description: '预算执行合计' })
  budget: DepartmentBudgetResponse;
  @ApiProperty({ description: '逾期报告数' }) overdue: number;
  @ApiProperty({ description: '预计年末未达标的指标数（与部门看板同一规则）' }) projectedMiss: number;
}

/** The city view: totals and one row per department; the flagged indicators are paged apart (/dashboard/flagged). */
export class CityDashboardResponse {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: '2025-06', description: '截至月份' }) asOf: string;
  @ApiProperty({ example: '2025-07-15', description: '判断逾期所依据的日期（中国时区）' }) today: string;
  @ApiProperty({ type: LightCountsResponse, description: '可查看部门的全部监控指标按预警灯计数' })
  counts: LightCountsResponse;
  @ApiProperty({
    type: BudgetTotalResponse,
    description: '预算执行合计（按全国默认规则判定；仅一个部门时按其规则）',
  })
  budget: BudgetTotalResponse;
  @ApiProperty({ example: 12, description: '逾期报告数合计' }) overdue: number;
  @ApiProperty({ example: 3, description: '预计年末未达标的指标数合计' }) projectedMiss: number;
  @ApiProperty({ type: [TrendPointResponse], description: '1 月至截至月份每月的预警灯计数' })
  trend: TrendPointResponse[];
  @ApiProperty({
    type: [DepartmentRollupResponse],
    description: '按部门分列（仅含当前用户可查看的部门），按部门编码排序',
  })
  departments: DepartmentRollupResponse[];
}

export class FlaggedPageResponse {
  @ApiProperty({
    type: [FlaggedIndicatorResponse],
    description: '本页的预警指标（红、黄、无法判定、灰），按所选排序',
  })
  items: FlaggedIndicatorResponse[];
  @ApiProperty({ example: 57, description: '符合条件的总条数' }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}
