import { Injectable } from '@nestjs/common';
import { type Light, type PeriodStatus, type Target, type Thresholds } from '@jixiao/domain';
import { DataSource } from 'typeorm';

export interface DepartmentYearRow {
  fiscalYearId: string;
  departmentId: string;
  code: string;
  name: string;
}

/** The columns LIGHT_COUNTS gives: indicators by their light as of the month, and in all. */
export interface LightTally {
  red: number;
  yellow: number;
  green: number;
  blue: number;
  grey: number;
  undetermined: number;
  total: number;
}

/** `grouping` is GROUPING(fiscal year, project): 0 one project (or the department-wide goals), 1 a department-year, 3 all. */
export interface LightCountRow extends LightTally {
  fiscalYearId: string | null;
  projectId: string | null;
  grouping: 0 | 1 | 3;
}

export interface BudgetRow {
  fiscalYearId: string | null;
  projectId: string | null;
  grouping: 0 | 1 | 3;
  projectCode: string | null;
  projectName: string | null;
  budgetYuan: number;
  executedYuan: number | null;
  executedPeriod: string | null;
}

export interface TrendRow {
  period: string;
  red: number;
  yellow: number;
  green: number;
  blue: number;
  undetermined: number;
}

export interface FlaggedRow {
  fiscalYearId: string;
  projectId: string | null;
  projectCode: string | null;
  projectName: string | null;
  goalId: string;
  indicatorId: string;
  level1: string;
  level2: string;
  indicatorName: string;
  targetRaw: string;
  target: Target | null;
  targetUnit: string | null;
  actualRaw: string | null;
  actualValue: number | null;
  forecastRaw: string | null;
  likelihood: string | null;
  thresholds: Partial<Thresholds> | null;
  /** 'grey' where the month has no report. */
  light: Light;
  lightReason: string | null;
  lightExplanation: string | null;
  progress: number | null;
}

/** A monitored indicator with its light as of the month and its monthly series, for the year-end projection. */
export interface SeriesIndicatorRow extends FlaggedRow {
  /** Reported values from January to the month, in period order (value null where not a number). */
  series: { period: string; value: number | null }[] | null;
  /** 全年预计 of the latest report up to the month, in the target's unit. */
  forecastValue: number | null;
}

/** One department-year of the city rollup: light counts, budget and execution, reports overdue. */
export interface DepartmentRollupRow extends LightTally {
  fiscalYearId: string;
  budgetYuan: number;
  executedYuan: number | null;
  overdue: number;
}

/** What libs/domain needs to project one indicator to year end (indicators with a report of the year only). */
export interface ProjectionInputRow {
  fiscalYearId: string;
  target: Target | null;
  thresholds: Partial<Thresholds> | null;
  months: number[];
  values: (number | null)[];
  forecastValue: number | null;
}

export interface FlaggedPageFilter {
  /** Ranks of the lights: FLAGGED_LIGHTS in flagRank order. */
  lights: readonly string[];
  projectId?: string;
  level1?: string;
  sort: 'worst' | 'department' | 'project';
  limit: number;
  offset: number;
}

export interface OpenPeriodRow {
  fiscalYearId: string;
  projectId: string | null;
  projectCode: string | null;
  projectName: string | null;
  period: string;
  status: PeriodStatus | null;
}

/**
 * Monitoring read model over one or more department-years (a department's dashboard is the city view of one):
 * every method is one set-based statement; only indicators of annual goals (年度目标) are monitored.
 * The light of an indicator as of month m is the light stored with its report for m (re-evaluated whenever the
 * target changes); no report → grey (未填报), counted apart from undetermined (无法判定).
 */
/**
 * The light counts of the indicators `i` with their report `r` of the month (none: grey), as the columns of
 * LightCountRow; shared by the department dashboard's counts and the city rollup so both count alike.
 */
const LIGHT_COUNTS = `count(*) FILTER (WHERE r.light = 'red')::int AS red,
  count(*) FILTER (WHERE r.light = 'yellow')::int AS yellow,
  count(*) FILTER (WHERE r.light = 'green')::int AS green,
  count(*) FILTER (WHERE r.light = 'blue')::int AS blue,
  count(*) FILTER (WHERE r.id IS NULL OR r.light = 'grey')::int AS grey,
  count(*) FILTER (WHERE r.light = 'undetermined')::int AS undetermined,
  count(*)::int AS total`;

