import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Accumulation,
  type Confidence,
  CONFIDENCES,
  DIRECTIONS,
  ACCUMULATIONS,
  DEVIATION_REASONS,
  type Direction,
  LIKELIHOODS,
  type Light,
  type Operator,
  OPERATORS,
} from '@jixiao/domain';
import { LIGHT_VALUES } from '../../dashboard/dto/light-counts.response';
import { ProjectionResponse } from '../../dashboard/dto/projection.response';
import { ReportWarningResponse } from '../../monitoring/dto/monitoring.response';

/** 指标值 as structured by libs/domain parseTarget (or as corrected by an admin). */
export class TargetResponse {
  @ApiProperty({ example: '≥90%', description: '原文' }) raw: string;
  @ApiProperty({
    enum: OPERATORS,
    description: '性质',
  })
  operator: Operator;
  @ApiPropertyOptional({ example: 90, description: '目标值（基本单位，万、亿已展开）' }) value?: number;
  @ApiPropertyOptional({ description: '区间下限' }) min?: number;
  @ApiPropertyOptional({ description: '区间上限' }) max?: number;
  @ApiPropertyOptional({ example: '%', description: '基本计量单位' }) unit?: string;
  @ApiPropertyOptional({ example: '2025-12-31', description: '完成时限' }) deadline?: string;
  @ApiPropertyOptional({ type: () => [TargetResponse], description: '多项要求的各项' })
  parts?: TargetResponse[];
  @ApiProperty({ enum: DIRECTIONS, description: '正向 / 反向 / 等于标准 / 定性' })
  direction: Direction;
  @ApiProperty({
    enum: ACCUMULATIONS,
    description: '累计方式',
  })
  accumulation: Accumulation;
  @ApiProperty({ enum: CONFIDENCES, description: '解读把握' })
  confidence: Confidence;
  @ApiPropertyOptional({ description: '解读说明' }) note?: string;
}

/** The latest monitoring report of an indicator up to the month (截至月份). */
export class LatestReportResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ example: '6500人', description: '截至本期完成值（原文）' }) actualRaw: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 6500,
    description: '完成值（目标基本单位）；定性为 null',
  })
  actualValue: number | null;
  @ApiProperty({ nullable: true, type: String, description: '全年预计完成值（原文）' }) forecastRaw:
    string | null;
  @ApiProperty({ nullable: true, type: Number, description: '全年预计完成值（目标基本单位）' })
  forecastValue: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: LIKELIHOODS,
    description: '完成目标可能性',
  })
  likelihood: string | null;
  @ApiProperty({ nullable: true, enum: LIGHT_VALUES, description: '该期填报保存时计算的预警灯' })
  light: Light | null;
  @ApiProperty({ nullable: true, type: String }) lightReason: string | null;
  @ApiProperty({ nullable: true, type: String, description: '判定过程：公式与代入的数值' }) explanation:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['draft', 'submitted', 'approved', 'returned'],
    description: '该期报告状态（草稿 / 已提交 / 已审核 / 已退回）',
  })
  status: string | null;
  @ApiProperty({ example: 1, description: '版本号（修改时回传，用于并发控制）' }) version: number;
  @ApiProperty({ enum: DEVIATION_REASONS, isArray: true, example: ['经费保障'], description: '偏差原因' })
  reasons: string[];
  @ApiProperty({ nullable: true, type: String, description: '偏差原因说明' }) reasonText: string | null;
  @ApiProperty({ nullable: true, type: String, description: '纠偏措施' }) correctiveAction: string | null;
  @ApiProperty({ nullable: true, type: String, description: '佐证材料说明' }) evidence: string | null;
  @ApiProperty({ type: [ReportWarningResponse], description: '填报提醒（提交前须确认）' })
  warnings: ReportWarningResponse[];
  @ApiProperty({ description: '提醒已在提交时确认' }) warningsAcknowledged: boolean;
  @ApiProperty() updatedAt: Date;
}

export class HistoryPointResponse {
  @ApiProperty({ example: '2025-03' }) period: string;
  @ApiProperty({ nullable: true, type: String, description: '完成值（原文）；未填报为 null' }) actualRaw:
    string | null;
  @ApiProperty({ nullable: true, type: Number, description: '完成值（目标基本单位）' }) actualValue:
    number | null;
  @ApiProperty({ enum: LIGHT_VALUES }) light: Light;
  @ApiProperty({ description: '判定过程：公式与代入的数值' }) explanation: string;
}

/** The indicator's report before the month (上期), for the review's comparison. */
export class PreviousReportResponse {
  @ApiProperty({ example: '2025-06', description: '上期填报月份（截至月份之前最近一期）' }) period: string;
  @ApiProperty({ example: '105', description: '上期完成值（原文）' }) actualRaw: string;
  @ApiProperty({ nullable: true, type: Number, example: 105, description: '上期完成值（目标基本单位）' })
  actualValue: number | null;
}

/** An indicator's own light thresholds (lower bounds of v), over the defaults 60 / 80 / 120. */
export class ThresholdsResponse {
  @ApiProperty({ example: 60, description: '黄灯起点' }) yellowFrom: number;
  @ApiProperty({ example: 80, description: '绿灯起点' }) greenFrom: number;
  @ApiProperty({ example: 120, description: '蓝灯起点' }) blueFrom: number;
}

