import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { User } from './user.entity';

/**
 * The designated reporter (部门整体填报人) of a department-year's department-wide goals: besides the admins, they
 * may write and submit its monthly reports (docs/domain.md §11). No row: the admins report.
 */
@Entity('department_reporters')
@Unique('uq_department_reporters_fiscal_year', ['fiscalYearId'])
export class DepartmentReporter {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_department_reporters' })
  id: string;

  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_department_reporters_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_department_reporters_user' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
