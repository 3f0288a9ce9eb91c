import { Injectable } from '@nestjs/common';
import {
  type Actual,
  type PreviousReport,
  type Target,
  aboutField,
  assertNumberGiven,
  DomainError,
  indicatorStatus,
  monthOf,
  parseActual,
  reportWarnings,
} from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { assertEditable } from '../../common/workflow/review-workflow';
import { AuditService } from '../audit/audit.service';
import { budgetLightOf } from '../dashboard/budget-light';
import { BudgetExecutionDto, ReportDto } from './dto/report.dto';
import { MonitoringRepository, PeriodRow, ReportRow } from './monitoring.repository';
import { assertNotArchived } from './archived-write.error';
import { assertPeriodInYear } from './period-in-year.error';
import { periodLockedError } from './period-locked.error';
import { RuleSettingsRepository } from '../monitoring-rules/rule-settings.repository';

/**
 * 双监控 writes: indicator reports and budget execution, each under the period's row lock and the admin's period lock.
 * The period workflow is PeriodWorkflowService, the period locks PeriodLocksService.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MonitoringRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly rules: RuleSettingsRepository,
  ) {}

  async saveReport(
    indicatorId: string,
    period: string,
    dto: ReportDto,
  ): Promise<ReportRow & { status: string; explanation: string }> {
    const actor = this.access.actor();
    return this.dataSource.transaction(async (manager) => {
      // Judged against the target in force for the month (an approved adjustment's, from its effective month on).
      const indicator = await this.repository.findIndicator(manager, indicatorId, period);
      if (!indicator) throw new AppException(ErrorCode.NotFound, '指标不存在');
      if (indicator.term !== 'annual')
        throw new AppException(ErrorCode.ValidationFailed, '长期目标的指标不参与年度监控填报', {
          id: 'id：只能填报年度目标的指标',
        });
      this.assertPeriodInYear(period, indicator.year);
      await this.access.assertCanReport(indicator.projectId, manager, actor, indicator);
      assertNotArchived(indicator, '指标');
      const workflow = await this.writablePeriod(
        manager,
        indicator.fiscalYearId,
        indicator.projectId,
        period,
      );

      const target = indicator.target;
      const rules = await this.rules.forFiscalYear(indicator.fiscalYearId, manager);
      const actual = this.read('actual', dto.actual, target);
      const forecast = dto.forecast ? this.read('forecast', dto.forecast, target) : undefined;
      // A target that cannot be read gives 'undetermined' (无法判定), never a missing light.
      const status = indicatorStatus(
        target,
        { actual, forecast, likelihood: dto.likelihood },
        { year: indicator.year, month: monthOf(period) },
        { thresholds: indicator.thresholds, rules },
      );
      const previous = await this.previousReport(manager, indicatorId, period, target);
      const warnings = reportWarnings(target, { actual }, previous, { month: monthOf(period) });
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
        warnings,
        warningsAcknowledged: false,
        updatedBy: actor.id,
      };

      const existing = await this.repository.findReport(manager, indicatorId, period, true);
      // Warnings already acknowledged stay so while the same ones come back (a reason edited, say).
      if (existing?.warningsAcknowledged && sameWarnings(existing.warnings, warnings))
        values.warningsAcknowledged = true;
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
        ...budgetLightOf(
          project.budgetYuan,
          dto.executed,
          monthOf(period),
          await this.rules.forFiscalYear(project.fiscalYearId, manager),
        ),
      };
    });
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
    assertEditable('本期填报', workflow.status);
    return workflow;
  }

  /**
   * A value the rules refuse answers 400 on its field (the global exception filter maps DomainError); so does a
   * 定量 target's value without a number ("abc" for 80 人), which would be saved as a report without a figure.
   */
  private read(field: 'actual' | 'forecast', raw: string, target: Target | null): Actual {
    return aboutField(field, () => {
      const actual = parseActual(raw, target ?? undefined);
      assertNumberGiven(target, actual);
      return actual;
    });
  }

  /** The indicator's previous report of the year, read against today's target (unreadable → no comparison). */
  private async previousReport(
    manager: EntityManager,
    indicatorId: string,
    period: string,
    target: Target | null,
  ): Promise<PreviousReport | null> {
    const row = await this.repository.previousReport(manager, indicatorId, period);
    if (!row) return null;
    try {
      return { period: row.period, actual: parseActual(row.actualRaw, target ?? undefined) };
    } catch (error) {
      if (error instanceof DomainError) return { period: row.period };
      throw error;
    }
  }

  private assertPeriodInYear(period: string, year: number): void {
    assertPeriodInYear(period, year);
  }

  private conflict(message: string, current: object | null | undefined): AppException {
    return new AppException(ErrorCode.VersionConflict, message, undefined, { current: current ?? null });
  }
}

const sameWarnings = (a: { code: string; message: string }[], b: { code: string; message: string }[]) =>
  JSON.stringify(a) === JSON.stringify(b);
