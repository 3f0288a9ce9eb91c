import { Injectable } from '@nestjs/common';
import {
  daysOverdue,
  DEFAULT_RULE_SETTINGS,
  dualMonitoringWarning,
  dueDate,
  FLAGGED_LIGHTS,
  isFlagged,
  flagRank,
  indicatorStatus,
  isOverdue,
  isProjectedMiss,
  localDate,
  periodOf,
  periodsUpTo,
  type RuleSettings,
  yearOf,
} from '@jixiao/domain';
import { RuleSettingsRepository } from '../monitoring-rules/rule-settings.repository';
import { AccessPolicy } from '../../common/auth/access-policy';
import { notFound } from '../../common/errors/app.exception';
import { type AsOf, resolveAsOf } from './as-of';
import { budgetLightOf } from './budget-light';
import {
  BudgetRow,
  DashboardRepository,
  DepartmentYearRow,
  FlaggedRow,
  LightCountRow,
  ProjectionInputRow,
  SeriesIndicatorRow,
  TrendRow,
} from './dashboard.repository';
import {
  CityDashboardQuery,
  DashboardQuery,
  FLAGGED_DEFAULT_PAGE_SIZE,
  FlaggedQuery,
} from './dto/as-of.query';
import {
  BudgetExecutionSummaryResponse,
  BudgetTotalResponse,
  CityDashboardResponse,
  DashboardResponse,
  DepartmentDashboardResponse,
  DepartmentRollupResponse,
  FlaggedPageResponse,
  DepartmentRefResponse,
  FlaggedIndicatorResponse,
  OverdueReportResponse,
  ProjectBudgetResponse,
  TrendPointResponse,
} from './dto/dashboard.response';
import { emptyCounts, LightCountsResponse } from './dto/light-counts.response';
import type { ProjectionResponse } from './dto/projection.response';
import { projectedLightOf, projectedLightOfMonths, projectionOf } from './projection';

/** Shown where a row belongs to the department-wide goals (部门整体目标) rather than a project. */
export const OVERALL_NAME = '部门整体';

const countsOf = (row: LightCountRow | undefined): LightCountsResponse =>
  row
    ? {
        red: row.red,
        yellow: row.yellow,
        green: row.green,
        blue: row.blue,
        grey: row.grey,
        undetermined: row.undetermined,
        total: row.total,
      }
    : emptyCounts();

