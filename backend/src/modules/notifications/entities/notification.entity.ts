import { NOTIFICATION_KINDS, type NotificationKind } from '@jixiao/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { FiscalYear } from '../../departments/entities/fiscal-year.entity';
import { Project } from '../../projects/entities/project.entity';
import { User } from '../../users/entities/user.entity';

export { NOTIFICATION_KINDS };

/**
 * An in-app notification for the user who must act (docs/domain.md, "Reminders and the leadership digest"):
 * a returned month (with the reason), an overdue or soon-due month, a leader's monthly flags. `dedupeKey` names
 * the event (kind, project or department-wide goals, month, and for a return the period's version), so the
 * scheduled job can run any number of times and makes each notification once per user.
 */
@Entity('notifications')
@Unique('uq_notifications_event', ['userId', 'dedupeKey'])
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
@Check(
  'ck_notifications_kind',
  `"kind" IN ('report-returned', 'report-overdue', 'report-due', 'leadership-flags')`,
)
@Check('ck_notifications_period', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_notifications_reason', `("kind" = 'report-returned') = ("reason" IS NOT NULL)`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user' })
  user?: User;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'uuid' })
  fiscalYearId: string;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year_id', foreignKeyConstraintName: 'fk_notifications_fiscal_year' })
  fiscalYear?: FiscalYear;

  /** null: the department-wide goals (部门整体), or a leader's flags of the whole department. */
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'fk_notifications_project' })
  project?: Project | null;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  period: string;

  /** 退回原因 of a returned month. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  /** A leader's flags: counts of red, projected-miss and overdue items of the month. */
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, number> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
