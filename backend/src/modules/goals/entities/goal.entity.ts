import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { Project } from '../../projects/entities/project.entity';

export const GOAL_TERMS = ['long', 'annual'] as const;
export type GoalTerm = (typeof GOAL_TERMS)[number];

/** A performance goal (绩效目标): of a project, or department-wide (部门整体) when `projectId` is null. */
@Entity('goals')
@Index('uq_goals_project_term_seq', ['projectId', 'term', 'seq'], {
  unique: true,
  where: `"project_id" IS NOT NULL`,
})
@Index('uq_goals_overall_term_seq', ['fiscalYearId', 'term', 'seq'], {
  unique: true,
  where: `"project_id" IS NULL`,
})
// Dashboards, project lists and imports read a fiscal year's goals (docs/benchmarks.md).
@Index('ix_goals_fiscal_year_term', ['fiscalYearId', 'term'])
@Check('ck_goals_term', `"term" IN ('long', 'annual')`)
@Check('ck_goals_seq', `"seq" >= 1`)
@Index('ix_goals_carried_from', ['carriedFromId'], { where: `"carried_from_id" IS NOT NULL` })
export class Goal extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_goals_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Index('ix_goals_project')
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_goals_project' })
  project?: Project | null;

  /** long = 长期绩效目标, annual = 年度绩效目标 */
  @Column({ type: 'varchar', length: 8 })
  term: GoalTerm;

  @Column({ type: 'int' })
  seq: number;

  /** 目标名称 as published, e.g. "年度绩效目标 1". */
  @Column({ type: 'text', default: '' })
  label: string;

  /** The goal text as published. */
  @Column({ type: 'text' })
  title: string;

  /** Set when a later import no longer held the goal: hidden from the year's views, kept with its history. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** The row of the previous year this one was carried forward from (结转), null otherwise. */
  @Column({ type: 'uuid', nullable: true })
  carriedFromId: string | null;

  @ManyToOne(() => Goal, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carried_from_id', foreignKeyConstraintName: 'fk_goals_carried_from' })
  carriedFrom?: Goal | null;
}
