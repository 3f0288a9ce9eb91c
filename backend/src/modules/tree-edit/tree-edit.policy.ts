import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { Actor } from '../../common/context/request-context';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { TreeEditRepository } from './tree-edit.repository';

/** The tree an edit writes to: a project's goals, or the department-wide goals (projectId null) of a year. */
export interface TreeScope {
  fiscalYearId: string;
  departmentId: string;
  projectId: string | null;
}

/**
 * The one decision "may this user edit this indicator tree" (docs/domain.md, "Editing the trees"): every route
 * that creates, changes, moves, archives or deletes a project header, goal or indicator asks it, inside the
 * request's transaction, before anything else is checked (a 403 never depends on a version or on the body).
 * - admin (绩效管理员): every tree;
 * - a project's assigned lead (项目负责人), within their own department: that project's tree while it is a draft
 *   (申报 → 批复 → 调整: submitted, it waits for the leader; approved, it changes through an adjustment);
 * - nobody else (leaders review, auditors read); department-wide trees are the admin's.
 */
@Injectable()
export class TreeEditPolicy {
  constructor(
    private readonly access: AccessPolicy,
    private readonly repository: TreeEditRepository,
    private readonly lifecycle: LifecycleService,
  ) {}

  async assertEditable(
    manager: EntityManager,
    scope: TreeScope,
    actor: Actor = this.access.actor(),
  ): Promise<void> {
    if (actor.role === 'admin') return;
    if (actor.role !== 'lead' || scope.projectId === null)
      throw new AppException(ErrorCode.Forbidden, '只有绩效管理员和该项目的项目负责人可以编辑指标树');
    this.access.assertCanReadDepartment(scope.departmentId, actor);
    if (!(await this.repository.isAssignedLead(manager, scope.projectId, actor.id)))
      throw new AppException(ErrorCode.Forbidden, '您未被分配为该项目的负责人，不能编辑其指标树');
    // 申报 → 批复 → 调整: a lead edits only while the project's tree is a draft; once submitted it waits for the
    // leader, once approved it changes through an adjustment (409 saying so). The admin (above) corrects any tree.
    await this.lifecycle.assertTreeEditable(manager, { projectId: scope.projectId }, actor);
  }
}
