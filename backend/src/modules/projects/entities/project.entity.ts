import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { numericTransformer } from '../../../database/numeric.transformer';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';

/** A budget project (项目) of a fiscal year with every header field of 表12. Money is in 元. */
@Entity('projects')
@Unique('uq_projects_year_seq', ['fiscalYearId', 'seq'])
@Index('uq_projects_year_code', ['fiscalYearId', 'code'], { unique: true, where: `"code" IS NOT NULL` })
@Check('ck_projects_seq', `"seq" >= 1`)
@Check(
  'ck_projects_amounts',
  `"budget_yuan" >= 0 AND ("total_budget_yuan" IS NULL OR "total_budget_yuan" >= 0) AND ("current_budget_yuan" IS NULL OR "current_budget_yuan" >= 0)`,
)
@Check('ck_projects_years', `"start_year" IS NULL OR "end_year" IS NULL OR "start_year" <= "end_year"`)
@Index('ix_projects_carried_from', ['carriedFromId'], { where: `"carried_from_id" IS NOT NULL` })
export class Project extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_projects_fiscal_year' })
  fiscalYear?: FiscalYear;

  /** Order in 表10. */
  @Column({ type: 'int' })
  seq: number;

  /** 项目编码, e.g. 42011225031T000000113; null when the document lost it. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  code: string | null;

  /** 项目名称 */
  @Column({ type: 'text' })
  name: string;

  /** 项目类别 of 表10 */
  @Column({ type: 'text', nullable: true })
  category: string | null;

  /** Amount of 表10 (当年预算 as listed there). */
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: numericTransformer })
  budgetYuan: number;

  /** 主管部门 */
  @Column({ type: 'text', nullable: true })
  competentDepartment: string | null;

  /** 执行单位 */
  @Column({ type: 'text', nullable: true })
  executingUnit: string | null;

  /** 负责人 as published (the assigned user account is in project_assignments). */
  @Column({ type: 'text', nullable: true })
  leadName: string | null;

  /** 联系电话 */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** 单位地址 */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** 邮政编码 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  postcode: string | null;

  /** 项目属性 (新增 / 延续 …) */
  @Column({ type: 'text', nullable: true })
  attribute: string | null;

  /** 支出项目类别 */
  @Column({ type: 'text', nullable: true })
  expenditureCategory: string | null;

  /** 起始年度 */
  @Column({ type: 'int', nullable: true })
  startYear: number | null;

  /** 终止年度 */
  @Column({ type: 'int', nullable: true })
  endYear: number | null;

  /** 立项依据 */
  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;

  /** 实施方案 */
  @Column({ type: 'text', nullable: true })
  implementationPlan: string | null;

  /** 项目总预算 */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  totalBudgetYuan: number | null;

  /** 项目当年预算 */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true, transformer: numericTransformer })
  currentBudgetYuan: number | null;

  /** 前两年预算变动情况 */
  @Column({ type: 'text', nullable: true })
  priorBudgetChanges: string | null;

  /** Whatever else the document held for the project, kept verbatim for display. */
  @Column({ type: 'json', default: {} })
  extra: Record<string, unknown>;

  /** Set when a later import no longer held the project: hidden from the year's views, kept with its history. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** The row of the previous year this one was carried forward from (结转), null otherwise. */
  @Column({ type: 'uuid', nullable: true })
  carriedFromId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carried_from_id', foreignKeyConstraintName: 'fk_projects_carried_from' })
  carriedFrom?: Project | null;
}
