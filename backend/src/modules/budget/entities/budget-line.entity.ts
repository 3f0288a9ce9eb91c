import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';

export const BUDGET_CLASSIFICATIONS = ['summary', 'functional', 'economic', 'three-public'] as const;
export type BudgetClassification = (typeof BUDGET_CLASSIFICATIONS)[number];

/**
 * One row of a budget table (表1–表9): a functional (科目编码 201/20108/2010801) or economic (301/30101)
 * classification row, a summary line, or a 三公经费 line. Amounts by column live in budget_amounts.
 */
@Entity('budget_lines')
@Unique('uq_budget_lines_table_seq', ['fiscalYearId', 'tableCode', 'seq'])
@Index('ix_budget_lines_code', ['fiscalYearId', 'classification', 'code'])
@Check('ck_budget_lines_side', `"side" IS NULL OR "side" IN ('income', 'expenditure')`)
@Check(
  'ck_budget_lines_classification',
  `"classification" IN ('summary', 'functional', 'economic', 'three-public')`,
)
export class BudgetLine extends EditableEntity {
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_budget_lines_fiscal_year' })
  fiscalYear?: FiscalYear;

  /** '表1', '表5-1', '表6' … */
  @Column({ type: 'varchar', length: 16 })
  tableCode: string;

  @Column({ type: 'varchar', length: 16 })
  classification: BudgetClassification;

  @Column({ type: 'int' })
  seq: number;

  /** 科目编码; null for summary lines. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  parentCode: string | null;

  @Column({ type: 'text' })
  name: string;

  /** 收入 / 支出 side of a two-sided table (表1, 表4). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  side: 'income' | 'expenditure' | null;

  /** Depth: 0 for totals, 1 for the top level (类), deeper below. */
  @Column({ type: 'smallint', default: 0 })
  level: number;

  /** 项目分类 of a 表10 project line. */
  @Column({ type: 'text', nullable: true })
  category: string | null;
}
