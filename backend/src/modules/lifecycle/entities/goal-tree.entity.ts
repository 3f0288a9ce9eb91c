import type { TreeStatus } from '@jixiao/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { Project } from '../../projects/entities/project.entity';
import { User } from '../../users/entities/user.entity';

/**
 * The lifecycle state of an indicator tree (申报 → 批复, docs/domain.md "申报、批复与调整"): a project's, or the
 * department-wide (部门整体) tree of a fiscal year when `projectId` is null. No row: a draft (a new tree).
 */
@Entity('goal_trees')
@Index('uq_goal_trees_project', ['projectId'], { unique: true, where: `"project_id" IS NOT NULL` })
@Index('uq_goal_trees_overall', ['fiscalYearId'], { unique: true, where: `"project_id" IS NULL` })
@Check('ck_goal_trees_status', `"status" IN ('draft', 'submitted', 'approved')`)
export class GoalTree extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_goal_trees_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_goal_trees_project' })
  project?: Project | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: TreeStatus;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'fk_goal_trees_submitted_by' })
  submitter?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_goal_trees_reviewed_by' })
  reviewer?: User | null;

  /** The leader's reason when the tree was last returned to a draft. */
  @Column({ type: 'text', nullable: true })
  returnReason: string | null;
}
