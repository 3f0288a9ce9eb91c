import type { RuleSettings } from '@jixiao/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A department-year's 监控规则 (docs/domain.md "Rules as settings"): libs/domain's RuleSettings as one JSON object,
 * validated by libs/domain before it is written. No row: the national defaults.
 */
@Entity('monitoring_rule_settings')
@Unique('uq_monitoring_rule_settings_fiscal_year', ['fiscalYearId'])
@Check(
  'ck_monitoring_rule_settings_settings',
  `jsonb_typeof("settings") = 'object' AND "settings" ?& ARRAY['thresholds', 'budgetCheckpoints', 'consistencyGap', 'projectLight', 'reasonLights', 'overCompletionFrom', 'scoring'] AND "settings"->>'projectLight' IN ('indicators', 'worst', 'dual')`,
)
export class MonitoringRuleSetting extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_monitoring_rule_settings_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'jsonb' })
  settings: RuleSettings;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_monitoring_rule_settings_updated_by' })
  updater?: User | null;
}
