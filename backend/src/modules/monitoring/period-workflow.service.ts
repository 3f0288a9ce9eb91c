import { Injectable } from '@nestjs/common';
import { type ReviewAction, submitReasonProblems } from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { ReviewSubject, ReviewWorkflow } from '../../common/workflow/review-workflow';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { NotificationWriter } from '../notifications/notification-writer';
import { assertNotArchived } from './archived-write.error';
import { MonitoringRepository, PeriodRow, ReportUnit } from './monitoring.repository';
import { assertPeriodInYear } from './period-in-year.error';
import { periodLockedError } from './period-locked.error';
import { RuleSettingsRepository } from '../monitoring-rules/rule-settings.repository';

type UnacknowledgedWarnings = Awaited<ReturnType<MonitoringRepository['unacknowledgedWarnings']>>;

/** Whose month moves: a project's, or a department-year's department-wide goals' (部门整体, docs/domain.md §11). */
export type PeriodScope = { projectId: string } | { code: string; year: number };

/** The scope once found and readable: its fiscal year, department and year. */
interface ScopeUnit extends ReportUnit {
  departmentId: string;
  year: number;
}

/**
 * 填报状态 of a project's month, or of the department-wide goals' month: submit → approve / return, unlock, through
 * the one review workflow.
 */
@Injectable()
export class PeriodWorkflowService {
  private readonly subject: ReviewSubject<PeriodRow> = {
    noun: '本期',
    entries: '本期填报',
    entity: 'report-period',
    actionPrefix: 'period',
    setStatus: (manager, id, change) => this.repository.setPeriodStatus(manager, id, change),
    conflict: (_manager, message, row) =>
      new AppException(ErrorCode.VersionConflict, message, undefined, { current: row }),
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MonitoringRepository,
    private readonly access: AccessPolicy,
    private readonly workflow: ReviewWorkflow,
    private readonly notifications: NotificationWriter,
    private readonly outbox: MailOutboxService,
    private readonly rules: RuleSettingsRepository,
  ) {}

  /**
   * 提交: all annual indicators reported, budget execution entered and every report's warnings acknowledged
   * (`acknowledgeWarnings`); draft or returned → submitted. Every check runs before anything is written, and a
   * refusal rolls the transaction back: a refused submit changes nothing.
   */
  async submit(
    scope: PeriodScope,
    period: string,
    version?: number,
    acknowledgeWarnings = false,
  ): Promise<PeriodRow> {
    let acknowledged: UnacknowledgedWarnings = [];
    return this.move(scope, period, 'submit', version, {
      prepare: async (manager, current, unit) => {
        const missing = await this.repository.missingReports(manager, unit, period);
        const errors: Record<string, string> = {};
        if (missing.length)
          errors.reports = `reports：以下指标本期尚未填报：${missing.slice(0, 10).join('、')}${missing.length > 10 ? ` 等 ${missing.length} 项` : ''}`;
        // The department-wide goals have no budget of their own: only a project's month needs its execution.
        if (
          unit.projectId !== null &&
          !(await this.repository.findExecution(manager, unit.projectId, current.period))
        )
          errors.budgetExecution = 'budgetExecution：本期预算执行数尚未填报';
        // The department-year's rules: a red (and, if set, yellow) report without 偏差原因, an over-completion
        // without an explanation — each named (docs/domain.md "Rules as settings").
        const rules = await this.rules.forFiscalYear(unit.fiscalYearId, manager);
        const checks = await this.repository.reasonChecks(manager, unit, current.period);
        const reasonProblems = submitReasonProblems(
          checks.map(({ actualValue, actualUnit, actualRaw, ...check }) => ({
            ...check,
            actual:
              actualValue === null
                ? undefined
                : { value: actualValue, unit: actualUnit ?? undefined, raw: actualRaw },
          })),
          rules,
        );
        Object.assign(errors, reasonProblems);
        const warned = await this.repository.unacknowledgedWarnings(manager, unit, current.period);
        if (warned.length && !acknowledgeWarnings)
          for (const row of warned) {
            const field = `warnings.${row.indicatorId}`;
            errors[field] = `${field}：${row.name}：${row.warnings.map((w) => w.message).join('；')}`;
          }
        if (Object.keys(errors).length) {
          const reasons = Object.keys(reasonProblems).length;
          const message =
            warned.length && !acknowledgeWarnings && Object.keys(errors).length === warned.length
              ? '本期有提醒尚未确认，请核对后确认再提交'
              : reasons && Object.keys(errors).length === reasons
                ? '按本部门监控规则，以下指标须填写偏差原因后才能提交'
                : '本期填报尚不完整，不能提交';
          throw new AppException(ErrorCode.ValidationFailed, message, errors);
        }
        await this.repository.acknowledgeWarnings(
          manager,
          warned.map((row) => row.reportId),
        );
        acknowledged = warned;
      },
      auditAfter: (next) =>
        acknowledged.length
          ? {
              ...next,
              acknowledgedWarnings: acknowledged.map(({ indicatorId, name, warnings }) => ({
                indicatorId,
                name,
                warnings,
              })),
            }
          : next,
    });
  }

