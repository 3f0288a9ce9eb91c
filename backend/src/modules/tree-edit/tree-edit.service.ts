import { Injectable } from '@nestjs/common';
import { wanToYuan, wanToYuanOrNull, yuanToWan, yuanToWanOrNull } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import type { GoalTerm } from '../goals/entities/goal.entity';
import type { Project } from '../projects/entities/project.entity';
import { sharedProjectFields } from '../imports/project-fields';
import {
  FiscalYearCreateDto,
  GoalCreateDto,
  GoalPatchDto,
  ProjectCreateDto,
  ProjectPatchDto,
} from './dto/tree-edit.dto';
import { FiscalYearCreatedResponse, GoalEditResponse, ProjectHeaderResponse } from './dto/tree-edit.response';
import { TreeEditPolicy, type TreeScope } from './tree-edit.policy';
import { type LockedGoal, type LockedProject, TreeEditRepository } from './tree-edit.repository';

/** 目标名称 of a goal the editor adds, numbered like the published ones. */
export const goalLabel = (term: GoalTerm, seq: number): string =>
  `${term === 'long' ? '长期目标' : '年度目标'} ${seq}`;

/** A stale version: 409 with the version in force, so the editor can reload. */
export function assertVersion(row: { version: number }, version: number, what: string): void {
  if (row.version !== version)
    throw new AppException(ErrorCode.VersionConflict, `该${what}已被他人修改，请刷新后再试`, undefined, {
      current: { version: row.version },
    });
}

/** Archived rows are kept for their history and are no longer edited. */
export function assertLive(row: { archived: boolean }, what: string): void {
  if (row.archived)
    throw new AppException(ErrorCode.Conflict, `该${what}已归档，只能查看，不能再编辑`, undefined, {
      archived: true,
    });
}

export const goalScope = (goal: LockedGoal): TreeScope => ({
  fiscalYearId: goal.fiscalYearId,
  departmentId: goal.departmentId,
  projectId: goal.projectId,
});

/** The header fields of the DTO that were given, as stored columns (万元 → 元 with libs/domain). */
function projectColumns(dto: Partial<ProjectCreateDto>): Partial<Project> {
  const given = <K extends keyof ProjectCreateDto>(key: K) => dto[key] !== undefined;
  const shared = Object.fromEntries(
    Object.entries(sharedProjectFields(dto as Parameters<typeof sharedProjectFields>[0])).filter(
      ([, value]) => value !== undefined,
    ),
  );
  const trimmed = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  return {
    ...(given('code') ? { code: trimmed(dto.code) } : {}),
    ...(given('name') ? { name: (dto.name as string).trim() } : {}),
    ...(given('category') ? { category: trimmed(dto.category) } : {}),
    ...(given('budget') ? { budgetYuan: wanToYuan(dto.budget as number) } : {}),
    ...shared,
    ...(given('totalBudget') ? { totalBudgetYuan: wanToYuanOrNull(dto.totalBudget) } : {}),
    ...(given('currentBudget') ? { currentBudgetYuan: wanToYuanOrNull(dto.currentBudget) } : {}),
    ...(given('priorBudgetChanges') ? { priorBudgetChanges: trimmed(dto.priorBudgetChanges) } : {}),
  };
}

function headerOf(row: LockedProject): ProjectHeaderResponse {
  const {
    budgetYuan,
    totalBudgetYuan,
    currentBudgetYuan,
    fiscalYearId: _fy,
    departmentId: _d,
    archived: _a,
    ...rest
  } = row;
  return {
    ...rest,
    budget: yuanToWan(budgetYuan),
    totalBudget: yuanToWanOrNull(totalBudgetYuan),
    currentBudget: yuanToWanOrNull(currentBudgetYuan),
  };
}

/**
 * Creating and changing budget years, project headers and goals by hand (docs/domain.md, "Editing the trees"):
 * one transaction per request, the editor's permission asked first (TreeEditPolicy), every write audited.
 */