@Injectable()
export class DashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  findDepartmentYears(
    year: number,
    filter: { code?: string; departmentIds?: string[] | null },
  ): Promise<DepartmentYearRow[]> {
    return this.dataSource.query(
      `SELECT fy.id AS "fiscalYearId", d.id AS "departmentId", d.code, d.name
         FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
        WHERE fy.year = $1 AND ($2::varchar IS NULL OR d.code = $2::varchar) AND ($3::uuid[] IS NULL OR d.id = ANY($3::uuid[]))
        ORDER BY d.code`,
      [year, filter.code ?? null, filter.departmentIds ?? null],
    );
  }

  /** The latest month (YYYY-MM) with a report on a monitored indicator of the department-years; null when none. */
  async latestReportedPeriod(fiscalYearIds: string[]): Promise<string | null> {
    if (fiscalYearIds.length === 0) return null;
    const [row] = await this.dataSource.query(
      `SELECT max(r.period) AS period
         FROM progress_reports r
         JOIN indicators i ON i.id = r.indicator_id
         JOIN goals g ON g.id = i.goal_id
        WHERE g.fiscal_year_id = ANY($1::uuid[]) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL`,
      [fiscalYearIds],
    );
    return row?.period ?? null;
  }

  /** Light counts per project, per department-year and overall in one pass (ROLLUP). */
  lightCounts(fiscalYearIds: string[], period: string): Promise<LightCountRow[]> {
    return this.dataSource.query(
      `SELECT g.fiscal_year_id AS "fiscalYearId", g.project_id AS "projectId",
              GROUPING(g.fiscal_year_id, g.project_id)::int AS grouping,
              ${LIGHT_COUNTS}
         FROM indicators i
         JOIN goals g ON g.id = i.goal_id
         LEFT JOIN progress_reports r ON r.indicator_id = i.id AND r.period = $2
        WHERE g.fiscal_year_id = ANY($1::uuid[]) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
        GROUP BY ROLLUP (g.fiscal_year_id, g.project_id)`,
      [fiscalYearIds, period],
    );
  }

  /** The mean progress v of each project's reports of the month (indicators with a progress only). */
  meanProgress(fiscalYearIds: string[], period: string): Promise<{ projectId: string; progress: number }[]> {
    return this.dataSource.query(
      `SELECT g.project_id AS "projectId", avg(r.progress)::float8 AS progress
         FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
        WHERE g.fiscal_year_id = ANY($1::uuid[]) AND r.period = $2 AND g.term = 'annual' AND g.project_id IS NOT NULL
          AND g.archived_at IS NULL AND i.archived_at IS NULL AND r.progress IS NOT NULL
        GROUP BY g.project_id`,
      [fiscalYearIds, period],
    );
  }

  /**
   * 当年预算 (项目当年预算, else the 表10 amount) and the latest 执行数 reported up to the month, per project,
   * per department-year and overall (ROLLUP); libs/domain budgetStatus rates and lights them.
   */
  budget(fiscalYearIds: string[], yearStart: string, period: string): Promise<BudgetRow[]> {
    return this.dataSource.query(
      `WITH latest AS (
         SELECT DISTINCT ON (b.project_id) b.project_id, b.period, b.executed_yuan
           FROM budget_executions b JOIN projects p ON p.id = b.project_id
          WHERE p.fiscal_year_id = ANY($1::uuid[]) AND b.period BETWEEN $2 AND $3
          ORDER BY b.project_id, b.period DESC
       )
       SELECT p.fiscal_year_id AS "fiscalYearId", p.id AS "projectId",
              GROUPING(p.fiscal_year_id, p.id)::int AS grouping,
              min(p.code) AS "projectCode", min(p.name) AS "projectName", min(l.period) AS "executedPeriod",
              sum(COALESCE(p.current_budget_yuan, p.budget_yuan))::float8 AS "budgetYuan",
              sum(l.executed_yuan)::float8 AS "executedYuan"
         FROM projects p
         JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id
         LEFT JOIN latest l ON l.project_id = p.id
        WHERE p.fiscal_year_id = ANY($1::uuid[]) AND p.archived_at IS NULL
        GROUP BY ROLLUP (p.fiscal_year_id, p.id)
        ORDER BY min(d.code), min(p.seq)`,
      [fiscalYearIds, yearStart, period],
    );
  }

  /** Reported lights per month (grey = indicators without a report, derived from the total). */
  trend(fiscalYearIds: string[], yearStart: string, period: string): Promise<TrendRow[]> {
    return this.dataSource.query(
      `SELECT r.period,
              count(*) FILTER (WHERE r.light = 'red')::int AS red,
              count(*) FILTER (WHERE r.light = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE r.light = 'green')::int AS green,
              count(*) FILTER (WHERE r.light = 'blue')::int AS blue,
              count(*) FILTER (WHERE r.light = 'undetermined')::int AS undetermined
         FROM progress_reports r
         JOIN indicators i ON i.id = r.indicator_id
         JOIN goals g ON g.id = i.goal_id
        WHERE g.fiscal_year_id = ANY($1::uuid[]) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL AND r.period BETWEEN $2 AND $3
        GROUP BY r.period
        ORDER BY r.period`,
      [fiscalYearIds, yearStart, period],
    );
  }

  /**
   * Every monitored indicator with its light as of the month and its series from January (one statement; the
   * service projects each to year end with libs/domain projectYearEnd), in document order.
   */
  monitoredSeries(fiscalYearIds: string[], yearStart: string, period: string): Promise<SeriesIndicatorRow[]> {
    return this.dataSource.query(
      `SELECT g.fiscal_year_id AS "fiscalYearId", p.id AS "projectId", p.code AS "projectCode", p.name AS "projectName",
              g.id AS "goalId", i.id AS "indicatorId", n1.name AS level1, n2.name AS level2, i.name AS "indicatorName",
              i.target_raw AS "targetRaw", i.target_parsed AS target, i.target_unit AS "targetUnit",
              r.actual_raw AS "actualRaw", r.actual_value::float8 AS "actualValue", r.forecast_raw AS "forecastRaw",
              r.likelihood, i.thresholds, COALESCE(r.light, 'grey') AS light, r.light_reason AS "lightReason",
              r.light_explanation AS "lightExplanation", r.progress::float8 AS progress,
              s.series, s.forecast_value AS "forecastValue"
         FROM indicators i
         JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes n2 ON n2.id = i.node_id
         JOIN indicator_nodes n1 ON n1.id = n2.parent_id
         JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id
         LEFT JOIN projects p ON p.id = g.project_id
         LEFT JOIN progress_reports r ON r.indicator_id = i.id AND r.period = $3
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('period', h.period, 'value', h.actual_value::float8) ORDER BY h.period) AS series,
                  (array_agg(h.forecast_value::float8 ORDER BY h.period DESC))[1] AS forecast_value
             FROM progress_reports h
            WHERE h.indicator_id = i.id AND h.period BETWEEN $2 AND $3
         ) s ON true
        WHERE g.fiscal_year_id = ANY($1::uuid[]) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
        ORDER BY d.code, p.seq NULLS FIRST, g.seq, i.seq`,
      [fiscalYearIds, yearStart, period],
    );
  }

  /**
   * Reports not in (no report_period, draft, returned) for the given periods: every project, plus the
   * department-wide goals (project null) where they have annual indicators.
   */
  openPeriods(fiscalYearIds: string[], periods: string[]): Promise<OpenPeriodRow[]> {
    return this.dataSource.query(
      `WITH units AS (
         SELECT p.fiscal_year_id, p.id AS project_id, p.code::text AS code, p.name, p.seq
           FROM projects p WHERE p.fiscal_year_id = ANY($1::uuid[]) AND p.archived_at IS NULL
         UNION ALL
         SELECT DISTINCT g.fiscal_year_id, NULL::uuid, NULL::text, NULL::text, 0
           FROM goals g JOIN indicators i ON i.goal_id = g.id
          WHERE g.fiscal_year_id = ANY($1::uuid[]) AND g.project_id IS NULL AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
       )
       SELECT u.fiscal_year_id AS "fiscalYearId", u.project_id AS "projectId", u.code AS "projectCode", u.name AS "projectName",
              per.period, COALESCE(rp.status, ro.status) AS status
         FROM units u
         JOIN fiscal_years fy ON fy.id = u.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id
        CROSS JOIN unnest($2::text[]) AS per(period)
         -- Two joins instead of IS NOT DISTINCT FROM, so each can use its unique (partial) index.
         LEFT JOIN report_periods rp
           ON rp.project_id = u.project_id AND rp.period = per.period::char(7)
         LEFT JOIN report_periods ro
           ON u.project_id IS NULL AND ro.fiscal_year_id = u.fiscal_year_id AND ro.project_id IS NULL AND ro.period = per.period::char(7)
        WHERE COALESCE(rp.status, ro.status) IS NULL OR COALESCE(rp.status, ro.status) IN ('draft', 'returned')
        ORDER BY per.period, d.code, u.seq`,
      [fiscalYearIds, periods],
    );
  }

  /**
   * The city rollup, one row per department-year in one statement: light counts as of the month, 当年预算 and the
   * latest 执行数 up to it, and reports of the periods already due not handed in (projects, and the
   * department-wide goals where they have annual indicators). Same rows as lightCounts, budget and openPeriods.
   */
  departmentRollup(
    fiscalYearIds: string[],
    yearStart: string,
    period: string,
    duePeriods: string[],
  ): Promise<DepartmentRollupRow[]> {
    return this.dataSource.query(
      `WITH lights AS (
         SELECT g.fiscal_year_id,
                ${LIGHT_COUNTS}
           FROM indicators i
           JOIN goals g ON g.id = i.goal_id
           LEFT JOIN progress_reports r ON r.indicator_id = i.id AND r.period = $3
          WHERE g.fiscal_year_id = ANY($1::uuid[]) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
          GROUP BY g.fiscal_year_id
       ),
       latest AS (
         SELECT DISTINCT ON (b.project_id) b.project_id, b.executed_yuan
           FROM budget_executions b JOIN projects p ON p.id = b.project_id
          WHERE p.fiscal_year_id = ANY($1::uuid[]) AND b.period BETWEEN $2 AND $3
          ORDER BY b.project_id, b.period DESC
       ),
       money AS (
         SELECT p.fiscal_year_id, sum(COALESCE(p.current_budget_yuan, p.budget_yuan))::float8 AS budget,
                sum(l.executed_yuan)::float8 AS executed
           FROM projects p LEFT JOIN latest l ON l.project_id = p.id
          WHERE p.fiscal_year_id = ANY($1::uuid[]) AND p.archived_at IS NULL
          GROUP BY p.fiscal_year_id
       ),
       units AS (
         SELECT p.fiscal_year_id, p.id AS project_id
           FROM projects p WHERE p.fiscal_year_id = ANY($1::uuid[]) AND p.archived_at IS NULL
         UNION ALL
         SELECT DISTINCT g.fiscal_year_id, NULL::uuid
           FROM goals g JOIN indicators i ON i.goal_id = g.id
          WHERE g.fiscal_year_id = ANY($1::uuid[]) AND g.project_id IS NULL AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
       ),
       late AS (
         SELECT u.fiscal_year_id, count(*)::int AS overdue
           FROM units u
          CROSS JOIN unnest($4::text[]) AS per(period)
           LEFT JOIN report_periods rp
             ON rp.project_id = u.project_id AND rp.period = per.period::char(7)
           LEFT JOIN report_periods ro
             ON u.project_id IS NULL AND ro.fiscal_year_id = u.fiscal_year_id AND ro.project_id IS NULL AND ro.period = per.period::char(7)
          WHERE COALESCE(rp.status, ro.status) IS NULL OR COALESCE(rp.status, ro.status) IN ('draft', 'returned')
          GROUP BY u.fiscal_year_id
       )
       SELECT fy.id AS "fiscalYearId",
              COALESCE(l.red, 0) AS red, COALESCE(l.yellow, 0) AS yellow, COALESCE(l.green, 0) AS green,
              COALESCE(l.blue, 0) AS blue, COALESCE(l.grey, 0) AS grey, COALESCE(l.undetermined, 0) AS undetermined,
              COALESCE(l.total, 0) AS total, COALESCE(m.budget, 0) AS "budgetYuan", m.executed AS "executedYuan",
              COALESCE(o.overdue, 0) AS overdue
         FROM unnest($1::uuid[]) AS fy(id)
         LEFT JOIN lights l ON l.fiscal_year_id = fy.id
         LEFT JOIN money m ON m.fiscal_year_id = fy.id
         LEFT JOIN late o ON o.fiscal_year_id = fy.id`,
      [fiscalYearIds, yearStart, period, duePeriods],
    );
  }

  /**
   * Target, thresholds and the series from January to the month of every monitored indicator with a report in
   * that span (without one, libs/domain projects nothing), for counting 预计年末未达标 per department-year.
   */
  projectionInputs(
    fiscalYearIds: string[],
    yearStart: string,
    period: string,
  ): Promise<ProjectionInputRow[]> {
    return this.dataSource.query(
      `SELECT g.fiscal_year_id AS "fiscalYearId", i.target_parsed AS target, i.thresholds,
              array_agg(substr(h.period, 6, 2)::int ORDER BY h.period) AS months,
              array_agg(h.actual_value::float8 ORDER BY h.period) AS values,
              (array_agg(h.forecast_value::float8 ORDER BY h.period DESC))[1] AS "forecastValue"
         FROM indicators i
         JOIN goals g ON g.id = i.goal_id
         JOIN progress_reports h ON h.indicator_id = i.id AND h.period BETWEEN $2 AND $3
        WHERE g.fiscal_year_id = ANY($1::uuid[]) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
        GROUP BY i.id, g.fiscal_year_id`,
      [fiscalYearIds, yearStart, period],
    );
  }

  /**
   * One page of the flagged indicators as of the month, filtered and sorted here (never the whole list), with the
   * series of the page's rows for their projections, and the total count of the filtered list.
   * Worst first is libs/domain flagRank (the order of `lights`), then the least progress, then document order.
   */
  async flaggedPage(
    fiscalYearIds: string[],
    yearStart: string,
    period: string,
    filter: FlaggedPageFilter,
  ): Promise<{ rows: SeriesIndicatorRow[]; total: number }> {
    const worst = `array_position($4::text[], COALESCE(r.light, 'grey')), r.progress ASC NULLS LAST`;
    const documentOrder = `d.code, p.seq NULLS FIRST, g.seq, i.seq, i.id`;
    const order = {
      worst: `${worst}, ${documentOrder}`,
      department: `d.code, ${worst}, ${documentOrder}`,
      project: `d.code, p.seq NULLS FIRST, p.id NULLS FIRST, ${worst}, ${documentOrder}`,
    }[filter.sort];
    const where = `g.fiscal_year_id = ANY($1::uuid[]) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
          AND COALESCE(r.light, 'grey') = ANY($4::text[])
          AND ($5::uuid IS NULL OR g.project_id = $5::uuid) AND ($6::text IS NULL OR n1.name = $6::text)`;
    const from = `FROM indicators i
         JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes n2 ON n2.id = i.node_id
         JOIN indicator_nodes n1 ON n1.id = n2.parent_id
         JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id
         LEFT JOIN projects p ON p.id = g.project_id
         LEFT JOIN progress_reports r ON r.indicator_id = i.id AND r.period = $3 AND r.period >= $2`;
    const params = [
      fiscalYearIds,
      yearStart,
      period,
      filter.lights,
      filter.projectId ?? null,
      filter.level1 ?? null,
    ];
    const rows: (SeriesIndicatorRow & { total: number; ord: number })[] = await this.dataSource.query(
      `WITH page AS (
         SELECT g.fiscal_year_id AS "fiscalYearId", p.id AS "projectId", p.code AS "projectCode", p.name AS "projectName",
                g.id AS "goalId", i.id AS "indicatorId", n1.name AS level1, n2.name AS level2, i.name AS "indicatorName",
                i.target_raw AS "targetRaw", i.target_parsed AS target, i.target_unit AS "targetUnit",
                r.actual_raw AS "actualRaw", r.actual_value::float8 AS "actualValue", r.forecast_raw AS "forecastRaw",
                r.likelihood, i.thresholds, COALESCE(r.light, 'grey') AS light, r.light_reason AS "lightReason",
                r.light_explanation AS "lightExplanation", r.progress::float8 AS progress,
                count(*) OVER ()::int AS total, row_number() OVER (ORDER BY ${order})::int AS ord
           ${from}
          WHERE ${where}
          ORDER BY ord
          LIMIT $7 OFFSET $8
       )
       SELECT page.*, s.series, s.forecast_value AS "forecastValue"
         FROM page
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('period', h.period, 'value', h.actual_value::float8) ORDER BY h.period) AS series,
                  (array_agg(h.forecast_value::float8 ORDER BY h.period DESC))[1] AS forecast_value
             FROM progress_reports h
            WHERE h.indicator_id = page."indicatorId" AND h.period BETWEEN $2 AND $3
         ) s ON true
        ORDER BY page.ord`,
      [...params, filter.limit, filter.offset],
    );
    if (rows.length > 0 || filter.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
    // A page past the end: the count alone.
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total ${from} WHERE ${where}`,
      params,
    );
    return { rows, total };
  }
}
