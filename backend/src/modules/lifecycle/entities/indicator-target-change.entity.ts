import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Indicator } from '../../goals/entities/indicator.entity';
import { User } from '../../users/entities/user.entity';
import { TargetAdjustment } from './target-adjustment.entity';

/**
 * The target history of an indicator (指标值调整记录): one row per approved adjustment, with the target it replaced.
 * Months before `effectiveFrom` are judged against the old target, months from it on against the new one.
 */
@Entity('indicator_target_history')
@Unique('uq_indicator_target_history_effective', ['indicatorId', 'effectiveFrom'])
@Check('ck_indicator_target_history_period', `"effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class IndicatorTargetChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_indicator_target_history' })
  id: string;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_indicator_target_history_indicator' })
  indicator?: Indicator;

  @Column({ type: 'uuid' })
  adjustmentId: string;

  @ManyToOne(() => TargetAdjustment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adjustment_id', foreignKeyConstraintName: 'fk_indicator_target_history_adjustment' })
  adjustment?: TargetAdjustment;

  @Column({ type: 'text' })
  oldTargetRaw: string;

  /** The reading in force before (null when the old text could not be read). */
  @Column({ type: 'json', nullable: true })
  oldTargetParsed: Record<string, unknown> | null;

  @Column({ type: 'text' })
  newTargetRaw: string;

  @Column({ type: 'json' })
  newTargetParsed: Record<string, unknown>;

  /** The first month (YYYY-MM) judged against the new target. */
  @Column({ type: 'char', length: 7 })
  effectiveFrom: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  proposedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'fk_indicator_target_history_proposed_by' })
  proposer?: User;

  @Column({ type: 'timestamptz' })
  proposedAt: Date;

  @Column({ type: 'uuid' })
  approvedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'fk_indicator_target_history_approved_by' })
  approver?: User;

  @Column({ type: 'timestamptz' })
  approvedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
