import { REVIEW_STATUSES, type ReviewStatus, type ScoringProfile } from '@jixiao/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { Project } from '../../projects/entities/project.entity';
import { User } from '../../users/entities/user.entity';

// The review workflow's states, declared once in libs/domain (the CHECK below lists the same values).
export const SELF_EVALUATION_STATUSES = REVIEW_STATUSES;
export type SelfEvaluationStatus = ReviewStatus;

/** 绩效自评 of a project (or the department as a whole, project null) for its fiscal year. */
@Entity('self_evaluations')
@Index('uq_self_evaluations_project', ['projectId'], { unique: true, where: `"project_id" IS NOT NULL` })
@Index('uq_self_evaluations_overall', ['fiscalYearId'], { unique: true, where: `"project_id" IS NULL` })
@Check('ck_self_evaluations_status', `"status" IN ('draft', 'submitted', 'approved', 'returned')`)
@Check('ck_self_evaluations_grade', `"grade" IS NULL OR "grade" IN ('优', '良', '中', '差')`)
@Check('ck_self_evaluations_budget_weight', `"budget_weight" >= 0 AND "budget_weight" <= 100`)
@Check(
  'ck_self_evaluations_section_weights',
  `"output_weight" >= 0 AND "output_weight" <= 100 AND "benefit_weight" >= 0 AND "benefit_weight" <= 100 AND "satisfaction_weight" >= 0 AND "satisfaction_weight" <= 100`,
)
@Check(
  'ck_self_evaluations_scoring_profile',
  `"scoring_profile" IS NULL OR jsonb_typeof("scoring_profile") = 'object'`,
)
@Check('ck_self_evaluations_return_reason', `"status" <> 'returned' OR "return_reason" IS NOT NULL`)
@Check(
  'ck_self_evaluations_executed_from',
  `"executed_from_period" IS NULL OR "executed_from_period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`,
)
export class SelfEvaluation extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_self_evaluations_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_self_evaluations_project' })
  project?: Project | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: SelfEvaluationStatus;

  /** 全年预算数 */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  annualBudgetYuan: number | null;

  /** 全年执行数 */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  executedYuan: number | null;

  /** 全年执行数 taken from this period's budget execution when the evaluation was submitted; null = entered. */
  @Column({ type: 'char', length: 7, nullable: true })
  executedFromPeriod: string | null;

  /** 分值 of the sections: 预算执行率, 产出 (with 成本), 效益, 满意度; the admin may change them. */
  @Column({ type: 'numeric', precision: 6, scale: 2, default: 10, transformer: numericTransformer })
  budgetWeight: number;

  @Column({ type: 'numeric', precision: 6, scale: 2, default: 50, transformer: numericTransformer })
  outputWeight: number;

  @Column({ type: 'numeric', precision: 6, scale: 2, default: 30, transformer: numericTransformer })
  benefitWeight: number;

  @Column({ type: 'numeric', precision: 6, scale: 2, default: 10, transformer: numericTransformer })
  satisfactionWeight: number;

  /**
   * The scoring profile (反向 formula, 定性 bands, rounding, grade bands) of the department-year's rules when the
   * evaluation was created, kept so its score reads the same after the rules change; null: the national profile.
   */
  @Column({ type: 'jsonb', nullable: true })
  scoringProfile: ScoringProfile | null;

  /** 年度总体目标 实际完成情况 */
  @Column({ type: 'text', nullable: true })
  overallResult: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  totalScore: number | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  grade: string | null;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'fk_self_evaluations_submitted_by' })
  submitter?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_self_evaluations_reviewed_by' })
  reviewer?: User | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_self_evaluations_updated_by' })
  updater?: User | null;
}
