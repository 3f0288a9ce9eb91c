import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { Goal } from './goal.entity';

/** 一级指标 (level 1) and 二级指标 (level 2) nodes of a goal's indicator tree. */
@Entity('indicator_nodes')
@Unique('uq_indicator_nodes_goal_level_name', ['goalId', 'level', 'name'])
@Check('ck_indicator_nodes_level', `"level" IN (1, 2)`)
@Check('ck_indicator_nodes_parent', `("level" = 1) = ("parent_id" IS NULL)`)
export class IndicatorNode extends EditableEntity {
  @Index('ix_indicator_nodes_goal')
  @Column({ type: 'uuid' })
  goalId: string;

  @ManyToOne(() => Goal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'fk_indicator_nodes_goal' })
  goal?: Goal;

  // Deleting a 一级 node finds its 二级 children through it (ON DELETE CASCADE).
  @Index('ix_indicator_nodes_parent')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => IndicatorNode, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_indicator_nodes_parent' })
  parent?: IndicatorNode | null;

  @Column({ type: 'smallint' })
  level: 1 | 2;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  seq: number;
}
