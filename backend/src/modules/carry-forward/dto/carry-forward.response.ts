import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROPOSAL_BASES } from '@jixiao/domain';
import { TargetResponse } from '../../projects/dto/goal-tree.response';

export class ProposalCountsResponse {
  @ApiProperty({ description: '建议的年度指标值（待负责人确认）' }) total: number;
  @ApiProperty({ description: '其中与本年度指标值不同的' }) changed: number;
  @ApiProperty({
    description: '按建议依据计数',
    type: 'object',
    properties: Object.fromEntries(PROPOSAL_BASES.map((b) => [b, { type: 'integer' }])),
    required: [...PROPOSAL_BASES],
  })
  byBasis: Record<(typeof PROPOSAL_BASES)[number], number>;
}

/** What a carry-forward (结转) created. */
export class CarryForwardResponse {
  @ApiProperty({ example: '031' }) departmentCode: string;
  @ApiProperty({ example: 2025, description: '结转自' }) fromYear: number;
  @ApiProperty({ example: 2026, description: '新建的预算年度' }) year: number;
  @ApiProperty() fiscalYearId: string;
  @ApiProperty({ description: '复制的项目数' }) projects: number;
  @ApiProperty({ description: '复制的资金来源数' }) fundingSources: number;
  @ApiProperty({ description: '沿用的项目负责人指派数' }) assignments: number;
  @ApiProperty({ description: '复制的绩效目标数（含部门整体）' }) goals: number;
  @ApiProperty({ description: '复制的三级指标数' }) indicators: number;
  @ApiProperty({ type: ProposalCountsResponse }) proposals: ProposalCountsResponse;
}

export class StoredProposalResponse {
  @ApiProperty({ enum: PROPOSAL_BASES, description: '建议依据' }) basis: (typeof PROPOSAL_BASES)[number];
  @ApiProperty({ description: '上一年度的指标值' }) from: string;
  @ApiProperty({ nullable: true, type: String, description: '上一年度最后一次填报的完成值' })
  actual: string | null;
  @ApiProperty({ nullable: true, type: String, description: '该完成值的月份' }) actualPeriod: string | null;
}

/** A proposed target awaiting its lead's confirmation. */
export class PendingProposalResponse {
  @ApiProperty() indicatorId: string;
  @ApiProperty({ description: '指标版本号（确认时提交）' }) version: number;
  @ApiProperty({ nullable: true, type: String }) projectId: string | null;
  @ApiProperty({ description: '项目名称；部门整体目标为“部门整体”' }) projectName: string;
  @ApiProperty() goalLabel: string;
  @ApiProperty() level1: string;
  @ApiProperty() level2: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '建议的指标值' }) target: string;
  @ApiProperty({ nullable: true, type: String, description: '上年（上一年度的完成值）' }) prev1:
    string | null;
  @ApiProperty({ type: StoredProposalResponse }) proposal: StoredProposalResponse;
}

/** The indicator after its proposal was confirmed. */
export class ProposalConfirmationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: '指标的新版本号' }) version: number;
  @ApiProperty({ description: '确认后的指标值' }) target: string;
  @ApiPropertyOptional({ type: TargetResponse, nullable: true }) reading: TargetResponse | null;
}
