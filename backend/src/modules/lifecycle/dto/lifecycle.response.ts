import { ApiProperty } from '@nestjs/swagger';
import {
  ADJUSTMENT_STATUSES,
  TREE_STATUSES,
  type AdjustmentStatus,
  type TreeRole,
  type TreeStatus,
} from '@jixiao/domain';
import { TargetResponse } from '../../projects/dto/goal-tree.response';

const TREE_ROLES: TreeRole[] = ['writer', 'reviewer', 'admin', 'reader'];

/** A tree's lifecycle state (申报 → 批复), and the caller's part in it. */
export class TreeStateResponse {
  @ApiProperty({ enum: TREE_STATUSES, description: 'draft 草稿 / submitted 已申报 / approved 已批复' })
  status: TreeStatus;
  @ApiProperty({ description: '版本号（尚无状态记录的草稿为 0）' }) version: number;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) reviewedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: '最近一次退回的原因' }) returnReason:
    string | null;
  @ApiProperty({
    enum: TREE_ROLES,
    description:
      '调用者的角色：writer 项目负责人或部门整体填报人 / reviewer 部门领导 / admin 绩效管理员 / reader 只读',
  })
  role: TreeRole;
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体为 null' }) projectId:
    string | null;
}

export class AdjustmentItemResponse {
  @ApiProperty() indicatorId: string;
  @ApiProperty({ example: '城镇新增就业人数' }) indicatorName: string;
  @ApiProperty({ example: '≥90%', description: '申请时的指标值' }) oldTargetRaw: string;
  @ApiProperty({ example: '≥95%', description: '调整后的指标值' }) newTargetRaw: string;
  @ApiProperty({ type: TargetResponse, description: '调整后指标值的结构化理解' }) newTarget: TargetResponse;
}

/** 调整申请 with its items. */
export class AdjustmentResponse {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: '项目 id；部门整体为 null' }) projectId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) projectName: string | null;
  @ApiProperty({
    enum: ADJUSTMENT_STATUSES,
    description: 'submitted 待审批 / approved 已批准 / returned 已退回',
  })
  status: AdjustmentStatus;
  @ApiProperty({ description: '调整原因' }) reason: string;
  @ApiProperty({ example: '2025-07', description: '生效月份' }) effectiveFrom: string;
  @ApiProperty({ nullable: true, type: String }) proposedByName: string | null;
  @ApiProperty() proposedAt: Date;
  @ApiProperty({ nullable: true, type: String }) reviewedByName: string | null;
  @ApiProperty({ nullable: true, type: Date }) reviewedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) returnReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: [AdjustmentItemResponse] }) items: AdjustmentItemResponse[];
}

/** A tree's state with its adjustments: what the project and 部门整体 pages show. */
export class TreeLifecycleResponse extends TreeStateResponse {
  @ApiProperty({ type: [AdjustmentResponse], description: '该绩效目标的调整申请（最新在前）' })
  adjustments: AdjustmentResponse[];
}