@Injectable()
export class TreeEditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: TreeEditRepository,
    private readonly policy: TreeEditPolicy,
    private readonly audit: AuditService,
  ) {}

  createYear(code: string, dto: FiscalYearCreateDto): Promise<FiscalYearCreatedResponse> {
    return this.dataSource.transaction(async (manager) => {
      const departmentId = await this.repository.departmentId(manager, code);
      if (!departmentId) throw notFound(`部门 ${code} `);
      const created = await this.repository.insertFiscalYear(manager, departmentId, dto.year);
      if (!created)
        throw new AppException(ErrorCode.Conflict, `部门 ${code} 的 ${dto.year} 年度已存在`, {
          year: `year：${dto.year} 年度已存在`,
        });
      await this.audit.record(manager, {
        action: 'fiscal-year.create',
        entity: 'fiscal-year',
        entityId: created.id,
        after: { departmentCode: code, year: dto.year, status: created.status },
      });
      return { id: created.id, code, year: dto.year, version: created.version };
    });
  }

  createProject(code: string, year: number, dto: ProjectCreateDto): Promise<ProjectHeaderResponse> {
    return this.dataSource.transaction(async (manager) => {
      const fiscalYear = await this.repository.lockFiscalYear(manager, code, year);
      if (!fiscalYear) throw notFound(`部门 ${code} 的 ${year} 年度预算`);
      await this.policy.assertEditable(manager, { ...fiscalYear, projectId: null });
      const values = projectColumns(dto);
      await this.assertHeader(manager, fiscalYear.fiscalYearId, values, null);
      const id = await this.repository.insertProject(manager, {
        fiscalYearId: fiscalYear.fiscalYearId,
        ...values,
        extra: { source: 'editor' },
      });
      const row = (await this.repository.lockProject(manager, id)) as LockedProject;
      const header = headerOf(row);
      const { id: _id, version: _v, ...after } = header;
      await this.audit.record(manager, { action: 'project.create', entity: 'project', entityId: id, after });
      return header;
    });
  }

  updateProject(id: string, dto: ProjectPatchDto): Promise<ProjectHeaderResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.lockProject(manager, id);
      if (!row) throw notFound('项目');
      await this.policy.assertEditable(manager, { ...row, projectId: row.id });
      assertVersion(row, dto.version, '项目');
      assertLive(row, '项目');
      const { version: _version, ...fields } = dto;
      const values = projectColumns(fields);
      await this.assertHeader(manager, row.fiscalYearId, { ...row, ...values }, row.id);
      await this.repository.updateProject(manager, id, values);
      const updated = (await this.repository.lockProject(manager, id)) as LockedProject;
      const before = headerOf(row);
      const after = headerOf(updated);
      const keys = (Object.keys(after) as (keyof ProjectHeaderResponse)[]).filter(
        (key) => key !== 'version' && before[key] !== after[key],
      );
      await this.audit.record(manager, {
        action: 'project.update',
        entity: 'project',
        entityId: id,
        before: Object.fromEntries(keys.map((key) => [key, before[key]])),
        after: Object.fromEntries(keys.map((key) => [key, after[key]])),
      });
      return after;
    });
  }

  /** A goal of a project (`projectId`) or of the department as a whole (`code`/`year`). */
  createGoal(
    where: { projectId: string } | { code: string; year: number },
    dto: GoalCreateDto,
  ): Promise<GoalEditResponse> {
    return this.dataSource.transaction(async (manager) => {
      let scope: TreeScope;
      let owner: string;
      if ('projectId' in where) {
        const project = await this.repository.lockProject(manager, where.projectId);
        if (!project) throw notFound('项目');
        scope = { ...project, projectId: project.id };
        await this.policy.assertEditable(manager, scope);
        assertLive(project, '项目');
        owner = project.name;
      } else {
        const fiscalYear = await this.repository.lockFiscalYear(manager, where.code, where.year);
        if (!fiscalYear) throw notFound(`部门 ${where.code} 的 ${where.year} 年度预算`);
        scope = { ...fiscalYear, projectId: null };
        await this.policy.assertEditable(manager, scope);
        owner = '部门整体';
      }
      const title = dto.title.trim();
      const created = await this.repository.insertGoal(
        manager,
        { fiscalYearId: scope.fiscalYearId, projectId: scope.projectId, term: dto.term, title },
        (seq) => goalLabel(dto.term, seq),
      );
      await this.audit.record(manager, {
        action: 'goal.create',
        entity: 'goal',
        entityId: created.id,
        after: { project: owner, term: dto.term, label: created.label, title },
      });
      return { ...created, projectId: scope.projectId, term: dto.term, title };
    });
  }

  updateGoal(id: string, dto: GoalPatchDto): Promise<GoalEditResponse> {
    return this.dataSource.transaction(async (manager) => {
      const goal = await this.repository.lockGoal(manager, id);
      if (!goal) throw notFound('绩效目标');
      await this.policy.assertEditable(manager, goalScope(goal));
      assertVersion(goal, dto.version, '目标');
      assertLive(goal, '目标');
      const title = dto.title.trim();
      const version = await this.repository.updateGoal(manager, id, { title });
      await this.audit.record(manager, {
        action: 'goal.update',
        entity: 'goal',
        entityId: id,
        before: { title: goal.title },
        after: { title },
      });
      const { id: _id, projectId, term, seq, label } = goal;
      return { id, version, projectId, term, seq, label, title };
    });
  }

  /** 项目编码 unique in the year (archived projects keep theirs), 起始年度 not after 终止年度. */
  private async assertHeader(
    manager: EntityManager,
    fiscalYearId: string,
    values: Partial<Project>,
    exceptId: string | null,
  ): Promise<void> {
    if (values.startYear != null && values.endYear != null && values.startYear > values.endYear)
      throw new AppException(ErrorCode.ValidationFailed, '终止年度不能早于起始年度', {
        endYear: 'endYear：终止年度不能早于起始年度',
      });
    if (!values.code) return;
    const taken = await this.repository.projectWithCode(manager, fiscalYearId, values.code, exceptId);
    if (taken)
      throw new AppException(ErrorCode.Conflict, `项目编码 ${values.code} 在本年度已被“${taken.name}”使用`, {
        code: `code：项目编码 ${values.code} 在本年度已被“${taken.name}”使用`,
      });
  }
}
