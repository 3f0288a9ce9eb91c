import { TreeLifecycleResponse } from '../../lifecycle/dto/lifecycle.response';
import { ApiProperty } from '@nestjs/swagger';
import type { Light } from '@jixiao/domain';
import { DepartmentRefResponse } from '../../dashboard/dto/dashboard.response';
import { LIGHT_VALUES, LightCountsResponse } from '../../dashboard/dto/light-counts.response';
import { BudgetProjectionResponse } from '../../dashboard/dto/projection.response';
import { GoalResponse } from './goal-tree.response';

/** A project lead (项目负责人) assigned to the project. */
export class LeadResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'lead01' }) username: string;
  @ApiProperty({ example: '项目负责人1' }) displayName: string;
}

export class FundingSourceResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ example: '一般公共预算' }) name: string;
  @ApiProperty({ nullable: true, type: Number, example: 466, description: '金额（万元）' }) amount:
    number | null;
}

export class SpendingDetailResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ description: '支出活动' }) activity: string;
  @ApiProperty({ nullable: true, type: String, description: '活动内容' }) description: string | null;
  @ApiProperty({ nullable: true, type: String, description: '支出经济分类' }) economicClassification:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '30201', description: '经济分类编码' })
  classificationCode: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '金额（万元）' }) amount: number | null;
  @ApiProperty({ nullable: true, type: String, description: '测算依据' }) basis: string | null;
  @ApiProperty({ nullable: true, type: String, description: '备注' }) remark: string | null;
}

export class ProcurementResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ description: '采购品目' }) item: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '数量' }) quantity: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '金额（万元）' }) amount: number | null;
  @ApiProperty({ nullable: true, type: String }) remark: string | null;
}

export class BudgetExecutionPeriodResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ example: 1800000, description: '截至该期执行数（元，年初至今）' }) executedYuan: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 38.63,
    description: '执行率 % = 执行数 ÷ 当年预算 × 100',
  })
  rate: number | null;
  @ApiProperty({ example: 50, description: '时间进度 %' }) pace: number;
  @ApiProperty({ enum: LIGHT_VALUES, description: '该期预算执行预警灯' }) light: Light;
  @ApiProperty() lightReason: string;
  @ApiProperty({ description: '判定过程：公式与代入的数值' }) explanation: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: '版本号（修改时回传）' }) version: number;
  @ApiProperty() updatedAt: Date;
}

export class BudgetExecutionResponse {
  @ApiProperty({ example: 4660000, description: '当年预算（元）：项目当年预算，缺失时取表10 金额' })
  budgetYuan: number;
  @ApiProperty({ type: [BudgetExecutionPeriodResponse], description: '1 月至截至月份已填报的各期执行数' })
  periods: BudgetExecutionPeriodResponse[];
  @ApiProperty({
    nullable: true,
    type: BudgetProjectionResponse,
    description: '预算执行的年末预测（按执行进度推算年末执行数与执行率）；当年预算为 0 或尚无执行数为 null',
  })
  projection: BudgetProjectionResponse | null;
}

/** The workflow state of the project's report for one month, with its due date. */
export class ReportPeriodResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['draft', 'submitted', 'approved', 'returned'],
    description: '草稿 / 已提交 / 已审核 / 已退回；尚无填报为 null',
  })
  status: string | null;
  @ApiProperty({ example: '2025-07-10', description: '填报截止日' }) dueDate: string;
  @ApiProperty({ description: '是否已逾期（过截止日仍未提交）' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) reviewedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: '退回原因' }) returnReason: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '版本号（审核操作时回传）' }) version:
    number | null;
}

/** A project with every 表12 header field, its funds, its goals with indicator trees, and its monitoring. */
export class ProjectDetailResponse {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, example: '42011225031T000000113', description: '项目编码' })
  code: string | null;
  @ApiProperty({ description: '项目名称' }) name: string;
  @ApiProperty({ nullable: true, type: String, description: '项目类别（表10）' }) category: string | null;
  @ApiProperty({ example: 466, description: '当年预算（万元，表10）' }) budget: number;
  @ApiProperty({ nullable: true, type: String, description: '主管部门' }) competentDepartment: string | null;
  @ApiProperty({ nullable: true, type: String, description: '执行单位' }) executingUnit: string | null;
  @ApiProperty({ nullable: true, type: String, description: '项目负责人（原表）' }) leadName: string | null;
  @ApiProperty({ nullable: true, type: String, description: '联系电话' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String, description: '单位地址' }) address: string | null;
  @ApiProperty({ nullable: true, type: String, description: '邮政编码' }) postcode: string | null;
  @ApiProperty({ nullable: true, type: String, description: '项目属性' }) attribute: string | null;
  @ApiProperty({ nullable: true, type: String, description: '支出项目类别' }) expenditureCategory:
    string | null;
  @ApiProperty({ nullable: true, type: Number, description: '起始年度' }) startYear: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '终止年度' }) endYear: number | null;
  @ApiProperty({ nullable: true, type: String, description: '立项依据' }) legalBasis: string | null;
  @ApiProperty({ nullable: true, type: String, description: '实施方案' }) implementationPlan: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '项目总预算（万元）' }) totalBudget:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: '项目当年预算（万元，表12）' }) currentBudget:
    number | null;
  @ApiProperty({ nullable: true, type: String, description: '前两年预算变动情况' }) priorBudgetChanges:
    string | null;
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ description: '已归档：导入的新版本不再包含此项目；监控数据保留，再次导入时恢复' })
  archived: boolean;
  @ApiProperty({ nullable: true, type: Date, description: '归档时间' }) archivedAt: Date | null;
  @ApiProperty({ example: 2025, description: '预算年度' }) year: number;
  @ApiProperty({ example: '2025-06', description: '截至月份' }) asOf: string;
  @ApiProperty({ type: [LeadResponse], description: '已分配的项目负责人' }) leads: LeadResponse[];
  @ApiProperty({ type: [FundingSourceResponse], description: '资金来源' })
  fundingSources: FundingSourceResponse[];
  @ApiProperty({ type: [SpendingDetailResponse], description: '支出明细测算' })
  spendingDetails: SpendingDetailResponse[];
  @ApiProperty({ type: [ProcurementResponse], description: '项目采购' }) procurements: ProcurementResponse[];
  @ApiProperty({ type: [GoalResponse], description: '长期与年度绩效目标及其指标树' }) goals: GoalResponse[];
  @ApiProperty({ type: LightCountsResponse, description: '年度目标指标按预警灯计数（截至月份）' })
  lightSummary: LightCountsResponse;
  @ApiProperty({
    nullable: true,
    enum: LIGHT_VALUES,
    description: '项目预警灯：最差的指标灯；无监控指标为 null',
  })
  projectLight: Light | null;
  @ApiProperty({ type: BudgetExecutionResponse, description: '预算执行（按期）' })
  budgetExecution: BudgetExecutionResponse;
  @ApiProperty({ type: [ReportPeriodResponse], description: '1 月至截至月份各期报告状态' })
  reportPeriods: ReportPeriodResponse[];
  @ApiProperty({
    type: TreeLifecycleResponse,
    description: '绩效目标状态（草稿 / 已申报 / 已批复）、调用者角色与调整申请',
  })
  tree: TreeLifecycleResponse;
}
