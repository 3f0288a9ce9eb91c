import { Injectable } from '@nestjs/common';
import {
  DEFAULT_RULE_SETTINGS,
  defaultRuleSettings,
  type Light,
  projectLight,
  type RuleSettings,
  validateRuleSettings,
} from '@jixiao/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { budgetLightOf } from '../dashboard/budget-light';
import { DashboardRepository } from '../dashboard/dashboard.repository';
import { DashboardService } from '../dashboard/dashboard.service';
import { LIGHT_VALUES } from '../dashboard/dto/light-counts.response';
import { ReportLightsRepository } from '../monitoring/report-lights.repository';
import { ReportLightsWriter, restated } from '../monitoring/report-lights.writer';
import type {
  LightChangeResponse,
  RuleSettingsDto,
  RuleSettingsResponse,
  RulesPreviewResponse,
} from './dto/rule-settings.dto';
import { RuleSettingsRepository } from './rule-settings.repository';

/**
 * 监控规则 of a department-year (docs/domain.md "Rules as settings"): read by anyone who may read the department,
 * changed by the admin (validated by libs/domain, audited, stale version → 409, every stored light re-evaluated
 * in the same transaction), and previewed: which lights of the latest reported month a change would turn.
 */
@Injectable()
export class MonitoringRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RuleSettingsRepository,
    private readonly lights: ReportLightsRepository,
    private readonly writer: ReportLightsWriter,
    private readonly dashboard: DashboardService,
    private readonly dashboardRepository: DashboardRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async get(code: string, year: number): Promise<RuleSettingsResponse> {
    const { fiscalYearId } = await this.access.assertCanReadDepartmentYear(code, year);
    return this.response(this.dataSource.manager, code, year, fiscalYearId);
  }

  async save(code: string, year: number, body: RuleSettingsDto): Promise<RuleSettingsResponse> {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    const { version, ...proposed } = body;
    const settings = checked(proposed);
    return this.dataSource.transaction(async (manager) => {
      const { fiscalYearId } = await this.access.assertCanReadDepartmentYear(code, year, manager);
      const before = await this.repository.stored(manager, fiscalYearId, true);
      if (version === undefined || version !== (before?.version ?? 0))
        throw new AppException(ErrorCode.VersionConflict, '监控规则已被他人修改，请刷新后重试', undefined, {
          current: before ?? null,
        });
      const saved = await this.repository.save(manager, fiscalYearId, settings, actor.id);
      const reevaluated = await this.writer.reevaluateFiscalYear(manager, fiscalYearId);
      await this.audit.record(manager, {
        action: 'monitoring-rules.update',
        entity: 'monitoring-rules',
        entityId: saved.id,
        before: { code, year, settings: before?.settings ?? DEFAULT_RULE_SETTINGS },
        after: { code, year, settings, reevaluated },
      });
      return { ...(await this.response(manager, code, year, fiscalYearId)), reevaluated };
    });
  }

  /** How many lights of the latest reported month (indicators, budgets, projects) the proposed rules would change. */
  async preview(code: string, year: number, body: RuleSettingsDto): Promise<RulesPreviewResponse> {
    const { version: _version, ...proposed } = body;
    const next = checked(proposed);
    const { fiscalYearId } = await this.access.assertCanReadDepartmentYear(code, year);
    const manager = this.dataSource.manager;
    const [current, asOf] = await Promise.all([
      this.repository.forFiscalYear(fiscalYearId, manager),
      this.dashboard.resolveAsOf(year, [fiscalYearId], undefined),
    ]);
    const [reports, counts, budgets] = await Promise.all([
      this.lights.monthReports(manager, fiscalYearId, asOf.period),
      this.dashboard.lightCountsByProject(fiscalYearId, asOf.period),
      this.dashboardRepository.budget([fiscalYearId], asOf.yearStart, asOf.period),
    ]);
    const changes: LightChangeResponse[] = [];
    // Indicators: each stored light of the month read again under the proposed rules.
    const swapped = new Map<string, { from: Light; to: Light }[]>();
    for (const report of reports) {
      const to = restated(report, next).light as Light;
      const from = report.light as Light;
      if (to === from) continue;
      changes.push({
        kind: 'indicator',
        id: report.indicatorId,
        name: report.name,
        projectName: report.projectName,
        from,
        to,
      });
      const key = report.projectId ?? '';
      swapped.set(key, [...(swapped.get(key) ?? []), { from, to }]);
    }
    const indicatorChanges = changes.length;
    // Budgets and projects: each project's budget light and its combined light, before and after.
    let budgetChanges = 0;
    let projectChanges = 0;
    const projects = budgets.filter((row) => row.grouping === 0);
    for (const row of projects) {
      const id = row.projectId as string;
      const name = row.projectName as string;
      const before = budgetLightOf(row.budgetYuan, row.executedYuan, asOf.month, current).light;
      const after = budgetLightOf(row.budgetYuan, row.executedYuan, asOf.month, next).light;
      if (before !== after) {
        budgetChanges++;
        changes.push({ kind: 'budget', id, name, projectName: name, from: before, to: after });
      }
      const lightsBefore = expand(counts.get(id));
      const lightsAfter = [...lightsBefore];
      for (const { from, to } of swapped.get(id) ?? []) lightsAfter.splice(lightsAfter.indexOf(from), 1, to);
      const was = lightsBefore.length ? projectLight(lightsBefore, before, current) : null;
      const becomes = lightsAfter.length ? projectLight(lightsAfter, after, next) : null;
      if (was !== null && becomes !== null && was !== becomes) {
        projectChanges++;
        changes.push({ kind: 'project', id, name, projectName: name, from: was, to: becomes });
      }
    }
    const compared = {
      indicators: reports.length,
      budgets: projects.length,
      projects: projects.filter((row) => (counts.get(row.projectId as string)?.total ?? 0) > 0).length,
    };
    return {
      asOf: asOf.period,
      changed: {
        indicators: indicatorChanges,
        budgets: budgetChanges,
        projects: projectChanges,
        total: indicatorChanges + budgetChanges + projectChanges,
      },
      compared: { ...compared, total: compared.indicators + compared.budgets + compared.projects },
      changes,
    };
  }

  private async response(
    manager: EntityManager,
    code: string,
    year: number,
    fiscalYearId: string,
  ): Promise<RuleSettingsResponse> {
    const stored = await this.repository.stored(manager, fiscalYearId);
    return {
      code,
      year,
      settings: stored?.settings ?? defaultRuleSettings(),
      defaults: defaultRuleSettings(),
      version: stored?.version ?? 0,
      updatedBy: stored?.updatedBy ?? null,
      updatedAt: stored?.updatedAt ?? null,
    };
  }
}

/** The settings as libs/domain accepts them, or 400 naming each field it refuses. */
function checked(proposed: unknown): RuleSettings {
  const { settings, errors } = validateRuleSettings(JSON.parse(JSON.stringify(proposed)));
  if (settings) return settings;
  throw new AppException(
    ErrorCode.ValidationFailed,
    `监控规则有误：${Object.keys(errors).join('、')}`,
    errors,
  );
}

/** One light per indicator from a project's light counts. */
function expand(counts: Record<Light, number> | undefined): Light[] {
  if (!counts) return [];
  return LIGHT_VALUES.flatMap((light) => Array.from({ length: counts[light] }, () => light));
}
