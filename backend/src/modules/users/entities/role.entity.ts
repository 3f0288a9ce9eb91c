import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ROLE_CODES = ['admin', 'leader', 'lead', 'auditor'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** admin 绩效管理员, leader 部门领导, lead 项目负责人, auditor 审计员 — rows seeded by the migration. */
@Entity('roles')
export class Role {
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_roles' })
  code: RoleCode;

  @Column({ type: 'text' })
  name: string;
}
