import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';

/**
 * A named monitoring round (e.g. 2025年1–7月 绩效监控) opened by the admin with a deadline; closing it
 * snapshots every annual indicator's report and every project's budget execution as of its month.
 */
@Entity('monitoring_rounds')
@Unique('uq_monitoring_rounds_year_name', ['fiscalYearId', 'name'])
@Check('ck_monitoring_rounds_period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_monitoring_rounds_status', `"status" IN ('open', 'closed')`)
@Check('ck_monitoring_rounds_closed', `("status" = 'closed') = ("snapshot" IS NOT NULL)`)
export class MonitoringRound extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_monitoring_rounds_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'text' })
  name: string;

  /** The month the round covers (截至 YYYY-MM). */
  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: 'open' | 'closed';

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ type: 'json', nullable: true })
  snapshot: Record<string, unknown> | null;
}
