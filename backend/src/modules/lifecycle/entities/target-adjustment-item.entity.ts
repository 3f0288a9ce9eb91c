import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Indicator } from '../../goals/entities/indicator.entity';
import { TargetAdjustment } from './target-adjustment.entity';

/** One indicator of an adjustment request: its target when proposed and the proposed one with its reading. */
@Entity('target_adjustment_items')
@Unique('uq_target_adjustment_items_indicator', ['adjustmentId', 'indicatorId'])
export class TargetAdjustmentItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_target_adjustment_items' })
  id: string;

  @Column({ type: 'uuid' })
  adjustmentId: string;

  @ManyToOne(() => TargetAdjustment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adjustment_id', foreignKeyConstraintName: 'fk_target_adjustment_items_adjustment' })
  adjustment?: TargetAdjustment;

  @Index('ix_target_adjustment_items_indicator')
  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_target_adjustment_items_indicator' })
  indicator?: Indicator;

  /** The target text when the adjustment was proposed. */
  @Column({ type: 'text' })
  oldTargetRaw: string;

  @Column({ type: 'text' })
  newTargetRaw: string;

  /** libs/domain's reading of the new text (parseTarget, with the indicator's context). */
  @Column({ type: 'json' })
  newTargetParsed: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
