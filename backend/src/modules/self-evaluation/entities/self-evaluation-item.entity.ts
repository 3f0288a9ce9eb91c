import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { Indicator } from '../../goals/entities/indicator.entity';
import { SelfEvaluation } from './self-evaluation.entity';

/** One 三级指标 line of a self-evaluation: final actual, weight (分值), score (得分), 偏差原因分析及改进措施. */
@Entity('self_evaluation_items')
@Unique('uq_self_evaluation_items_indicator', ['selfEvaluationId', 'indicatorId'])
@Check('ck_self_evaluation_items_score', `"score" IS NULL OR ("score" >= 0 AND "score" <= "weight")`)
@Check('ck_self_evaluation_items_weight', `"weight" >= 0 AND "weight" <= 100`)
export class SelfEvaluationItem extends EditableEntity {
  @Column({ type: 'uuid' })
  selfEvaluationId: string;

  @ManyToOne(() => SelfEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'self_evaluation_id', foreignKeyConstraintName: 'fk_self_evaluation_items_evaluation' })
  selfEvaluation?: SelfEvaluation;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_self_evaluation_items_indicator' })
  indicator?: Indicator;

  /** 实际完成值 */
  @Column({ type: 'text', nullable: true })
  actualRaw: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numericTransformer })
  weight: number;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  score: number | null;

  @Column({ type: 'text', nullable: true })
  deviationAnalysis: string | null;
}