/** Dashboards of 双监控: lights, flagged indicators, budget execution against pace, trend and overdue reports. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repository: DashboardRepository,
    private readonly access: AccessPolicy,
    private readonly rules: RuleSettingsRepository,
  ) {}

  async departmentDashboard(
    code: string,
    year: number,
    query: DashboardQuery,
  ): Promise<DepartmentDashboardResponse> {
    const [unit] = await this.repository.findDepartmentYears(year, { code });
    if (!unit) throw notFound(`部门 ${code} 的 ${year} 年度预算`);
    this.access.assertCanReadDepartment(unit.departmentId);
    return this.departmentView(unit, year, query.asOf, query.projectedMiss === 'true');
  }

  /**
   * A department-year's dashboard without a signed-in caller, for the monthly leadership digest (领导月度摘要):
   * the caller decides who may read it. undefined when the department has no budget for the year.
   */
  async departmentDashboardFor(
    code: string,
    year: number,
    asOf: string,
    today: string = localDate(),
  ): Promise<DepartmentDashboardResponse | undefined> {
    const [unit] = await this.repository.findDepartmentYears(year, { code });
    return unit && this.departmentView(unit, year, asOf, false, today);
  }

  private async departmentView(
    unit: DepartmentYearRow,
    year: number,
    asOf: string | undefined,
    projectedMissOnly: boolean,
    today: string = localDate(),
  ): Promise<DepartmentDashboardResponse> {
    const department = { code: unit.code, name: unit.name };
    if (asOf !== undefined) {
      // The month is given (and checked first): the latest reported month, only shown, is read alongside.
      const given = resolveAsOf(year, asOf, today);
      const [latestReportedPeriod, dashboard] = await Promise.all([
        this.repository.latestReportedPeriod([unit.fiscalYearId]),
        this.build([unit], given, projectedMissOnly),
      ]);
      return { department, latestReportedPeriod, ...dashboard };
    }
    const latestReportedPeriod = await this.repository.latestReportedPeriod([unit.fiscalYearId]);
    const dashboard = await this.build(
      [unit],
      resolveAsOf(year, asOf, today, latestReportedPeriod),
      projectedMissOnly,
    );
    return { department, latestReportedPeriod, ...dashboard };
  }

  /**
   * The city view: totals and one row per department-year of the year the caller may read (a leader or lead:
   * their own), in a fixed number of statements whatever the number of departments; no list of indicators.
   */
  async cityDashboard(query: CityDashboardQuery): Promise<CityDashboardResponse> {
    const { units, asOf } = await this.cityScope(query);
    const ids = units.map((unit) => unit.fiscalYearId);
    const duePassed = periodsUpTo(asOf.year, asOf.month).filter((period) =>
      isOverdue(period, null, asOf.today, asOf.dueDay),
    );
    const [rollup, trend, rules, inputs] = await Promise.all([
      this.repository.departmentRollup(ids, asOf.yearStart, asOf.period, duePassed),
      this.repository.trend(ids, asOf.yearStart, asOf.period),
      this.rules.forFiscalYears(ids),
      this.repository.projectionInputs(ids, asOf.yearStart, asOf.period),
    ]);
    const rulesOf = (fiscalYearId: string): RuleSettings => rules.get(fiscalYearId) ?? DEFAULT_RULE_SETTINGS;
    const misses = this.projectedMissCounts(inputs, asOf, rulesOf);
    const rowOf = new Map(rollup.map((row) => [row.fiscalYearId, row]));
    const departments = units.map((unit): DepartmentRollupResponse => {
      const row = rowOf.get(unit.fiscalYearId);
      return {
        department: { code: unit.code, name: unit.name },
        counts: countsOf(row && { ...row, fiscalYearId: unit.fiscalYearId, projectId: null, grouping: 1 }),
        budget: (({ budgetYuan, executedYuan, rate, light }) => ({ budgetYuan, executedYuan, rate, light }))(
          this.budgetTotal(
            row && { budgetYuan: row.budgetYuan, executedYuan: row.executedYuan },
            asOf.month,
            rulesOf(unit.fiscalYearId),
          ),
        ),
        overdue: row?.overdue ?? 0,
        projectedMiss: misses.get(unit.fiscalYearId) ?? 0,
      };
    });
    const sum = (pick: (row: DepartmentRollupResponse) => number): number =>
      departments.reduce((total, row) => total + pick(row), 0);
    const total: LightCountsResponse = {
      red: sum((d) => d.counts.red),
      yellow: sum((d) => d.counts.yellow),
      green: sum((d) => d.counts.green),
      blue: sum((d) => d.counts.blue),
      grey: sum((d) => d.counts.grey),
      undetermined: sum((d) => d.counts.undetermined),
      total: sum((d) => d.counts.total),
    };
    const executed = departments.filter((d) => d.budget.executedYuan !== null);
    return {
      year: asOf.year,
      asOf: asOf.period,
      today: asOf.today,
      counts: total,
      // A total over department-years has no one set of rules: a single department's own, else national.
      budget: this.budgetTotal(
        {
          budgetYuan: sum((d) => d.budget.budgetYuan),
          executedYuan: executed.length ? sum((d) => d.budget.executedYuan ?? 0) : null,
        },
        asOf.month,
        units.length === 1 ? rulesOf(units[0].fiscalYearId) : DEFAULT_RULE_SETTINGS,
      ),
      overdue: sum((d) => d.overdue),
      projectedMiss: sum((d) => d.projectedMiss),
      trend: this.trendPoints(trend, total.total, asOf),
      departments,
    };
  }

  /**
   * The city's flagged indicators, one page: filtered (department, project, lights, 一级指标) and sorted by the
   * database, each with its projection as on the department dashboard.
   */
  async flaggedPage(query: FlaggedQuery): Promise<FlaggedPageResponse> {
    const { units, asOf } = await this.cityScope(query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? FLAGGED_DEFAULT_PAGE_SIZE;
    const byYear = new Map(units.map((u) => [u.fiscalYearId, u]));
    // flagRank's order: FLAGGED_LIGHTS, of which the lights asked for.
    const lights = FLAGGED_LIGHTS.filter((light) => !query.light || query.light.includes(light));
    const [{ rows, total }, rules] = await Promise.all([
      this.repository.flaggedPage(
        units.map((u) => u.fiscalYearId),
        asOf.yearStart,
        asOf.period,
        {
          lights,
          projectId: query.project,
          level1: query.level1,
          sort: query.sort ?? 'worst',
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
      ),
      this.rules.forFiscalYears(units.map((u) => u.fiscalYearId)),
    ]);
    const rulesOf = (fiscalYearId: string): RuleSettings => rules.get(fiscalYearId) ?? DEFAULT_RULE_SETTINGS;
    const projections = this.projections(rows, asOf, rulesOf);
    return {
      items: rows.map((row) => this.flaggedItem(row, byYear, asOf, projections, rulesOf)),
      total,
      page,
      pageSize,
    };
  }

  /** The department-years the caller may read (narrowed to `department`, if asked) and the month looked at. */
  private async cityScope(
    query: CityDashboardQuery & { department?: string },
  ): Promise<{ units: DepartmentYearRow[]; asOf: AsOf }> {
    const today = localDate();
    const year = query.year ?? (query.asOf ? yearOf(query.asOf) : yearOf(today));
    let units: DepartmentYearRow[];
    if (query.department !== undefined) {
      units = await this.repository.findDepartmentYears(year, { code: query.department });
      if (!units[0]) throw notFound(`部门 ${query.department} 的 ${year} 年度预算`);
      this.access.assertCanReadDepartment(units[0].departmentId);
    } else {
      units = await this.repository.findDepartmentYears(year, {
        departmentIds: this.access.departmentScope(),
      });
    }
    const asOf = await this.resolveAsOf(
      year,
      units.map((unit) => unit.fiscalYearId),
      query.asOf,
      today,
    );
    return { units, asOf };
  }

  /**
   * 预计年末未达标 per department-year: libs/domain's year-end light of every indicator with a report this year
   * (the rule of the department dashboard's projections, without their explanations), counted by isProjectedMiss.
   */
  private projectedMissCounts(
    rows: ProjectionInputRow[],
    asOf: AsOf,
    rulesOf: (fiscalYearId: string) => RuleSettings,
  ): Map<string, number> {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const light = projectedLightOfMonths(
        row.target,
        row.thresholds,
        row.months.map((month, i) => ({ month, value: row.values[i] })),
        row.forecastValue,
        asOf,
        rulesOf(row.fiscalYearId),
      );
      if (isProjectedMiss(light && { light }))
        counts.set(row.fiscalYearId, (counts.get(row.fiscalYearId) ?? 0) + 1);
    }
    return counts;
  }

  /** The month a view of these department-years looks at: the one asked for, else the latest month with reports. */
  async resolveAsOf(
    year: number,
    fiscalYearIds: string[],
    asOf: string | undefined,
    today: string = localDate(),
  ): Promise<AsOf> {
    const latest = asOf === undefined ? await this.repository.latestReportedPeriod(fiscalYearIds) : null;
    return resolveAsOf(year, asOf, today, latest);
  }

  /** Light counts of one department-year keyed by project id ('' = the department-wide goals). */
  async lightCountsByProject(
    fiscalYearId: string,
    period: string,
  ): Promise<Map<string, LightCountsResponse>> {
    const rows = await this.repository.lightCounts([fiscalYearId], period);
    return new Map(rows.filter((r) => r.grouping === 0).map((r) => [r.projectId ?? '', countsOf(r)]));
  }

  /** Latest budget execution up to the month of every project of one department-year, keyed by project id. */
  async budgetByProject(
    fiscalYearId: string,
    asOf: AsOf,
  ): Promise<Map<string, BudgetExecutionSummaryResponse>> {
    const [rows, rules] = await Promise.all([
      this.repository.budget([fiscalYearId], asOf.yearStart, asOf.period),
      this.rules.forFiscalYear(fiscalYearId),
    ]);
    return new Map(
      rows
        .filter((row) => row.grouping === 0)
        .map((row) => [
          row.projectId as string,
          {
            period: row.executedPeriod,
            budgetYuan: row.budgetYuan,
            executedYuan: row.executedYuan,
            ...budgetLightOf(row.budgetYuan, row.executedYuan, asOf.month, rules),
          },
        ]),
    );
  }

  private async build(
    units: DepartmentYearRow[],
    asOf: AsOf,
    projectedMissOnly = false,
  ): Promise<DashboardResponse> {
    const ids = units.map((u) => u.fiscalYearId);
    const byYear = new Map(units.map((u) => [u.fiscalYearId, u]));
    const duePassed = periodsUpTo(asOf.year, asOf.month).filter((period) =>
      isOverdue(period, null, asOf.today, asOf.dueDay),
    );
    const [counts, series, budget, trend, open, rules, progress] = await Promise.all([
      this.repository.lightCounts(ids, asOf.period),
      this.repository.monitoredSeries(ids, asOf.yearStart, asOf.period),
      this.repository.budget(ids, asOf.yearStart, asOf.period),
      this.repository.trend(ids, asOf.yearStart, asOf.period),
      duePassed.length ? this.repository.openPeriods(ids, duePassed) : Promise.resolve([]),
      this.rules.forFiscalYears(ids),
      this.repository.meanProgress(ids, asOf.period),
    ]);
    // The flagged indicators are the monitored ones whose light as of the month is flagged (same rows, same
    // document order): taken from the series' rows rather than read a second time.
    const flagged = series.filter((row) => isFlagged(row.light));
    const progressOf = new Map(progress.map((row) => [row.projectId, row.progress]));
    const rulesOf = (fiscalYearId: string | null): RuleSettings =>
      rules.get(fiscalYearId as string) ?? DEFAULT_RULE_SETTINGS;
    const total = countsOf(counts.find((r) => r.grouping === 3));
    const late = open.filter((row) => isOverdue(row.period, row.status, asOf.today, asOf.dueDay));
    const overdue = late.map((row): OverdueReportResponse => ({
      department: this.ref(byYear, row.fiscalYearId),
      projectId: row.projectId,
      projectCode: row.projectCode,
      projectName: row.projectName ?? OVERALL_NAME,
      period: row.period,
      status: row.status === 'draft' || row.status === 'returned' ? row.status : 'missing',
      dueDate: dueDate(row.period, asOf.dueDay),
      daysOverdue: daysOverdue(row.period, asOf.today, asOf.dueDay),
    }));
    // Every monitored indicator's projected light (cheap), the full projection with its explanation only for the
    // indicators listed: the projected misses and, unless only they are asked for, the flagged ones.
    const missing = series.filter((row) => {
      const light = projectedLightOf(
        row.target,
        row.thresholds,
        row.series ?? [],
        row.forecastValue,
        asOf,
        rulesOf(row.fiscalYearId),
      );
      return isProjectedMiss(light && { light });
    });
    const listed = new Set([
      ...missing.map((row) => row.indicatorId),
      ...(projectedMissOnly ? [] : flagged.map((row) => row.indicatorId)),
    ]);
    const projections = this.projections(
      series.filter((row) => listed.has(row.indicatorId)),
      asOf,
      rulesOf,
    );
    const projectedMisses = this.rankProjectedMisses(missing, byYear, asOf, projections);
    return {
      year: asOf.year,
      asOf: asOf.period,
      today: asOf.today,
      counts: total,
      flagged: projectedMissOnly
        ? projectedMisses
        : this.rankFlagged(flagged, byYear, asOf, projections, rulesOf),
      projectedMiss: projectedMisses.length,
      projectedMisses,
      budget: {
        // A total over department-years has no one set of rules: a single department's own, else national.
        total: this.budgetTotal(
          budget.find((r) => r.grouping === 3),
          asOf.month,
          units.length === 1 ? rulesOf(units[0].fiscalYearId) : DEFAULT_RULE_SETTINGS,
        ),
        projects: this.projectBudgets(budget, byYear, asOf.month, rulesOf, progressOf),
      },
      trend: this.trendPoints(trend, total.total, asOf),
      overdue,
    };
  }

  /** Each monitored indicator's year-end projection (libs/domain), from the series fetched in one statement. */
  private projections(
    rows: SeriesIndicatorRow[],
    asOf: AsOf,
    rulesOf: (fiscalYearId: string) => RuleSettings,
  ): Map<string, ProjectionResponse | null> {
    return new Map(
      rows.map((row) => [
        row.indicatorId,
        projectionOf(
          row.target,
          row.thresholds,
          row.series ?? [],
          row.forecastValue,
          asOf,
          rulesOf(row.fiscalYearId),
        ),
      ]),
    );
  }

  /** By libs/domain flagRank (red, yellow, undetermined, grey); within a light the least progress first; document order breaks ties. */
  private rankFlagged(
    rows: FlaggedRow[],
    byYear: Map<string, DepartmentYearRow>,
    asOf: AsOf,
    projections: Map<string, ProjectionResponse | null>,
    rulesOf: (fiscalYearId: string) => RuleSettings,
  ): FlaggedIndicatorResponse[] {
    const items = rows.map((row) => this.flaggedItem(row, byYear, asOf, projections, rulesOf));
    const rank = (item: FlaggedIndicatorResponse): number => flagRank(item.light);
    const byProgress = (a: number | null, b: number | null): number =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b;
    // Array.prototype.sort is stable: rows keep the repository's document order on ties.
    return items.sort((a, b) => rank(a) - rank(b) || byProgress(a.progress, b.progress));
  }

  /** 预计年末未达标: projected red before projected yellow, then by today's light; document order breaks ties. */
  private rankProjectedMisses(
    rows: SeriesIndicatorRow[],
    byYear: Map<string, DepartmentYearRow>,
    asOf: AsOf,
    projections: Map<string, ProjectionResponse | null>,
  ): FlaggedIndicatorResponse[] {
    const items = rows.map((row) => this.flaggedItem(row, byYear, asOf, projections));
    // Only rows with a projection get here (isProjectedMiss is false without one).
    const projected = (item: FlaggedIndicatorResponse): number =>
      flagRank((item.projection as ProjectionResponse).light);
    return items.sort((a, b) => projected(a) - projected(b) || flagRank(a.light) - flagRank(b.light));
  }

  private flaggedItem(
    row: FlaggedRow,
    byYear: Map<string, DepartmentYearRow>,
    asOf: AsOf,
    projections: Map<string, ProjectionResponse | null>,
    rulesOf?: (fiscalYearId: string) => RuleSettings,
  ): FlaggedIndicatorResponse {
    // The stored light (re-evaluated on every target or rules change) when reported; libs/domain's grey when not.
    const unreported = indicatorStatus(row.target, null, asOf, {
      thresholds: row.thresholds,
      dueDay: asOf.dueDay,
      rules: rulesOf?.(row.fiscalYearId),
    });
    const reported = row.actualRaw !== null;
    const lightReason = reported ? (row.lightReason ?? '') : unreported.reason;
    return {
      department: this.ref(byYear, row.fiscalYearId),
      projectId: row.projectId,
      projectCode: row.projectCode,
      projectName: row.projectName ?? OVERALL_NAME,
      goalId: row.goalId,
      indicatorId: row.indicatorId,
      level1: row.level1,
      level2: row.level2,
      indicatorName: row.indicatorName,
      targetRaw: row.targetRaw,
      targetUnit: row.targetUnit,
      actualRaw: row.actualRaw,
      actualValue: row.actualValue,
      expectedByNow: unreported.expected,
      progress: reported ? row.progress : null,
      forecastRaw: row.forecastRaw,
      likelihood: row.likelihood,
      light: row.light,
      lightReason,
      explanation: reported ? (row.lightExplanation ?? lightReason) : unreported.explanation,
      projection: projections.get(row.indicatorId) ?? null,
    };
  }

  private projectBudgets(
    rows: BudgetRow[],
    byYear: Map<string, DepartmentYearRow>,
    month: number,
    rulesOf: (fiscalYearId: string) => RuleSettings,
    progressOf: Map<string, number>,
  ): ProjectBudgetResponse[] {
    return rows
      .filter((row) => row.grouping === 0)
      .map((row) => {
        const rules = rulesOf(row.fiscalYearId as string);
        const light = budgetLightOf(row.budgetYuan, row.executedYuan, month, rules);
        // 双监控: the indicators' mean progress against the budget's (执行率 ÷ 时间进度 × 100), as the rules ask.
        const budgetProgress = light.rate === null ? null : (light.rate * 100) / light.pace;
        const warning = dualMonitoringWarning(
          progressOf.get(row.projectId as string) ?? null,
          budgetProgress === null ? null : Math.round(budgetProgress * 10) / 10,
          rules,
        );
        return {
          department: this.ref(byYear, row.fiscalYearId as string),
          projectId: row.projectId as string,
          projectCode: row.projectCode,
          projectName: row.projectName as string,
          budgetYuan: row.budgetYuan,
          executedYuan: row.executedYuan,
          executedPeriod: row.executedPeriod,
          ...light,
          dualWarning: warning?.message ?? null,
        };
      });
  }

  private budgetTotal(
    row: Pick<BudgetRow, 'budgetYuan' | 'executedYuan'> | undefined,
    month: number,
    rules: RuleSettings,
  ): BudgetTotalResponse {
    const budgetYuan = row?.budgetYuan ?? 0;
    const executedYuan = row?.executedYuan ?? null;
    return {
      budgetYuan,
      executedYuan,
      ...budgetLightOf(budgetYuan, executedYuan, month, rules),
    };
  }

  private trendPoints(rows: TrendRow[], total: number, asOf: AsOf): TrendPointResponse[] {
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    return Array.from({ length: asOf.month }, (_, i) => {
      const period = periodOf(asOf.year, i + 1);
      const { red = 0, yellow = 0, green = 0, blue = 0, undetermined = 0 } = byPeriod.get(period) ?? {};
      return {
        period,
        red,
        yellow,
        green,
        blue,
        grey: Math.max(0, total - red - yellow - green - blue - undetermined),
        undetermined,
        total,
      };
    });
  }

  private ref(byYear: Map<string, DepartmentYearRow>, fiscalYearId: string): DepartmentRefResponse {
    const unit = byYear.get(fiscalYearId);
    return { code: unit?.code ?? '', name: unit?.name ?? '' };
  }
}
