import { DEVIATION_REASONS, LIGHTS, LIKELIHOODS, type ReportWarning } from '@jixiao/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { sqlList } from '../../../database/sql-list';
import { Indicator } from '../../goals/entities/indicator.entity';
import { User } from '../../users/entities/user.entity';

/** One indicator's monitoring entry for a period (YYYY-MM): year-to-date actual, forecast, reasons. */
@Entity('progress_reports')
@Unique('uq_progress_reports_indicator_period', ['indicatorId', 'period'])
@Index('ix_progress_reports_period', ['period'])
// The monthly series read by projections, from the index alone: (indicator_id, period) INCLUDE (actual_value,
// forecast_value), which TypeORM cannot describe; created by migration 1764100011000.
@Index('ix_progress_reports_series', { synchronize: false })
@Check('ck_progress_reports_period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_progress_reports_likelihood', `"likelihood" IS NULL OR "likelihood" IN (${sqlList(LIKELIHOODS)})`)
@Check('ck_progress_reports_reasons', `"reasons" <@ ARRAY[${sqlList(DEVIATION_REASONS)}]::text[]`)
@Check('ck_progress_reports_light', `"light" IN (${sqlList(LIGHTS)})`)
export class ProgressReport extends EditableEntity {
  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_progress_reports_indicator' })
  indicator?: Indicator;

  @Column({ type: 'char', length: 7 })
  period: string;

  /** 截至本期完成值 as typed, and as understood (base unit). */
  @Column({ type: 'text' })
  actualRaw: string;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  actualValue: number | null;

  @Column({ type: 'text', nullable: true })
  actualUnit: string | null;

  /** 全年预计完成值 */
  @Column({ type: 'text', nullable: true })
  forecastRaw: string | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  forecastValue: number | null;

  /** 完成目标可能性 */
  @Column({ type: 'varchar', length: 8, nullable: true })
  likelihood: string | null;

  /** 偏差原因 categories */
  @Column({ type: 'text', array: true, default: [] })
  reasons: string[];

  @Column({ type: 'text', nullable: true })
  reasonText: string | null;

  /** 纠偏措施 */
  @Column({ type: 'text', nullable: true })
  correctiveAction: string | null;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  /**
   * Light computed by libs/domain (indicatorStatus) when saved, and again whenever the indicator's target or
   * thresholds change, so it is never stale; 'undetermined' (无法判定) when the target cannot be read.
   */
  @Column({ type: 'varchar', length: 12, default: 'undetermined' })
  light: string;

  @Column({ type: 'text', nullable: true })
  lightReason: string | null;

  /** The rule with the figures filled in (进度值 = 220 ÷ (500 × 6/12) × 100 = 88.0；…); null on rows saved before it. */
  @Column({ type: 'text', nullable: true })
  lightExplanation: string | null;

  /** Progress value v behind the light (one decimal, as explained); null where the light is not a ratio. */
  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  progress: number | null;

  /** What the report may have wrong (libs/domain reportWarnings) when saved; saved anyway. */
  @Column({ type: 'jsonb', default: [] })
  warnings: ReportWarning[];

  /** The lead confirmed the warnings (on submit, acknowledgeWarnings); a save with new warnings resets it. */
  @Column({ type: 'boolean', default: false })
  warningsAcknowledged: boolean;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_progress_reports_updated_by' })
  updater?: User | null;
}
