import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, currentActor } from '../context/request-context';
import { AppException, notFound } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';
import { AccessPolicyRepository } from './access-policy.repository';

/** The department-year a route addresses, once the caller may read it. */
export interface ReadableDepartmentYear {
  fiscalYearId: string;
  departmentId: string;
}

/**
 * Who may see and change what (docs/domain.md §1), decided here for every route:
 * - admin (绩效管理员): everything, and the department-wide (部门整体) reports;
 * - the department-year's designated reporter (部门整体填报人, docs/domain.md §11): its department-wide reports;
 * - auditor (审计员): reads everything, writes nothing;
 * - leader (部门领导): reads their department, approves or returns its reports;
 * - lead (项目负责人): reads their department, writes only the projects assigned to them.
 * A leader or lead bound to no department reads nothing (accounts must have one; this guards older rows).
 * Data of another department answers 403; data that does not exist answers 404. Existence of a department
 * is not a secret (its code is public in the budget), its contents are.
 */
@Injectable()
export class AccessPolicy {
  constructor(
    private readonly dataSource: DataSource,
    // A default, so scripts and tests can build the policy without the Nest container.
    private readonly repository: AccessPolicyRepository = new AccessPolicyRepository(),
  ) {}

  actor(): Actor {
    const actor = currentActor();
    if (!actor) throw new AppException(ErrorCode.Unauthorized, '请先登录');
    return actor;
  }

  /** The departments an actor may read: null for every department, else their ids (none when unbound). */
  departmentScope(actor: Actor = this.actor()): string[] | null {
    if (actor.role === 'admin' || actor.role === 'auditor') return null;
    return actor.departmentId ? [actor.departmentId] : [];
  }

  canReadDepartment(departmentId: string, actor: Actor = this.actor()): boolean {
    const scope = this.departmentScope(actor);
    return scope === null || scope.includes(departmentId);
  }

  assertCanReadDepartment(departmentId: string, actor: Actor = this.actor()): void {
    if (!this.canReadDepartment(departmentId, actor))
      throw new AppException(ErrorCode.Forbidden, '无权查看其他部门的数据');
  }

  /** A department-year by its code (404 when it does not exist, 403 when it is another department's). */
  async assertCanReadDepartmentYear(
    code: string,
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReadableDepartmentYear> {
    const row = await this.repository.departmentYear(manager, code, year);
    if (!row) throw new AppException(ErrorCode.NotFound, `部门 ${code} 的 ${year} 年度预算不存在`);
    this.assertCanReadDepartment(row.departmentId);
    return row;
  }

  /**
   * Writing a project's monitoring and self-evaluation: its assigned leads, within their own department;
   * department-wide reports (projectId null): admins, and the department-year's designated reporter when the
   * caller names the fiscal year (`overallOf`, docs/domain.md §11).
   */
  async assertCanReport(
    projectId: string | null,
    manager: EntityManager = this.dataSource.manager,
    actor: Actor = this.actor(),
    overallOf?: ReadableDepartmentYear,
  ): Promise<void> {
    if (projectId === null) {
      if (actor.role === 'admin') return;
      if (
        overallOf &&
        this.canReadDepartment(overallOf.departmentId, actor) &&
        (await this.repository.isOverallReporter(manager, overallOf.fiscalYearId, actor.id))
      )
        return;
      throw new AppException(ErrorCode.Forbidden, '部门整体目标由绩效管理员或指定的部门整体填报人填报');
    }
    if (actor.role !== 'lead') throw new AppException(ErrorCode.Forbidden, '只有该项目的项目负责人可以填报');
    const project = await this.repository.projectAssignment(manager, projectId, actor.id);
    if (!project) throw notFound('项目');
    this.assertCanReadDepartment(project.departmentId, actor);
    if (!project.assigned)
      throw new AppException(ErrorCode.Forbidden, '您未被分配为该项目的负责人，不能填报');
  }

  assertCanReview(departmentId: string, actor: Actor = this.actor()): void {
    if (actor.role !== 'leader') throw new AppException(ErrorCode.Forbidden, '只有部门领导可以审核');
    this.assertCanReadDepartment(departmentId, actor);
  }

  assertAdmin(actor: Actor = this.actor()): void {
    if (actor.role !== 'admin') throw new AppException(ErrorCode.Forbidden, '只有绩效管理员可以执行此操作');
  }
}
