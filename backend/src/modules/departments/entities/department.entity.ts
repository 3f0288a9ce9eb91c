import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';

/** A budget department or unit (预算部门 / 预算单位); `parent` builds the hierarchy for city-wide rollups. */
@Entity('departments')
export class Department extends EditableEntity {
  @Index('uq_departments_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_departments_parent' })
  parent?: Department | null;
}
