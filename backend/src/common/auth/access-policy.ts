import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, currentActor } from '../context/request-context';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';

/**
 * Who may see and change what (domain.md §1), enforced on the server for every route:
 * - admin (绩效管理员): everything, and the department-wide (部门整体) reports;
 * - auditor (审计员): reads everything, writes nothing;
 * - leader (部门领导): reads their department (all when not bound to one), approves or returns;
 * - lead (项目负责人): reads their department, writes only the projects assigned to them.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly dataSource: DataSource) {}

  actor(): Actor {
    const actor = currentActor();
    if (!actor) throw new AppException(ErrorCode.Unauthorized, '请先登录');
    return actor;
  }

  /** The department an actor is confined to, or null when they may read every department. */
  departmentScope(actor: Actor = this.actor()): string | null {
    return actor.role === 'admin' || actor.role === 'auditor' ? null : actor.departmentId;
  }

  assertCanReadDepartment(departmentId: string, actor: Actor = this.actor()): void {
    const scope = this.departmentScope(actor);
    if (scope !== null && scope !== departmentId)
      throw new AppException(ErrorCode.Forbidden, '无权查看其他部门的数据');
  }

  /** Monitoring reports of a project: its assigned leads; department-wide reports (projectId null): admins. */
  async assertCanReport(
    projectId: string | null,
    manager: EntityManager = this.dataSource.manager,
    actor: Actor = this.actor(),
  ): Promise<void> {
    if (projectId === null) {
      if (actor.role !== 'admin')
        throw new AppException(ErrorCode.Forbidden, '部门整体目标的监控由绩效管理员填报');
      return;
    }
    if (actor.role !== 'lead') throw new AppException(ErrorCode.Forbidden, '只有该项目的项目负责人可以填报');
    const [assigned] = await manager.query(
      `SELECT 1 FROM project_assignments WHERE project_id = $1 AND user_id = $2`,
      [projectId, actor.id],
    );
    if (!assigned) throw new AppException(ErrorCode.Forbidden, '您未被分配为该项目的负责人，不能填报');
  }

  assertCanReview(departmentId: string, actor: Actor = this.actor()): void {
    if (actor.role !== 'leader') throw new AppException(ErrorCode.Forbidden, '只有部门领导可以审核');
    this.assertCanReadDepartment(departmentId, actor);
  }

  assertAdmin(actor: Actor = this.actor()): void {
    if (actor.role !== 'admin') throw new AppException(ErrorCode.Forbidden, '只有绩效管理员可以执行此操作');
  }
}