/** One approved adjustment of an indicator's target (指标值调整记录). */
export class TargetChangeResponse {
  @ApiProperty() adjustmentId: string;
  @ApiProperty({ example: '≥90%', description: '原指标值' }) oldTargetRaw: string;
  @ApiProperty({ example: '≥95%', description: '调整后的指标值' }) newTargetRaw: string;
  @ApiProperty({ example: '2025-07', description: '生效月份：此前各月按原指标值判定' }) effectiveFrom: string;
  @ApiProperty({ description: '调整原因' }) reason: string;
  @ApiProperty({ nullable: true, type: String, description: '申请人' }) proposedByName: string | null;
  @ApiProperty() proposedAt: Date;
  @ApiProperty({ nullable: true, type: String, description: '批准人' }) approvedByName: string | null;
  @ApiProperty() approvedAt: Date;
}

/** A 三级指标 with its target, its latest report and its light as of the month. */
export class IndicatorResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: '在目标内的顺序' }) seq: number;
  @ApiProperty({ example: '城镇新增就业人数', description: '三级指标' }) name: string;
  @ApiProperty({ example: '1.2 万人/年', description: '指标值（原文）' }) targetRaw: string;
  @ApiProperty({ nullable: true, type: TargetResponse, description: '结构化指标值' })
  target: TargetResponse | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: CONFIDENCES,
    description: '指标值解读把握',
  })
  confidence: string | null;
  @ApiProperty({ nullable: true, type: String, description: '计量单位（原表）' }) unit: string | null;
  @ApiProperty({ nullable: true, type: String, example: '历史数据', description: '指标值确定依据' }) basis:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: '前年指标值' }) prev2: string | null;
  @ApiProperty({ nullable: true, type: String, description: '上年指标值' }) prev1: string | null;
  @ApiProperty({ nullable: true, type: String, description: '预计当年实现' }) expected: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '分值' }) weight: number | null;
  @ApiProperty({ description: '版本号' }) version: number;
  @ApiProperty({ description: '已归档（导入的新版本不再包含；历史数据保留）' }) archived: boolean;
  @ApiProperty({ description: '是否参与年度监控（年度目标的指标）' }) monitored: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '截至本月应完成值（目标基本单位）' })
  expectedByNow: number | null;
  @ApiProperty({ nullable: true, type: LatestReportResponse, description: '截至月份及之前最近一期填报' })
  latestReport: LatestReportResponse | null;
  @ApiProperty({
    nullable: true,
    type: PreviousReportResponse,
    description: '截至月份之前最近一期填报（上期）；长期目标为 null',
  })
  previousReport: PreviousReportResponse | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: -15,
    description: '本期较上期完成值的变化（本期 − 上期，目标基本单位）；任一期未填报或非数值为 null',
  })
  change: number | null;
  @ApiProperty({
    nullable: true,
    enum: LIGHT_VALUES,
    description: '截至月份的预警灯；该月未填报为灰灯；长期目标为 null',
  })
  light: Light | null;
  @ApiProperty({ example: '进度值 108.3 达到 80（绿灯）' }) lightReason: string;
  @ApiProperty({
    example: '进度值 = 6500 ÷ (12000 × 6/12) × 100 = 108.3；80 ≤ 108.3 < 120 → 绿灯',
    description: '判定过程：公式与代入的数值（悬停预警灯可见）',
  })
  explanation: string;
  @ApiProperty({ nullable: true, type: Number, example: 108.3, description: '进度值 v（一位小数）' })
  progress: number | null;
  @ApiProperty({
    type: ThresholdsResponse,
    description: '该指标实际使用的预警阈值（指标自设阈值覆盖默认值）；填报预览须用同一阈值',
  })
  thresholds: ThresholdsResponse;
  @ApiProperty({
    nullable: true,
    type: ProjectionResponse,
    description:
      '年末预测（预计值、区间、方法、预计年末预警灯与推算过程）；定性、时限、多项要求、尚无数值填报的指标与长期目标为 null',
  })
  projection: ProjectionResponse | null;
  @ApiProperty({
    type: [HistoryPointResponse],
    description: '1 月至截至月份每月的完成值与预警灯（迷你走势图）',
  })
  history: HistoryPointResponse[];
  @ApiProperty({
    type: [TargetChangeResponse],
    description: '指标值调整记录（已批准的调整申请，按生效月份排列）；未调整为空',
  })
  targetHistory: TargetChangeResponse[];
}

export class Level2NodeResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '数量指标', description: '二级指标' }) name: string;
  @ApiProperty({ type: [IndicatorResponse] }) indicators: IndicatorResponse[];
}

export class Level1NodeResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '产出指标', description: '一级指标' }) name: string;
  @ApiProperty({ type: [Level2NodeResponse] }) children: Level2NodeResponse[];
}

/** A goal (长期 / 年度绩效目标) with its indicator tree 一级 › 二级 › 三级. */
export class GoalResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['long', 'annual'], description: 'long 长期目标 / annual 年度目标' }) term:
    'long' | 'annual';
  @ApiProperty() seq: number;
  @ApiProperty({ example: '年度绩效目标 1', description: '目标名称' }) label: string;
  @ApiProperty({ description: '目标内容' }) title: string;
  @ApiProperty({ description: '版本号（修改目标时回传）' }) version: number;
  @ApiProperty({ description: '已归档（导入的新版本不再包含；历史数据保留）' }) archived: boolean;
  @ApiProperty({ type: [Level1NodeResponse] }) indicators: Level1NodeResponse[];
}
