import { Injectable } from '@nestjs/common';
import { type Actual, type Target, aboutField, indicatorStatus, monthOf, parseActual } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { budgetLightOf } from '../dashboard/budget-light';
import { BudgetExecutionDto, ReportDto } from './dto/report.dto';
import { MonitoringRepository, PeriodRow, ReportRow } from './monitoring.repository';
import { assertNotArchived } from './archived-write.error';
import { periodLockedError } from './period-locked.error';

const STATUS_LABELS = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已审核通过',
  returned: '已退回',
} as const;

/** 双监控 writes: indicator reports and budget execution, the period workflow, and the locks that guard them. */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MonitoringRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async saveReport(
    indicatorId: string,
    period: string,
    dto: ReportDto,
  ): Promise<ReportRow & { status: string; explanation: string }> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const indicator = await this.repository.findIndicator(manager, indicatorId);
      if (!indicator) throw new AppException(ErrorCode.NotFound, '指标不存在');
      if (indicator.term !== 'annual')
        throw new AppException(ErrorCode.ValidationFailed, '长期目标的指标不参与年度监控填报', {
          id: 'id：只能填报年度目标的指标',
        });
      this.assertPeriodInYear(period, indicator.year);
      await this.access.assertCanReport(indicator.projectId, manager, actor);
      assertNotArchived(indicator, '指标');
      const workflow = await this.writablePeriod(
        manager,
        indicator.fiscalYearId,
        indicator.projectId,
        period,
      );

      const target = indicator.target;
      const actual = this.read('actual', dto.actual, target);
      const forecast = dto.forecast ? this.read('forecast', dto.forecast, target) : undefined;
      // A target that cannot be read gives 'undetermined' (无法判定), never a missing light.
      const status = indicatorStatus(
        target,
        { actual, forecast, likelihood: dto.likelihood },
        { year: indicator.year, month: monthOf(period) },
        { thresholds: indicator.thresholds },
      );
      const values = {
        actualRaw: dto.actual.trim(),
        actualValue: actual.value ?? null,
        actualUnit: actual.unit ?? null,
        forecastRaw: dto.forecast?.trim() || null,
        forecastValue: forecast?.value ?? null,
        likelihood: dto.likelihood ?? null,
        reasons: dto.reasons ?? [],
        reasonText: dto.reasonText ?? null,
        correctiveAction: dto.correctiveAction ?? null,
        evidence: dto.evidence ?? null,
        light: status.light,
        lightReason: status.reason,
        lightExplanation: status.explanation,
        progress: status.progress,
        updatedBy: actor.id,
      };

      const existing = await this.repository.findReport(manager, indicatorId, period, true);
      let saved: ReportRow | undefined;
      if (!existing) {
        if (dto.version !== undefined && dto.version !== 0)
          throw this.conflict('该记录已不存在或尚未创建', null);
        saved = await this.repository.insertReport(manager, { indicatorId, period, ...values });
        if (!saved)
          throw this.conflict(
            '其他人同时填报了该指标',
            await this.repository.findReport(manager, indicatorId, period),
          );
      } else {
        if (dto.version === undefined || dto.version !== existing.version) {
          throw this.conflict('该指标本期的填报已被他人修改，请查看最新内容后再保存', existing);
        }
        saved = await this.repository.updateReport(manager, existing.id, existing.version, values);
        if (!saved) throw this.conflict('该指标本期的填报已被他人修改，请查看最新内容后再保存', existing);
      }
      await this.audit.record(manager, {
        action: existing ? 'progress-report.update' : 'progress-report.create',
        entity: 'progress-report',
        entityId: saved.id,
        before: existing ?? null,
        after: saved,
      });
      return { ...saved, status: workflow.status, explanation: status.explanation };
    });
  }

  async saveBudgetExecution(projectId: string, period: string, dto: BudgetExecutionDto) {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const project = await this.repository.findProject(manager, projectId);
      if (!project) throw new AppException(ErrorCode.NotFound, '项目不存在');
      this.assertPeriodInYear(period, project.year);
      await this.access.assertCanReport(projectId, manager, actor);
      assertNotArchived(project, '项目');
      await this.writablePeriod(manager, project.fiscalYearId, projectId, period);
      const existing = await this.repository.findExecution(manager, projectId, period);
      if (existing && (dto.version === undefined || dto.version !== existing.version)) {
        throw this.conflict('本期预算执行数已被他人修改，请查看最新内容后再保存', existing);
      }
      if (!existing && dto.version !== undefined && dto.version !== 0)
        throw this.conflict('该记录已不存在或尚未创建', null);
      const saved = await this.repository.upsertExecution(
        manager,
        projectId,
        period,
        dto.executed,
        dto.note ?? null,
        actor.id,
        existing ? existing.version : undefined,
      );
      if (!saved)
        throw this.conflict(
          '本期预算执行数已被他人修改，请查看最新内容后再保存',
          await this.repository.findExecution(manager, projectId, period),
        );
      await this.audit.record(manager, {
        action: existing ? 'budget-execution.update' : 'budget-execution.create',
        entity: 'budget-execution',
        entityId: saved.id,
        before: existing ?? null,
        after: saved,
      });
      return {
        ...saved,
        budgetYuan: project.budgetYuan,
        ...budgetLightOf(project.budgetYuan, dto.executed, monthOf(period)),
      };
    });
  }

  /** 提交: all annual indicators reported and budget execution entered; draft or returned → submitted. */
  async submit(projectId: string, period: string, version?: number): Promise<PeriodRow> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const project = await this.requireProject(manager, projectId);
      this.assertPeriodInYear(period, project.year);
      await this.access.assertCanReport(projectId, manager, actor);
      const current = await this.heldPeriod(manager, project.fiscalYearId, projectId, period);
      if (!current)
        throw new AppException(ErrorCode.ValidationFailed, '本期尚未填报任何内容', {
          period: 'period：本期尚未填报',
        });
      this.assertVersion(current, version);
      if (current.status !== 'draft' && current.status !== 'returned') throw this.wrongState(current, '提交');
      const missing = await this.repository.missingReports(manager, projectId, period);
      const errors: Record<string, string> = {};
      if (missing.length)
        errors.reports = `reports：以下指标本期尚未填报：${missing.slice(0, 10).join('、')}${missing.length > 10 ? ` 等 ${missing.length} 项` : ''}`;
      if (!(await this.repository.findExecution(manager, projectId, period)))
        errors.budgetExecution = 'budgetExecution：本期预算执行数尚未填报';
      if (Object.keys(errors).length)
        throw new AppException(ErrorCode.ValidationFailed, '本期填报尚不完整，不能提交', errors);
      return this.transition(
        manager,
        current,
        { status: 'submitted', by: actor.id, kind: 'submit' },
        'period.submit',
      );
    });
  }

  async approve(projectId: string, period: string, version?: number): Promise<PeriodRow> {
    return this.review(projectId, period, version, 'approved');
  }

  async returnForRevision(
    projectId: string,
    period: string,
    reason: string,
    version?: number,
  ): Promise<PeriodRow> {
    return this.review(projectId, period, version, 'returned', reason.trim());
  }

  /**
   * 解锁: only an admin, with a reason in the audit log; the period goes back to draft for the lead. Not while the
   * department's period is locked (期间锁定): the admin releases that lock first, which is audited too.
   */
  async unlock(projectId: string, period: string, reason: string, version?: number): Promise<PeriodRow> {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const project = await this.requireProject(manager, projectId);
      const current = await this.heldPeriod(manager, project.fiscalYearId, projectId, period);
      if (!current) throw new AppException(ErrorCode.NotFound, '本期尚无填报记录');
      this.assertVersion(current, version);
      if (current.status !== 'approved' && current.status !== 'submitted')
        throw this.wrongState(current, '解锁');
      return this.transition(
        manager,
        current,
        { status: 'draft', by: actor.id, kind: 'reset' },
        'period.unlock',
        reason.trim(),
      );
    });
  }

  /** 锁定 a whole period of a department-year (admin): no entry, submission or review until released. */
  async lockPeriod(code: string, year: number, period: string, reason: string) {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const fiscalYearId = await this.requireFiscalYear(manager, code, year, period, true);
      const [row] = await manager.query(
        `INSERT INTO period_locks (fiscal_year_id, period, reason, locked_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (fiscal_year_id, period) DO NOTHING RETURNING id, period, reason, locked_at AS "lockedAt"`,
        [fiscalYearId, period, reason.trim(), actor.id],
      );
      if (!row) throw new AppException(ErrorCode.Conflict, `${period} 期间已处于锁定状态`);
      await this.audit.record(manager, {
        action: 'period-lock.lock',
        entity: 'period-lock',
        entityId: row.id,
        after: row,
        reason: reason.trim(),
      });
      return row;
    });
  }

  async releasePeriod(code: string, year: number, period: string, reason: string) {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const fiscalYearId = await this.requireFiscalYear(manager, code, year, period);
      const [row] = await manager.query(
        `WITH d AS (DELETE FROM period_locks WHERE fiscal_year_id = $1 AND period = $2 RETURNING id, period, reason, locked_at AS "lockedAt") SELECT * FROM d`,
        [fiscalYearId, period],
      );
      if (!row) throw new AppException(ErrorCode.NotFound, `${period} 期间未被锁定`);
      await this.audit.record(manager, {
        action: 'period-lock.release',
        entity: 'period-lock',
        entityId: row.id,
        before: row,
        reason: reason.trim(),
      });
      return { period, locked: false };
    });
  }

  async listLocks(code: string, year: number) {
    const { fiscalYearId } = await this.access.assertCanReadDepartmentYear(code, year);
    return this.dataSource.query(
      `SELECT l.period, l.reason, l.locked_at AS "lockedAt", u.username AS "lockedBy"
         FROM period_locks l LEFT JOIN users u ON u.id = l.locked_by
        WHERE l.fiscal_year_id = $1 ORDER BY l.period`,
      [fiscalYearId],
    );
  }

  private async requireFiscalYear(
    manager: EntityManager,
    code: string,
    year: number,
    period: string,
    exclusive = false,
  ): Promise<string> {
    // Locking a period waits for the writes in progress, which share the fiscal year (holdPeriod).
    const [fy] = await manager.query(
      `SELECT fy.id FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE d.code = $1 AND fy.year = $2${exclusive ? ' FOR UPDATE OF fy' : ''}`,
      [code, year],
    );
    if (!fy) throw new AppException(ErrorCode.NotFound, `部门 ${code} 的 ${year} 年度预算不存在`);
    this.assertPeriodInYear(period, year);
    return fy.id;
  }

  private async review(
    projectId: string,
    period: string,
    version: number | undefined,
    status: 'approved' | 'returned',
    reason?: string,
  ): Promise<PeriodRow> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const project = await this.requireProject(manager, projectId);
      this.access.assertCanReview(project.departmentId, actor);
      const current = await this.heldPeriod(manager, project.fiscalYearId, projectId, period);
      if (!current) throw new AppException(ErrorCode.NotFound, '本期尚无填报记录');
      this.assertVersion(current, version);
      if (current.status !== 'submitted')
        throw this.wrongState(current, status === 'approved' ? '审核通过' : '退回');
      return this.transition(
        manager,
        current,
        { status, by: actor.id, kind: 'review', returnReason: reason ?? null },
        status === 'approved' ? 'period.approve' : 'period.return',
        reason,
      );
    });
  }

  private async transition(
    manager: EntityManager,
    current: PeriodRow,
    change: Parameters<MonitoringRepository['setPeriodStatus']>[2],
    action: string,
    reason?: string,
  ): Promise<PeriodRow> {
    const next = await this.repository.setPeriodStatus(manager, current.id, change);
    await this.audit.record(manager, {
      action,
      entity: 'report-period',
      entityId: current.id,
      before: current,
      after: next,
      reason: reason ?? null,
    });
    return next;
  }

  private async requireProject(manager: EntityManager, projectId: string) {
    const project = await this.repository.findProject(manager, projectId);
    if (!project) throw new AppException(ErrorCode.NotFound, '项目不存在');
    this.access.assertCanReadDepartment(project.departmentId);
    assertNotArchived(project, '项目');
    return project;
  }

  /** The period's workflow row under its row lock (see holdPeriod), refused when the admin locked the period. */
  private async heldPeriod(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
    period: string,
  ): Promise<PeriodRow | undefined> {
    const { row, lock } = await this.repository.holdPeriod(manager, fiscalYearId, projectId, period, false);
    if (lock) throw periodLockedError(period, lock.reason);
    return row;
  }

  /** Entries are writable while the period is a draft or returned, and not locked by the admin. */
  private async writablePeriod(
    manager: EntityManager,
    fiscalYearId: string,
    projectId: string | null,
    period: string,
  ): Promise<PeriodRow> {
    const { row, lock } = await this.repository.holdPeriod(manager, fiscalYearId, projectId, period, true);
    if (lock) throw periodLockedError(period, lock.reason);
    const workflow = row as PeriodRow;
    if (workflow.status === 'submitted' || workflow.status === 'approved') {
      throw new AppException(
        ErrorCode.Locked,
        `本期填报${STATUS_LABELS[workflow.status]}，已锁定，不能修改${workflow.status === 'approved' ? '（如需修改请联系绩效管理员解锁）' : '（如需修改请领导退回）'}`,
        undefined,
        {
          status: workflow.status,
        },
      );
    }
    return workflow;
  }

  /** A value the rules refuse answers 400 on its field (the global exception filter maps DomainError). */
  private read(field: 'actual' | 'forecast', raw: string, target: Target | null): Actual {
    return aboutField(field, () => parseActual(raw, target ?? undefined));
  }

  private assertPeriodInYear(period: string, year: number): void {
    if (Number(period.slice(0, 4)) !== year) {
      throw new AppException(ErrorCode.ValidationFailed, `期间 ${period} 不属于 ${year} 预算年度`, {
        period: `period：期间必须在 ${year} 年内`,
      });
    }
  }

  private assertVersion(current: PeriodRow, version: number | undefined): void {
    if (version !== undefined && version !== current.version)
      throw this.conflict('本期状态已被他人更新，请刷新后再试', current);
  }

  private conflict(message: string, current: object | null | undefined): AppException {
    return new AppException(ErrorCode.VersionConflict, message, undefined, { current: current ?? null });
  }

  private wrongState(current: PeriodRow, action: string): AppException {
    return new AppException(
      ErrorCode.Conflict,
      `本期状态为“${STATUS_LABELS[current.status]}”，不能${action}`,
      undefined,
      { status: current.status },
    );
  }
}
