import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { User } from '../../users/entities/user.entity';

/** One load of a budget document: its hash (re-import detection) and the import report. */
@Entity('import_runs')
export class ImportRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_import_runs_fiscal_year')
  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_import_runs_fiscal_year' })
  fiscalYear?: FiscalYear;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** SHA-256 of the normalized document: same document → nothing to change. */
  @Column({ type: 'char', length: 64 })
  documentSha256: string;

  @Column({ type: 'jsonb' })
  report: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  importedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'imported_by', foreignKeyConstraintName: 'fk_import_runs_imported_by' })
  importer?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt: Date;
}
