import { REVIEW_STATUSES, type ReviewStatus } from '@jixiao/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { Project } from '../../projects/entities/project.entity';
import { User } from '../../users/entities/user.entity';

// The review workflow's states, declared once in libs/domain (the CHECK below lists the same values).
export const REPORT_STATUSES = REVIEW_STATUSES;
export type ReportStatus = ReviewStatus;

/**
 * The workflow state of one project's (or the department-wide goals', project null) monitoring
 * report for a period: draft → submitted → approved (locked) or returned with a reason.
 */
@Entity('report_periods')
@Index('uq_report_periods_project_period', ['projectId', 'period'], {
  unique: true,
  where: `"project_id" IS NOT NULL`,
})
@Index('uq_report_periods_overall_period', ['fiscalYearId', 'period'], {
  unique: true,
  where: `"project_id" IS NULL`,
})
// Overdue reports and last activity per project read a fiscal year's periods (docs/benchmarks.md). An expression
// index (fiscal_year_id, (period::text)) that TypeORM cannot describe: created by migration 1764100000009.
@Index('ix_report_periods_year_period', { synchronize: false })
@Check('ck_report_periods_period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_report_periods_status', `"status" IN ('draft', 'submitted', 'approved', 'returned')`)
@Check('ck_report_periods_return_reason', `"status" <> 'returned' OR "return_reason" IS NOT NULL`)
export class ReportPeriod extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_report_periods_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_report_periods_project' })
  project?: Project | null;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ReportStatus;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'fk_report_periods_submitted_by' })
  submitter?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_report_periods_reviewed_by' })
  reviewer?: User | null;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;
}
