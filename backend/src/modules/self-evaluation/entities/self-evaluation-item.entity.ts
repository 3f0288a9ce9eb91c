import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { Indicator } from '../../goals/entities/indicator.entity';
import { SelfEvaluation } from './self-evaluation.entity';

/** One 三级指标 line of a self-evaluation: final actual, weight (分值), score (得分), 偏差原因分析及改进措施. */
@Entity('self_evaluation_items')
@Unique('uq_self_evaluation_items_indicator', ['selfEvaluationId', 'indicatorId'])
@Check('ck_self_evaluation_items_score', `"score" IS NULL OR ("score" >= 0 AND "score" <= "weight")`)
@Check('ck_self_evaluation_items_weight', `"weight" >= 0 AND "weight" <= 100`)
@Check(
  'ck_self_evaluation_items_weight_override',
  `"weight_override" IS NULL OR ("weight_override" >= 0 AND "weight_override" <= 100)`,
)
@Check(
  'ck_self_evaluation_items_picked_score',
  `"picked_score" IS NULL OR ("picked_score" >= 0 AND "picked_score" <= 100)`,
)
@Check(
  'ck_self_evaluation_items_actual_from',
  `"actual_from_period" IS NULL OR "actual_from_period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`,
)
export class SelfEvaluationItem extends EditableEntity {
  @Column({ type: 'uuid' })
  selfEvaluationId: string;

  @ManyToOne(() => SelfEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'self_evaluation_id', foreignKeyConstraintName: 'fk_self_evaluation_items_evaluation' })
  selfEvaluation?: SelfEvaluation;

  // Checked when an indicator without items is deleted (ON DELETE RESTRICT): items are never deleted with it.
  @Index('ix_self_evaluation_items_indicator')
  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_self_evaluation_items_indicator' })
  indicator?: Indicator;

  /** 实际完成值; null while a draft takes the year's last progress report. */
  @Column({ type: 'text', nullable: true })
  actualRaw: string | null;

  /** The progress report period `actual_raw` was taken from at submission; null = entered by the lead. */
  @Column({ type: 'char', length: 7, nullable: true })
  actualFromPeriod: string | null;

  /** 分值 as assigned when last saved (the admin's, or an equal share of the section). */
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numericTransformer })
  weight: number;

  /** 分值 set by the admin for this evaluation; null = the indicator's weight or an equal share. */
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  weightOverride: number | null;

  /** 得分 as computed when last saved. */
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  score: number | null;

  /** The evaluator's score inside the band of a 定性 (judged) indicator. */
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  pickedScore: number | null;

  @Column({ type: 'text', nullable: true })
  deviationAnalysis: string | null;
}
