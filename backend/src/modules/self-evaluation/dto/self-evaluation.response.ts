import { ApiProperty } from '@nestjs/swagger';
import { type Grade, type Judgement, JUDGEMENTS, type Section } from '@jixiao/domain';
import { TargetResponse } from '../../projects/dto/goal-tree.response';
import { DepartmentRefResponse } from '../../dashboard/dto/dashboard.response';
import { SELF_EVALUATION_STATUSES, SelfEvaluationStatus } from '../entities/self-evaluation.entity';
import { ScoringProfileSchema } from '../../monitoring-rules/dto/rule-settings.dto';

const SECTIONS: Section[] = ['budget', 'output', 'benefit', 'satisfaction'];
const GRADES: Grade[] = ['优', '良', '中', '差'];

/** Where a cell of the 自评表 came from. */
export class CellOriginResponse {
  @ApiProperty({
    enum: ['approved', 'submitted', 'entered'],
    description: '来源：已审核填报 / 已提交（未审核）填报 / 手工填写',
  })
  kind: 'approved' | 'submitted' | 'entered';
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2025-07',
    description: '取自哪一期填报；手工填写为 null',
  })
  period: string | null;
  @ApiProperty({ example: '取自 2025-07 已审核填报', description: '来源说明' }) label: string;
}

/** One 三级指标 row of the 自评表. */
export class EvaluationItemResponse {
  @ApiProperty() indicatorId: string;
  @ApiProperty() goalId: string;
  @ApiProperty({ example: '年度绩效目标 1' }) goalLabel: string;
  @ApiProperty({ description: '一级指标' }) level1: string;
  @ApiProperty({ description: '二级指标' }) level2: string;
  @ApiProperty({ description: '三级指标' }) name: string;
  @ApiProperty({ description: '年度指标值（原文）' }) targetRaw: string;
  @ApiProperty({ nullable: true, type: TargetResponse }) target: TargetResponse | null;
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty({ nullable: true, enum: SECTIONS, description: '所属部分；无法归入时为 null' })
  section: Section | null;
  @ApiProperty({ nullable: true, type: String, description: '实际完成值' }) actual: string | null;
  @ApiProperty({
    nullable: true,
    enum: ['entered', 'report'],
    description: '实际完成值来源：自评填写 / 监控填报（见 actualOrigin）',
  })
  actualSource: 'entered' | 'report' | null;
  @ApiProperty({ nullable: true, type: String, description: '取自哪一期监控填报' }) actualPeriod:
    string | null;
  @ApiProperty({
    nullable: true,
    type: CellOriginResponse,
    description: '实际完成值来源：最近一期已审核填报，否则最近一期已提交填报（草稿不取），或手工填写',
  })
  actualOrigin: CellOriginResponse | null;
  @ApiProperty({ description: '分值' }) weight: number;
  @ApiProperty({
    enum: ['evaluation', 'indicator', 'default'],
    description: '分值来源：自评调整 / 指标表权重 / 平均分配',
  })
  weightSource: 'evaluation' | 'indicator' | 'default';
  @ApiProperty({ nullable: true, type: Number, description: '得分' }) score: number | null;
  @ApiProperty({
    nullable: true,
    type: [Number],
    minItems: 2,
    maxItems: 2,
    description: '定性指标可评得分区间 [下限, 上限]',
  })
  band: [number, number] | null;
  @ApiProperty({ nullable: true, enum: JUDGEMENTS, description: '定性指标达成情况' })
  judgement: Judgement | null;
  @ApiProperty({ nullable: true, type: Number, description: '评定得分（定性指标）' }) pickedScore:
    number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: '是否达成目标；无法比较为 null' }) met:
    boolean | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '偏差原因分析及改进措施：自评填写的内容，否则取自填报的偏差原因与纠偏措施',
  })
  deviationAnalysis: string | null;
  @ApiProperty({ nullable: true, type: CellOriginResponse, description: '偏差原因分析及改进措施来源' })
  deviationOrigin: CellOriginResponse | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '年中调整：原目标 ≥90% → ≥95%（7月起，原因：上级提高要求）',
    description: '指标值年中调整的说明；未调整为 null',
  })
  targetNote: string | null;
  @ApiProperty({ nullable: true, type: String, description: '尚无得分的原因' }) problem: string | null;
  @ApiProperty({ nullable: true, enum: ['target', 'actual', 'score'], description: '需要补充的输入' })
  problemField: 'target' | 'actual' | 'score' | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '得分 = 5.56 × 220 ÷ 500 = 2.45',
    description: '计分说明：得分（或定性评分区间）的公式与代入的数值；无可计分时为 null',
  })
  explanation: string | null;
}

