import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../../../database/numeric.transformer';
import { BudgetLine } from './budget-line.entity';

/** The amount of a budget line in one column of its table (合计, 基本支出, 项目支出 …), in 元. */
@Entity('budget_amounts')
export class BudgetAmount {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_budget_amounts' })
  lineId: string;

  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_budget_amounts' })
  columnKey: string;

  @ManyToOne(() => BudgetLine, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'line_id', foreignKeyConstraintName: 'fk_budget_amounts_line' })
  line?: BudgetLine;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: numericTransformer })
  amountYuan: number;
}
