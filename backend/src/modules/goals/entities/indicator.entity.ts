import { ACCUMULATIONS, CONFIDENCES, DIRECTIONS, OPERATORS } from '@jixiao/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { sqlList } from '../../../database/sql-list';
import { Goal } from './goal.entity';
import { IndicatorNode } from './indicator-node.entity';

/**
 * A 三级指标: the raw published target (指标值) beside its structured reading (性质, value, unit, direction).
 * The structured columns mirror libs/domain's Target; `target_corrected` marks an admin's correction.
 */
@Entity('indicators')
@Unique('uq_indicators_goal_seq', ['goalId', 'seq'])
@Check('ck_indicators_operator', `"target_operator" IS NULL OR "target_operator" IN (${sqlList(OPERATORS)})`)
@Check(
  'ck_indicators_direction',
  `"target_direction" IS NULL OR "target_direction" IN (${sqlList(DIRECTIONS)})`,
)
@Check(
  'ck_indicators_accumulation',
  `"target_accumulation" IS NULL OR "target_accumulation" IN (${sqlList(ACCUMULATIONS)})`,
)
@Check(
  'ck_indicators_confidence',
  `"target_confidence" IS NULL OR "target_confidence" IN (${sqlList(CONFIDENCES)})`,
)
@Check(
  'ck_indicators_structured',
  `("target_operator" IS NULL) = ("target_direction" IS NULL) AND ("target_operator" IS NULL) = ("target_accumulation" IS NULL) AND ("target_operator" IS NULL) = ("target_confidence" IS NULL)`,
)
@Check(
  'ck_indicators_between',
  `"target_operator" <> 'between' OR ("target_min" IS NOT NULL AND "target_max" IS NOT NULL AND "target_min" <= "target_max")`,
)
@Check('ck_indicators_weight', `"weight" IS NULL OR ("weight" >= 0 AND "weight" <= 100)`)
@Index('ix_indicators_carried_from', ['carriedFromId'], { where: `"carried_from_id" IS NOT NULL` })
@Index('ix_indicators_pending_proposal', ['goalId'], { where: `"target_proposal" IS NOT NULL` })
@Check(
  'ck_indicators_target_proposal',
  `"target_proposal" IS NULL OR (jsonb_typeof("target_proposal") = 'object' AND "target_proposal" ? 'basis' AND "target_proposal" ? 'from')`,
)
export class Indicator extends EditableEntity {
  @Column({ type: 'uuid' })
  goalId: string;

  @ManyToOne(() => Goal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'fk_indicators_goal' })
  goal?: Goal;

  /** The 二级 node this indicator hangs under. */
  @Index('ix_indicators_node')
  @Column({ type: 'uuid' })
  nodeId: string;

  @ManyToOne(() => IndicatorNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'node_id', foreignKeyConstraintName: 'fk_indicators_node' })
  node?: IndicatorNode;

  /** Document order inside the goal. */
  @Column({ type: 'int' })
  seq: number;

  /** 三级指标 name */
  @Column({ type: 'text' })
  name: string;

  /** 指标值 exactly as published. */
  @Column({ type: 'text' })
  targetRaw: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  targetOperator: string | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  targetValue: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  targetMin: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  targetMax: number | null;

  /** Base unit without multiplier ('%', '人', '元' …). */
  @Column({ type: 'text', nullable: true })
  targetUnit: string | null;

  @Column({ type: 'date', nullable: true })
  targetDeadline: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  targetDirection: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  targetAccumulation: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  targetConfidence: string | null;

  @Column({ type: 'text', nullable: true })
  targetNote: string | null;

  /** The full structured reading (including 'all-of' parts), as libs/domain returned or the admin corrected it. */
  @Column({ type: 'json', nullable: true })
  targetParsed: Record<string, unknown> | null;

  @Column({ type: 'boolean', default: false })
  targetCorrected: boolean;

  /** 计量单位 as published, when the table has its own column. */
  @Column({ type: 'text', nullable: true })
  unit: string | null;

  /** 指标值确定依据 */
  @Column({ type: 'text', nullable: true })
  basis: string | null;

  /** 前年 value, annual tables only */
  @Column({ type: 'text', nullable: true })
  prev2Raw: string | null;

  /** 上年 value, annual tables only */
  @Column({ type: 'text', nullable: true })
  prev1Raw: string | null;

  /** 预计当年实现 */
  @Column({ type: 'text', nullable: true })
  expectedRaw: string | null;

  /** Self-evaluation weight (分值) set by the admin; null = equal split inside its section. */
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  weight: number | null;

  /** Per-indicator light thresholds overriding the department's settings. */
  @Column({ type: 'jsonb', nullable: true })
  thresholds: Record<string, number> | null;

  /** Set when a later import no longer held the indicator: hidden from the year's views, kept with its history. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** The row of the previous year this one was carried forward from (结转), null otherwise. */
  @Column({ type: 'uuid', nullable: true })
  carriedFromId: string | null;

  @ManyToOne(() => Indicator, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carried_from_id', foreignKeyConstraintName: 'fk_indicators_carried_from' })
  carriedFrom?: Indicator | null;

  /**
   * Next year's target proposed from this year's actual (结转), awaiting the lead's confirmation: what it was
   * proposed from and why (basis, from, actual, actualPeriod). Null once confirmed, or never proposed.
   */
  @Column({ type: 'jsonb', nullable: true })
  targetProposal: Record<string, unknown> | null;
}
