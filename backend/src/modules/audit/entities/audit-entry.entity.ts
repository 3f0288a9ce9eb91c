import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit log: every write of public-money data leaves one row. A trigger created by the
 * migration rejects UPDATE and DELETE, so not even the application can rewrite history.
 */
@Entity('audit_log')
@Index('ix_audit_log_entity', ['entity', 'entityId'])
@Index('ix_audit_log_at', ['at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** No foreign key: the log outlives the users it names. */
  @Index('ix_audit_log_actor')
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorName: string | null;

  /** e.g. 'progress-report.update', 'period.approve', 'import.load' */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  entity: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
