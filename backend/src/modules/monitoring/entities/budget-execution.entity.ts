import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { Project } from '../../projects/entities/project.entity';
import { User } from '../../users/entities/user.entity';

/** 预算执行: a project's executed amount (执行数, 元, year to date) at a period. */
@Entity('budget_executions')
@Unique('uq_budget_executions_project_period', ['projectId', 'period'])
@Check('ck_budget_executions_period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_budget_executions_executed', `"executed_yuan" >= 0`)
export class BudgetExecution extends EditableEntity {
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_budget_executions_project' })
  project?: Project;

  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: numericTransformer })
  executedYuan: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_budget_executions_updated_by' })
  updater?: User | null;
}
