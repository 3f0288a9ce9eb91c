import { ApiProperty } from '@nestjs/swagger';
import { DEVIATION_REASONS, type Light, LIKELIHOODS } from '@jixiao/domain';
import { LIGHT_VALUES } from '../../dashboard/dto/light-counts.response';
import { DepartmentRefResponse } from '../../dashboard/dto/dashboard.response';
import { REPORT_STATUSES, ReportStatus } from '../entities/report-period.entity';
import { EvidenceFileResponse } from './monitoring.response';
import { TargetChangeResponse } from '../../projects/dto/goal-tree.response';

/** The indicator a history is of, with where it sits. */
export class IndicatorHistoryIndicatorResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '劳动监察日常巡查次数' }) name: string;
  @ApiProperty({ example: '一级：产出指标' }) level1: string;
  @ApiProperty({ example: '数量指标' }) level2: string;
  @ApiProperty({ example: '≥120次', description: '指标值（原文）' }) targetRaw: string;
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体指标为 null' }) projectId:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: '项目名称；部门整体指标为 null' }) projectName:
    string | null;
  @ApiProperty({ type: DepartmentRefResponse }) department: DepartmentRefResponse;
  @ApiProperty({ example: 2025 }) year: number;
}

/** One month of an indicator: the report as entered, its light, and the month's workflow state. */
export class IndicatorHistoryMonthResponse {
  @ApiProperty({ example: '2025-06' }) period: string;
  @ApiProperty({ nullable: true, enum: REPORT_STATUSES, description: '本月报告状态；null 为尚未填报' })
  status: ReportStatus | null;
  @ApiProperty({ nullable: true, type: String, description: '退回原因' }) returnReason: string | null;
  @ApiProperty({ example: '2025-07-10', description: '填报截止日' }) dueDate: string;
  @ApiProperty({ description: '已过截止日且未提交' }) overdue: boolean;
  @ApiProperty({ description: '本月有该指标的填报' }) reported: boolean;
  @ApiProperty({ nullable: true, type: String, description: '截至本月完成值（原文）' }) actualRaw:
    string | null;
  @ApiProperty({ nullable: true, type: Number, description: '完成值（目标基本单位）' }) actualValue:
    number | null;
  @ApiProperty({ nullable: true, type: String, description: '全年预计完成值（原文）' }) forecastRaw:
    string | null;
  @ApiProperty({ nullable: true, type: String, enum: LIKELIHOODS, description: '完成目标可能性' })
  likelihood: string | null;
  @ApiProperty({ enum: LIGHT_VALUES, description: '预警灯；未填报为 grey' }) light: Light;
  @ApiProperty({ nullable: true, type: String, description: '预警原因' }) lightReason: string | null;
  @ApiProperty({ description: '判定过程：公式与代入的数值' }) explanation: string;
  @ApiProperty({ nullable: true, type: Number, description: '进度值 v' }) progress: number | null;
  @ApiProperty({ enum: DEVIATION_REASONS, isArray: true, description: '偏差原因' }) reasons: string[];
  @ApiProperty({ nullable: true, type: String, description: '偏差原因说明' }) reasonText: string | null;
  @ApiProperty({ nullable: true, type: String, description: '纠偏措施' }) correctiveAction: string | null;
  @ApiProperty({ nullable: true, type: String, description: '佐证材料说明' }) evidence: string | null;
  @ApiProperty({ type: [EvidenceFileResponse], description: '佐证材料文件（GET /api/evidence/:id 下载）' })
  files: EvidenceFileResponse[];
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
}

/** GET /indicators/:id/history: an indicator's year month by month. */
export class IndicatorHistoryResponse {
  @ApiProperty({ type: IndicatorHistoryIndicatorResponse }) indicator: IndicatorHistoryIndicatorResponse;
  @ApiProperty({
    type: [IndicatorHistoryMonthResponse],
    description: '1 月起至今（往年至 12 月），按月份排列',
  })
  months: IndicatorHistoryMonthResponse[];
  @ApiProperty({
    type: [TargetChangeResponse],
    description: '指标值调整记录（已批准的调整，按生效月份排列）：生效月份之前各月按原指标值判定',
  })
  targetHistory: TargetChangeResponse[];
}
