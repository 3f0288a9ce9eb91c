import { ApiProperty } from '@nestjs/swagger';
import {
  DEVIATION_REASONS,
  type Light,
  LIKELIHOODS,
  REPORT_WARNING_CODES,
  type ReportWarningCode,
} from '@jixiao/domain';
import { LIGHT_VALUES } from '../../dashboard/dto/light-counts.response';
import { REPORT_STATUSES, ReportStatus } from '../entities/report-period.entity';

/** A warning on a saved report: saved anyway, to be acknowledged before the month is submitted. */
export class ReportWarningResponse {
  @ApiProperty({
    enum: REPORT_WARNING_CODES,
    description:
      'unit-scale 单位（万/千/亿）与目标不符；far-above-expected 超过应完成值 3 倍；cumulative-decrease 累计数低于上期',
  })
  code: ReportWarningCode;
  @ApiProperty({ example: '累计完成值 90次 低于 6 月填报的 105次，累计数不应减少，请核对' }) message: string;
}

/** The report of an indicator for one period as stored (PUT answer, and `details.current` of its 409). */
export class ProgressReportResponse {
  @ApiProperty() id: string;
  @ApiProperty() indicatorId: string;
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ example: '6500人', description: '截至本期完成值（原文）' }) actualRaw: string;
  @ApiProperty({ nullable: true, type: Number, description: '完成值（目标基本单位）' }) actualValue:
    number | null;
  @ApiProperty({ nullable: true, type: String, description: '完成值的单位' }) actualUnit: string | null;
  @ApiProperty({ nullable: true, type: String, description: '全年预计完成值（原文）' }) forecastRaw:
    string | null;
  @ApiProperty({ nullable: true, type: Number, description: '全年预计完成值（目标基本单位）' })
  forecastValue: number | null;
  @ApiProperty({ nullable: true, type: String, enum: LIKELIHOODS, description: '完成目标可能性' })
  likelihood: string | null;
  @ApiProperty({ enum: DEVIATION_REASONS, isArray: true, example: ['经费保障'], description: '偏差原因' })
  reasons: string[];
  @ApiProperty({ nullable: true, type: String, description: '偏差原因说明' }) reasonText: string | null;
  @ApiProperty({ nullable: true, type: String, description: '纠偏措施' }) correctiveAction: string | null;
  @ApiProperty({ nullable: true, type: String, description: '佐证材料说明' }) evidence: string | null;
  @ApiProperty({
    enum: LIGHT_VALUES,
    description:
      '保存时计算的预警灯（指标值或阈值变更时重新判定）；指标值无法识别为 undetermined（无法判定）',
  })
  light: Light;
  @ApiProperty({ nullable: true, type: String, description: '预警原因' }) lightReason: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '判定过程：公式与代入的数值（早于该字段保存的记录为 null）',
  })
  lightExplanation: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '进度值 v（一位小数）；无比值的指标为 null' })
  progress: number | null;
  @ApiProperty({ type: [ReportWarningResponse], description: '填报提醒（已保存；提交前须确认）' })
  warnings: ReportWarningResponse[];
  @ApiProperty({ description: '提醒已在提交时确认（acknowledgeWarnings）' }) warningsAcknowledged: boolean;
  @ApiProperty({ description: '版本号（修改时回传）' }) version: number;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ nullable: true, type: String, description: '最后修改人 id' }) updatedBy: string | null;
}

export class SavedReportResponse extends ProgressReportResponse {
  @ApiProperty({ enum: REPORT_STATUSES, description: '本期报告状态' }) status: ReportStatus;
  @ApiProperty({
    example: '进度值 = 6500 ÷ (12000 × 6/12) × 100 = 108.3；80 ≤ 108.3 < 120 → 绿灯',
    description: '判定过程：公式与代入的数值',
  })
  explanation: string;
}

/** A project's 执行数 for one period as stored (PUT answer, and `details.current` of its 409). */
export class BudgetExecutionRowResponse {
  @ApiProperty() id: string;
  @ApiProperty() projectId: string;
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ example: 1800000, description: '截至本期执行数（元，年初至今）' }) executedYuan: number;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: '版本号（修改时回传）' }) version: number;
  @ApiProperty() updatedAt: Date;
}

export class SavedBudgetExecutionResponse extends BudgetExecutionRowResponse {
  @ApiProperty({ example: 4660000, description: '当年预算（元）' }) budgetYuan: number;
  @ApiProperty({ nullable: true, type: Number, example: 38.63, description: '执行率 %' }) rate: number | null;
  @ApiProperty({ example: 50, description: '时间进度 % = m ÷ 12 × 100' }) pace: number;
  @ApiProperty({ enum: LIGHT_VALUES, description: '预算执行预警灯（执行率 ÷ 时间进度）' }) light: Light;
  @ApiProperty({ description: '预警原因' }) lightReason: string;
  @ApiProperty({
    example: '预算执行进度值 = 1800000 ÷ (4660000 × 6/12) × 100 = 77.2；60 ≤ 77.2 < 80 → 黄灯',
    description: '判定过程：公式与代入的数值',
  })
  explanation: string;
}

/** A project's (or the department-wide goals') month in the review workflow. */
export class ReportPeriodRowResponse {
  @ApiProperty() id: string;
  @ApiProperty() fiscalYearId: string;
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体目标为 null' }) projectId:
    string | null;
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ enum: REPORT_STATUSES, description: '草稿 / 已提交 / 已审核 / 已退回' })
  status: ReportStatus;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) submittedBy: string | null;
  @ApiProperty({ nullable: true, type: Date }) reviewedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) reviewedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: '退回原因' }) returnReason: string | null;
  @ApiProperty({ description: '版本号（审核操作时回传）' }) version: number;
}

/** A period the admin locked for a whole department-year. */
export class PeriodLockResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ description: '锁定原因' }) reason: string;
  @ApiProperty() lockedAt: Date;
  @ApiProperty({ nullable: true, type: String, description: '锁定人用户名' }) lockedBy: string | null;
}

export class NewPeriodLockResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ description: '锁定原因' }) reason: string;
  @ApiProperty() lockedAt: Date;
}

export class PeriodReleaseResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ enum: [false] }) locked: boolean;
}

/** An uploaded 佐证材料 file. */
export class EvidenceFileResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '培训签到表.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
  @ApiProperty({ description: '字节数' }) sizeBytes: number;
  @ApiProperty({ description: '内容的 SHA-256' }) sha256: string;
  @ApiProperty() createdAt: Date;
}

/** 监控轮次 */
export class MonitoringRoundResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2025年1–7月 绩效监控' }) name: string;
  @ApiProperty({ example: '2025-07', description: '截至月份' }) period: string;
  @ApiProperty({ example: '2025-08-15', description: '填报截止日期' }) deadline: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
  @ApiProperty() version: number;
}

export class ClosedMonitoringRoundResponse extends MonitoringRoundResponse {
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: '关闭时留存的截至月份各指标最近填报与各项目预算执行',
  })
  snapshot: Record<string, unknown> | null;
}