  async approve(scope: PeriodScope, period: string, version?: number): Promise<PeriodRow> {
    return this.move(scope, period, 'approve', version);
  }

  async returnForRevision(
    scope: PeriodScope,
    period: string,
    reason: string,
    version?: number,
  ): Promise<PeriodRow> {
    const returned = await this.move(scope, period, 'return', version, {
      reason,
      // The reporters are told in the return's own transaction: a return never goes unannounced.
      after: (manager, next) =>
        this.notifications.returned(manager, next, period, next.returnReason as string, next.version),
    });
    this.outbox.kick();
    return returned;
  }

  /**
   * 解锁: only an admin, with a reason in the audit log; the period goes back to draft for the lead. Not while the
   * department's period is locked (期间锁定): the admin releases that lock first, which is audited too.
   */
  async unlock(scope: PeriodScope, period: string, reason: string, version?: number): Promise<PeriodRow> {
    return this.move(scope, period, 'unlock', version, { reason });
  }

  private async move(
    scope: PeriodScope,
    period: string,
    action: ReviewAction,
    version: number | undefined,
    options: {
      reason?: string;
      prepare?: (manager: EntityManager, current: PeriodRow, unit: ScopeUnit) => Promise<void>;
      auditAfter?: (next: PeriodRow) => object;
      after?: (manager: EntityManager, next: PeriodRow) => Promise<unknown>;
    } = {},
  ): Promise<PeriodRow> {
    const { reason, prepare, auditAfter, after } = options;
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.requireUnit(manager, scope);
      if (action === 'submit') assertPeriodInYear(period, unit.year);
      await this.workflow.authorize(action, {
        actor,
        departmentId: unit.departmentId,
        assertWriter: () => this.access.assertCanReport(unit.projectId, manager, actor, unit),
      });
      const current = await this.heldPeriod(manager, unit.fiscalYearId, unit.projectId, period);
      if (!current) {
        if (action === 'submit')
          throw new AppException(ErrorCode.ValidationFailed, '本期尚未填报任何内容', {
            period: 'period：本期尚未填报',
          });
        throw new AppException(ErrorCode.NotFound, '本期尚无填报记录');
      }
      const next = await this.workflow.transition(manager, this.subject, current, action, {
        actor,
        version,
        reason,
        prepare: prepare && ((row) => prepare(manager, row, unit)),
        auditAfter,
      });
      await after?.(manager, next);
      return next;
    });
  }

  /** The project (readable, not archived), or the department-year (404 / 403 by the access policy). */
  private async requireUnit(manager: EntityManager, scope: PeriodScope): Promise<ScopeUnit> {
    if ('code' in scope) {
      const year = await this.access.assertCanReadDepartmentYear(scope.code, scope.year, manager);
      return { ...year, projectId: null, year: scope.year };
    }
    const project = await this.repository.findProject(manager, scope.projectId);
    if (!project) throw new AppException(ErrorCode.NotFound, '项目不存在');
    this.access.assertCanReadDepartment(project.departmentId);
    assertNotArchived(project, '项目');
    return {
      fiscalYearId: project.fiscalYearId,
      projectId: project.id,
      departmentId: project.departmentId,
      year: project.year,
    };
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
}
