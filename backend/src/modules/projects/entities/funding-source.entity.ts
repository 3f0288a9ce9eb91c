import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { Project } from './project.entity';

/** 资金来源: one source of a project's money. */
@Entity('funding_sources')
@Unique('uq_funding_sources_project_seq', ['projectId', 'seq'])
export class FundingSource extends EditableEntity {
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_funding_sources_project' })
  project?: Project;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  amountYuan: number | null;
}
