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
import { Notification } from './notification.entity';

export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
export const MAIL_KINDS = ['notification', 'digest'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * Outgoing e-mail (发件箱): written in the transaction of the event that causes it, sent by the outbox job, kept
 * after sending as the log of what was sent to whom. `dedupeKey` makes queueing idempotent; a failed attempt
 * keeps the row pending with the error until a later attempt succeeds (or MAX_MAIL_ATTEMPTS are spent: failed).
 */
@Entity('mail_outbox')
@Index('ix_mail_outbox_pending', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Check('ck_mail_outbox_status', `"status" IN ('pending', 'sent', 'failed')`)
@Check('ck_mail_outbox_kind', `"kind" IN ('notification', 'digest')`)
@Check('ck_mail_outbox_attempts', `"attempts" >= 0`)
@Check('ck_mail_outbox_sent_at', `("status" = 'sent') = ("sent_at" IS NOT NULL)`)
export class MailOutbox {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_mail_outbox_dedupe_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: MailKind;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mail_outbox_user' })
  user?: User | null;

  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => Notification, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'fk_mail_outbox_notification' })
  notification?: Notification | null;

  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  textBody: string;

  @Column({ type: 'text' })
  htmlBody: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The SMTP server's Message-ID of the sent mail. */
  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
