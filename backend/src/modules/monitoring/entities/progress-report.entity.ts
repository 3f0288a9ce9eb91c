import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { Indicator } from '../../goals/entities/indicator.entity';
import { User } from '../../users/entities/user.entity';

export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export const DEVIATION_REASONS = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export const LIGHTS = ['red', 'yellow', 'green', 'blue', 'grey'] as const;

/** One indicator's monitoring entry for a period (YYYY-MM): year-to-date actual, forecast, reasons. */
@Entity('progress_reports')
@Unique('uq_progress_reports_indicator_period', ['indicatorId', 'period'])
@Index('ix_progress_reports_period', ['period'])
@Check('ck_progress_reports_period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check(
  'ck_progress_reports_likelihood',
  `"likelihood" IS NULL OR "likelihood" IN ('确定能', '有可能', '完全不可能')`,
)
@Check(
  'ck_progress_reports_reasons',
  `"reasons" <@ ARRAY['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他']::text[]`,
)
@Check(
  'ck_progress_reports_light',
  `"light" IS NULL OR "light" IN ('red', 'yellow', 'green', 'blue', 'grey')`,
)
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

  /** Light computed by libs/domain when saved, with its reason. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  light: string | null;

  @Column({ type: 'text', nullable: true })
  lightReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_progress_reports_updated_by' })
  updater?: User | null;
}