/** 预算执行率 part of the 自评表 (元). */
export class EvaluationBudgetResponse {
  @ApiProperty({ nullable: true, type: Number, description: '年初预算数（元）' }) initialBudgetYuan:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: '全年预算数（元）' }) annualBudgetYuan:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: '全年执行数（元）' }) executedYuan: number | null;
  @ApiProperty({ nullable: true, enum: ['entered', 'report'], description: '执行数来源' })
  executedSource: 'entered' | 'report' | null;
  @ApiProperty({ nullable: true, type: String, description: '取自哪一期预算执行填报' }) executedPeriod:
    string | null;
  @ApiProperty({
    nullable: true,
    type: CellOriginResponse,
    description: '全年执行数来源：已审核（否则已提交）月份的预算执行填报，或手工填写；从不取草稿',
  })
  executedOrigin: CellOriginResponse | null;
  @ApiProperty({ nullable: true, type: Number, description: '部门整体：各项目执行数合计（仅供参考）' })
  projectsExecutedYuan: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '执行率 %' }) rate: number | null;
  @ApiProperty({ description: '分值' }) weight: number;
  @ApiProperty({ nullable: true, type: Number, description: '得分' }) score: number | null;
  @ApiProperty({ nullable: true, type: String, description: '尚无得分的原因' }) problem: string | null;
  @ApiProperty({ nullable: true, type: String, description: '计分说明：执行率与得分的公式与代入的数值' })
  explanation: string | null;
}

export class EvaluationHeaderResponse {
  @ApiProperty() departmentCode: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ nullable: true, type: String }) projectName: string | null;
  @ApiProperty({ nullable: true, type: String }) projectCode: string | null;
  @ApiProperty({ nullable: true, type: Number }) projectSeq: number | null;
  @ApiProperty({ nullable: true, type: String, description: '主管部门' }) competentDepartment: string | null;
  @ApiProperty({ nullable: true, type: String, description: '实施单位' }) executingUnit: string | null;
}

export class EvaluationGoalResponse {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty() title: string;
}

/** 分值 of the four parts of the 自评表. */
export class SectionWeightsResponse {
  @ApiProperty({ example: 10, description: '预算执行率' }) budget: number;
  @ApiProperty({ example: 50, description: '产出指标（含成本指标）' }) output: number;
  @ApiProperty({ example: 30, description: '效益指标' }) benefit: number;
  @ApiProperty({ example: 10, description: '满意度指标' }) satisfaction: number;
}

export class WeightCheckResponse {
  @ApiProperty({ description: '分值合计为 100 且均有效' }) valid: boolean;
  @ApiProperty({ description: '分值合计' }) total: number;
  @ApiProperty({ type: [String], description: '问题说明' }) problems: string[];
}

/** 一致性预警: indicators scored high while the budget is not spent. */
export class ConsistencyWarningResponse {
  @ApiProperty({ enum: ['red', 'green'] }) light: 'red' | 'green';
  @ApiProperty({ description: '偏差度' }) deviation: number;
  @ApiProperty() reason: string;
  @ApiProperty({ description: '判定过程：指标完成率、预算执行率与偏差度的公式与代入的数值' })
  explanation: string;
}

