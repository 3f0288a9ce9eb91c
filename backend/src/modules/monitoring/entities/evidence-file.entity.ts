import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { ProgressReport } from './progress-report.entity';

/** An attachment proving a reported value (佐证材料); the bytes live in the row. */
@Entity('evidence_files')
@Check('ck_evidence_files_size', `"size_bytes" >= 0 AND "size_bytes" = octet_length("content")`)
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_evidence_files_report')
  @Column({ type: 'uuid' })
  progressReportId: string;

  @ManyToOne(() => ProgressReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'progress_report_id', foreignKeyConstraintName: 'fk_evidence_files_report' })
  progressReport?: ProgressReport;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'varchar', length: 128 })
  mimeType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_evidence_files_uploaded_by' })
  uploader?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
