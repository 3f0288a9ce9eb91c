import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { Project } from '../../projects/entities/project.entity';

/** 绩效自评 of a project (or the department as a whole, project null) for its fiscal year. */
@Entity('self_evaluations')
@Index('uq_self_evaluations_project', ['projectId'], { unique: true, where: `"project_id" IS NOT NULL` })
@Index('uq_self_evaluations_overall', ['fiscalYearId'], { unique: true, where: `"project_id" IS NULL` })
@Check('ck_self_evaluations_status', `"status" IN ('draft', 'submitted', 'approved', 'returned')`)
@Check('ck_self_evaluations_grade', `"grade" IS NULL OR "grade" IN ('优', '良', '中', '差')`)
@Check('ck_self_evaluations_budget_weight', `"budget_weight" >= 0 AND "budget_weight" <= 100`)
export class SelfEvaluation extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_self_evaluations_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_self_evaluations_project' })
  project?: Project | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: string;

  /** 全年预算数 */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  annualBudgetYuan: number | null;

  /** 全年执行数 */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  executedYuan: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, default: 10, transformer: numericTransformer })
  budgetWeight: number;

  /** 年度总体目标 实际完成情况 */
  @Column({ type: 'text', nullable: true })
  overallResult: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  totalScore: number | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  grade: string | null;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;
}
