import type { AdjustmentStatus } from '@jixiao/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { Project } from '../../projects/entities/project.entity';
import { User } from '../../users/entities/user.entity';

/** An adjustment request (调整申请) of an approved tree's targets: proposed with a reason, approved or returned. */
@Entity('target_adjustments')
@Index('ix_target_adjustments_year_status', ['fiscalYearId', 'status'])
@Check('ck_target_adjustments_status', `"status" IN ('submitted', 'approved', 'returned')`)
@Check('ck_target_adjustments_period', `"effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_target_adjustments_reason', `length(btrim("reason")) > 0`)
@Check('ck_target_adjustments_return_reason', `"status" <> 'returned' OR "return_reason" IS NOT NULL`)
export class TargetAdjustment extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_target_adjustments_fiscal_year' })
  fiscalYear?: FiscalYear;

  /** The project whose tree is adjusted; null for the department-wide tree. */
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_target_adjustments_project' })
  project?: Project | null;

  @Column({ type: 'varchar', length: 16, default: 'submitted' })
  status: AdjustmentStatus;

  /** 调整原因 */
  @Column({ type: 'text' })
  reason: string;

  /** The first month (YYYY-MM) judged against the new targets. */
  @Column({ type: 'char', length: 7 })
  effectiveFrom: string;

  @Column({ type: 'uuid' })
  proposedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'fk_target_adjustments_proposed_by' })
  proposer?: User;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_target_adjustments_reviewed_by' })
  reviewer?: User | null;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;
}
