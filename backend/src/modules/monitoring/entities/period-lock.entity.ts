import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { User } from '../../users/entities/user.entity';

/** An admin's lock of a whole reporting period of a fiscal year (no more writes until unlocked). */
@Entity('period_locks')
@Unique('uq_period_locks_year_period', ['fiscalYearId', 'period'])
@Check('ck_period_locks_period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class PeriodLock {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_period_locks_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  lockedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'locked_by', foreignKeyConstraintName: 'fk_period_locks_locked_by' })
  locker?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  lockedAt: Date;
}
