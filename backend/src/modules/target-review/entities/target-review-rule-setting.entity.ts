import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { Department } from '../../departments/entities/department.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A department-year's switch of one target-review rule (docs/domain.md §9): the rule table lives in
 * libs/domain; a row here overrides its default. Switching a rule off needs a reason.
 */
@Entity('target_review_rule_settings')
@Unique('uq_target_review_rule_settings_rule', ['departmentId', 'year', 'ruleId'])
@Check('ck_target_review_rule_settings_year', `"year" BETWEEN 2000 AND 2100`)
@Check('ck_target_review_rule_settings_reason', `"enabled" OR length(btrim("reason")) > 0`)
export class TargetReviewRuleSetting extends EditableEntity {
  @Column({ type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'department_id',
    foreignKeyConstraintName: 'fk_target_review_rule_settings_department',
  })
  department?: Department;

  /** 预算年度 */
  @Column({ type: 'int' })
  year: number;

  /** A rule id of libs/domain's REVIEW_RULES. */
  @Column({ type: 'varchar', length: 64 })
  ruleId: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  /** Why the rule was switched (required to switch it off). */
  @Column({ type: 'text', default: '' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_target_review_rule_settings_updated_by' })
  updater?: User | null;
}
