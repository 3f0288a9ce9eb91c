import type { UiLocale } from '@jixiao/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableEntity } from '../../../database/base.entity';
import { Department } from '../../departments/entities/department.entity';
import { Role, RoleCode } from './role.entity';

@Entity('users')
@Check('ck_users_failed_logins', `"failed_logins" >= 0`)
@Check('ck_users_email', `"email" ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'`)
@Check('ck_users_locale', `"locale" IN ('zh-CN', 'en-US')`)
@Check('ck_users_username', `"username" = lower("username") AND "username" ~ '^[a-z0-9_.-]{3,64}$'`)
export class User extends EditableEntity {
  /** Stored lower-case, so uniqueness is case-insensitive. */
  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  roleCode: RoleCode;

  @ManyToOne(() => Role, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_code', foreignKeyConstraintName: 'fk_users_role' })
  role?: Role;

  /** The department a user belongs to; null for city-wide accounts. */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_users_department' })
  department?: Department | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  failedLogins: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  /** Set when an admin chose the password (new account, reset): the user must pick their own first. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** The interface language the user chose (docs/domain.md §9); null: the browser's. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  locale: UiLocale | null;

  /** Where reminders and the leadership digest are mailed (when SMTP_URL is set); null: in the app only. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;
}
