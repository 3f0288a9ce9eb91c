import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { Department } from './department.entity';

export const FISCAL_YEAR_STATUSES = ['draft', 'published', 'closed'] as const;
export type FiscalYearStatus = (typeof FISCAL_YEAR_STATUSES)[number];

/** One department's budget year (部门预算年度): the unit an import creates and a self-evaluation closes. */
@Entity('fiscal_years')
@Unique('uq_fiscal_years_department_year', ['departmentId', 'year'])
@Check('ck_fiscal_years_year', `"year" BETWEEN 2000 AND 2100`)
@Check('ck_fiscal_years_status', `"status" IN ('draft', 'published', 'closed')`)
export class FiscalYear extends EditableEntity {
  @Column({ type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_fiscal_years_department' })
  department?: Department;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 16, default: 'published' })
  status: FiscalYearStatus;

  /** Department-wide header data of 表11 that has no table of its own (functions, annual tasks, funds). */
  @Column({ type: 'json', default: {} })
  overview: Record<string, unknown>;
}
