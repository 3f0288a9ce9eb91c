import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { Project } from './project.entity';

/** 支出明细测算: one costed activity of a project. */
@Entity('spending_details')
@Unique('uq_spending_details_project_seq', ['projectId', 'seq'])
export class SpendingDetail extends EditableEntity {
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_spending_details_project' })
  project?: Project;

  @Column({ type: 'int' })
  seq: number;

  /** 活动 / 明细名称 */
  @Column({ type: 'text' })
  activity: string;

  /** 说明 */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** 支出经济分类, e.g. "30227 委托业务费" */
  @Column({ type: 'text', nullable: true })
  economicClassification: string | null;

  /** The 科目编码 at the start of 支出经济分类, e.g. "2080106". */
  @Column({ type: 'varchar', length: 16, nullable: true })
  classificationCode: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  amountYuan: number | null;

  /** 测算依据 */
  @Column({ type: 'text', nullable: true })
  basis: string | null;

  /** 备注 */
  @Column({ type: 'text', nullable: true })
  remark: string | null;
}