/** A 项目支出绩效自评 or 部门整体支出绩效自评, with every score computed. */
export class SelfEvaluationResponse {
  @ApiProperty({ nullable: true, type: String, description: '尚未保存过为 null' }) id: string | null;
  @ApiProperty({ enum: ['project', 'department'] }) scope: 'project' | 'department';
  @ApiProperty({ nullable: true, type: String }) projectId: string | null;
  @ApiProperty() fiscalYearId: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ enum: SELF_EVALUATION_STATUSES }) status: SelfEvaluationStatus;
  @ApiProperty({ description: '版本号（尚未保存过为 0；修改时回传）' }) version: number;
  @ApiProperty({ nullable: true, type: String, description: '退回原因' }) returnReason: string | null;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) reviewedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
  @ApiProperty({ type: EvaluationHeaderResponse }) header: EvaluationHeaderResponse;
  @ApiProperty({ type: [EvaluationGoalResponse] }) goals: EvaluationGoalResponse[];
  @ApiProperty({ description: '年度总体目标（预期目标）' }) overallTarget: string;
  @ApiProperty({ nullable: true, type: String, description: '实际完成情况' }) overallResult: string | null;
  @ApiProperty({ type: SectionWeightsResponse }) sections: SectionWeightsResponse;
  @ApiProperty({
    type: ScoringProfileSchema,
    description: '计分方案（创建自评时按本部门本年度监控规则保存，之后修改规则不影响本自评的得分）',
  })
  scoringProfile: ScoringProfileSchema;
  @ApiProperty({ type: WeightCheckResponse }) weightCheck: WeightCheckResponse;
  @ApiProperty({ type: EvaluationBudgetResponse }) budget: EvaluationBudgetResponse;
  @ApiProperty({ type: [EvaluationItemResponse] }) items: EvaluationItemResponse[];
  @ApiProperty({ description: '已评指标得分合计' }) indicatorScore: number;
  @ApiProperty({ description: '计分说明：指标得分合计的算式' }) indicatorExplanation: string;
  @ApiProperty({ nullable: true, type: Number, description: '总分（各项均已评分且分值合计为 100）' })
  total: number | null;
  @ApiProperty({ nullable: true, enum: GRADES, description: '等级' }) grade: Grade | null;
  @ApiProperty({ nullable: true, type: String, description: '计分说明：总分与等级的算式；尚无总分为 null' })
  totalExplanation: string | null;
  @ApiProperty({ description: '各项均已评分' }) complete: boolean;
  @ApiProperty({ nullable: true, type: ConsistencyWarningResponse })
  consistency: ConsistencyWarningResponse | null;
}

/** One project line of the department's overview of project evaluations. */
export class EvaluationSummaryResponse {
  @ApiProperty() projectId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ nullable: true, type: String }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SELF_EVALUATION_STATUSES }) status: SelfEvaluationStatus;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: Number }) annualBudgetYuan: number | null;
  @ApiProperty({ nullable: true, type: Number }) executedYuan: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '执行率 %' }) rate: number | null;
  @ApiProperty({ nullable: true, type: Number }) budgetScore: number | null;
  @ApiProperty() indicatorScore: number;
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
  @ApiProperty({ nullable: true, enum: GRADES }) grade: Grade | null;
  @ApiProperty({ nullable: true, type: String, description: '计分说明：总分与等级的算式；尚无总分为 null' })
  totalExplanation: string | null;
  @ApiProperty({ nullable: true, type: String, description: '计分说明：预算执行率得分的算式' })
  budgetExplanation: string | null;
  @ApiProperty() complete: boolean;
  @ApiProperty({ nullable: true, enum: ['red', 'green'], description: '一致性预警' }) consistency:
    'red' | 'green' | null;
  @ApiProperty({ description: '指标数' }) indicators: number;
  @ApiProperty({ description: '达成目标的指标数' }) met: number;
}

export class DepartmentEvaluationResponse {
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ type: SelfEvaluationResponse, description: '部门整体支出绩效自评' })
  overall: SelfEvaluationResponse;
  @ApiProperty({ type: [EvaluationSummaryResponse], description: '各项目自评汇总' })
  projects: EvaluationSummaryResponse[];
}
