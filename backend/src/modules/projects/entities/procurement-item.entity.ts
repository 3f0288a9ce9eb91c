import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { Project } from './project.entity';

/** 项目采购: one procurement row of a project. */
@Entity('procurement_items')
@Unique('uq_procurement_items_project_seq', ['projectId', 'seq'])
export class ProcurementItem extends EditableEntity {
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_procurement_items_project' })
  project?: Project;

  @Column({ type: 'int' })
  seq: number;

  /** 采购品目 */
  @Column({ type: 'text' })
  item: string;

  /** 采购目录 / 说明 */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true, transformer: numericTransformer })
  quantity: number | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  amountYuan: number | null;

  @Column({ type: 'text', nullable: true })
  remark: string | null;
}
