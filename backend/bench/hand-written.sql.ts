/**
 * "The limit": what the dashboards show, computed by ONE hand-written statement per dashboard, returning one JSON
 * document straight from PostgreSQL (no ORM, no Node post-processing). Same rows as the API reads: annual goals'
 * indicators, the month's report per indicator, the latest budget execution per project up to the month, the
 * monthly trend, flagged (red, yellow, grey) indicators with their names and targets, and periods not handed in.
 * $1 = year, $2 = department code (NULL: the whole city), $3 = first period of the year, $4 = the month (YYYY-MM),
 * $5 = periods already due.
 */
export const DASHBOARD_SQL = `
WITH fy AS (
  SELECT fy.id FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
   WHERE fy.year = $1 AND ($2::varchar IS NULL OR d.code = $2::varchar)
),
ind AS (
  SELECT i.id, i.name, i.target_raw, i.target_unit, g.fiscal_year_id, g.project_id, g.seq AS goal_seq, i.seq, i.node_id
    FROM indicators i JOIN goals g ON g.id = i.goal_id
   WHERE g.fiscal_year_id IN (SELECT id FROM fy) AND g.term = 'annual'
),
now_rep AS (
  SELECT ind.*, COALESCE(r.light, 'grey') AS light, r.actual_raw, r.actual_value, r.forecast_raw, r.likelihood, r.light_reason
    FROM ind LEFT JOIN progress_reports r ON r.indicator_id = ind.id AND r.period = $4
),
latest AS (
  SELECT DISTINCT ON (b.project_id) b.project_id, b.period, b.executed_yuan
    FROM budget_executions b JOIN projects p ON p.id = b.project_id
   WHERE p.fiscal_year_id IN (SELECT id FROM fy) AND b.period BETWEEN $3 AND $4
   ORDER BY b.project_id, b.period DESC
),
budget AS (
  SELECT p.fiscal_year_id, p.id, p.code, p.name, p.seq, COALESCE(p.current_budget_yuan, p.budget_yuan) AS budget_yuan,
         l.executed_yuan, l.period
    FROM projects p LEFT JOIN latest l ON l.project_id = p.id
   WHERE p.fiscal_year_id IN (SELECT id FROM fy)
)
SELECT json_build_object(
  'counts', (SELECT json_build_object(
      'red', count(*) FILTER (WHERE light = 'red'), 'yellow', count(*) FILTER (WHERE light = 'yellow'),
      'green', count(*) FILTER (WHERE light = 'green'), 'blue', count(*) FILTER (WHERE light = 'blue'),
      'grey', count(*) FILTER (WHERE light = 'grey'), 'total', count(*)) FROM now_rep),
  'departments', (SELECT json_agg(json_build_object('fiscalYearId', fiscal_year_id, 'red', red, 'yellow', yellow, 'total', total))
      FROM (SELECT fiscal_year_id, count(*) FILTER (WHERE light = 'red') AS red,
                   count(*) FILTER (WHERE light = 'yellow') AS yellow, count(*) AS total
              FROM now_rep GROUP BY fiscal_year_id) d),
  'flagged', (SELECT json_agg(json_build_object(
      'indicatorId', f.id, 'projectId', f.project_id, 'level1', n1.name, 'level2', n2.name, 'name', f.name,
      'targetRaw', f.target_raw, 'targetUnit', f.target_unit, 'actualRaw', f.actual_raw, 'actualValue', f.actual_value,
      'forecastRaw', f.forecast_raw, 'likelihood', f.likelihood, 'light', f.light, 'lightReason', f.light_reason)
      ORDER BY CASE f.light WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, f.fiscal_year_id, f.goal_seq, f.seq)
      FROM now_rep f JOIN indicator_nodes n2 ON n2.id = f.node_id JOIN indicator_nodes n1 ON n1.id = n2.parent_id
     WHERE f.light IN ('red', 'yellow', 'grey')),
  'budget', (SELECT json_build_object(
      'budgetYuan', sum(budget_yuan), 'executedYuan', sum(executed_yuan),
      'projects', json_agg(json_build_object('projectId', id, 'code', code, 'name', name, 'budgetYuan', budget_yuan,
                                             'executedYuan', executed_yuan, 'period', period) ORDER BY fiscal_year_id, seq))
      FROM budget),
  'trend', (SELECT json_agg(t ORDER BY t.period) FROM (
      SELECT r.period, count(*) FILTER (WHERE r.light = 'red') AS red, count(*) FILTER (WHERE r.light = 'yellow') AS yellow,
             count(*) FILTER (WHERE r.light = 'green') AS green, count(*) FILTER (WHERE r.light = 'blue') AS blue
        FROM ind JOIN progress_reports r ON r.indicator_id = ind.id
       WHERE r.period BETWEEN $3 AND $4 GROUP BY r.period) t),
  'overdue', (SELECT json_agg(json_build_object('projectId', p.id, 'period', per.period, 'status', rp.status))
      FROM projects p CROSS JOIN unnest($5::text[]) AS per(period)
      LEFT JOIN report_periods rp ON rp.project_id = p.id AND rp.period = per.period
     WHERE p.fiscal_year_id IN (SELECT id FROM fy) AND (rp.status IS NULL OR rp.status IN ('draft', 'returned')))
) AS dashboard`;

/**
 * DASHBOARD_SQL plus what the API has read since 预计年末 (issue #14) and DASHBOARD_SQL does not: every monitored
 * indicator's target and its monthly series from January to the month (the inputs of its year-end projection, which
 * only libs/domain computes). The same statement, one more key: a like-for-like "limit" for the API's reads.
 */
export const DASHBOARD_WITH_SERIES_SQL = DASHBOARD_SQL.replace(
  /\) AS dashboard$/,
  `,
  'series', (SELECT json_agg(json_build_object('indicatorId', ind.id, 'target', i.target_parsed, 'thresholds', i.thresholds,
      'series', s.series, 'forecastValue', s.forecast_value))
      FROM ind JOIN indicators i ON i.id = ind.id
      JOIN LATERAL (
        SELECT json_agg(json_build_object('period', h.period, 'value', h.actual_value) ORDER BY h.period) AS series,
               (array_agg(h.forecast_value ORDER BY h.period DESC))[1] AS forecast_value
          FROM progress_reports h WHERE h.indicator_id = ind.id AND h.period BETWEEN $3 AND $4
      ) s ON s.series IS NOT NULL)
) AS dashboard`,
);

/**
 * The city view as GET /api/dashboard answers it, by ONE hand-written statement: light counts, 当年预算 and the
 * latest 执行数, reports overdue — per department and in total — and the monthly trend. Same rows as the API
 * (annual goals, archived rows left out, the department-wide goals counted as a unit that reports). What it
 * cannot do in SQL is left out: the libs/domain lights and explanations of the budget, and the year-end
 * projections behind the projected-miss counts (so this is a lower bound for the API).
 * $1 = year, $2 = first period of the year, $3 = the month (YYYY-MM), $4 = periods already due.
 */
export const CITY_ROLLUP_SQL = `
WITH fy AS (SELECT fy.id, d.code, d.name FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE fy.year = $1),
lights AS (
  SELECT g.fiscal_year_id, count(*) FILTER (WHERE r.light = 'red') AS red, count(*) FILTER (WHERE r.light = 'yellow') AS yellow,
         count(*) FILTER (WHERE r.light = 'green') AS green, count(*) FILTER (WHERE r.light = 'blue') AS blue,
         count(*) FILTER (WHERE r.light IS NULL OR r.light = 'grey') AS grey,
         count(*) FILTER (WHERE r.light = 'undetermined') AS undetermined, count(*) AS total
    FROM indicators i JOIN goals g ON g.id = i.goal_id
    LEFT JOIN progress_reports r ON r.indicator_id = i.id AND r.period = $3
   WHERE g.fiscal_year_id IN (SELECT id FROM fy) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
   GROUP BY g.fiscal_year_id
),
money AS (
  SELECT p.fiscal_year_id, sum(COALESCE(p.current_budget_yuan, p.budget_yuan)) AS budget, sum(l.executed_yuan) AS executed
    FROM projects p
    LEFT JOIN LATERAL (SELECT b.executed_yuan FROM budget_executions b WHERE b.project_id = p.id AND b.period BETWEEN $2 AND $3
                        ORDER BY b.period DESC LIMIT 1) l ON true
   WHERE p.fiscal_year_id IN (SELECT id FROM fy) AND p.archived_at IS NULL
   GROUP BY p.fiscal_year_id
),
units AS (
  SELECT p.fiscal_year_id, p.id AS project_id FROM projects p WHERE p.fiscal_year_id IN (SELECT id FROM fy) AND p.archived_at IS NULL
  UNION ALL
  SELECT DISTINCT g.fiscal_year_id, NULL::uuid FROM goals g JOIN indicators i ON i.goal_id = g.id
   WHERE g.fiscal_year_id IN (SELECT id FROM fy) AND g.project_id IS NULL AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
),
late AS (
  SELECT u.fiscal_year_id, count(*) AS overdue
    FROM units u CROSS JOIN unnest($4::text[]) AS per(period)
    LEFT JOIN report_periods rp ON rp.project_id = u.project_id AND rp.period = per.period
    LEFT JOIN report_periods ro ON u.project_id IS NULL AND ro.fiscal_year_id = u.fiscal_year_id AND ro.project_id IS NULL AND ro.period = per.period
   WHERE COALESCE(rp.status, ro.status) IS NULL OR COALESCE(rp.status, ro.status) IN ('draft', 'returned')
   GROUP BY u.fiscal_year_id
),
trend AS (
  SELECT r.period, count(*) FILTER (WHERE r.light = 'red') AS red, count(*) FILTER (WHERE r.light = 'yellow') AS yellow,
         count(*) FILTER (WHERE r.light = 'green') AS green, count(*) FILTER (WHERE r.light = 'blue') AS blue,
         count(*) FILTER (WHERE r.light = 'undetermined') AS undetermined
    FROM progress_reports r JOIN indicators i ON i.id = r.indicator_id JOIN goals g ON g.id = i.goal_id
   WHERE g.fiscal_year_id IN (SELECT id FROM fy) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
     AND r.period BETWEEN $2 AND $3
   GROUP BY r.period
)
SELECT json_build_object(
  'counts', (SELECT json_build_object('red', COALESCE(sum(red), 0), 'yellow', COALESCE(sum(yellow), 0),
      'green', COALESCE(sum(green), 0), 'blue', COALESCE(sum(blue), 0), 'grey', COALESCE(sum(grey), 0),
      'undetermined', COALESCE(sum(undetermined), 0), 'total', COALESCE(sum(total), 0)) FROM lights),
  'budget', (SELECT json_build_object('budgetYuan', sum(budget), 'executedYuan', sum(executed)) FROM money),
  'overdue', (SELECT COALESCE(sum(overdue), 0) FROM late),
  'trend', (SELECT json_agg(t ORDER BY t.period) FROM trend t),
  'departments', (SELECT json_agg(json_build_object('code', fy.code, 'name', fy.name, 'red', l.red, 'yellow', l.yellow,
      'green', l.green, 'blue', l.blue, 'grey', l.grey, 'undetermined', l.undetermined, 'total', l.total,
      'budgetYuan', m.budget, 'executedYuan', m.executed, 'overdue', COALESCE(o.overdue, 0)) ORDER BY fy.code)
      FROM fy LEFT JOIN lights l ON l.fiscal_year_id = fy.id LEFT JOIN money m ON m.fiscal_year_id = fy.id
      LEFT JOIN late o ON o.fiscal_year_id = fy.id)
) AS dashboard`;

/**
 * One page of the city's flagged indicators worst first, as GET /api/dashboard/flagged answers it, by ONE
 * hand-written statement: the filtered total, the page's rows with their names, target and report, and each
 * row's series of the year (what its projection is computed from; the projection itself needs libs/domain).
 * $1 = year, $2 = first period of the year, $3 = the month (YYYY-MM), $4 = page size, $5 = offset.
 */
export const FLAGGED_PAGE_SQL = `
WITH fy AS (SELECT fy.id FROM fiscal_years fy WHERE fy.year = $1),
flagged AS (SELECT page.*, row_number() OVER () AS ord FROM (
  SELECT g.fiscal_year_id, d.code AS department_code, d.name AS department_name, p.id AS project_id, p.code AS project_code,
         p.name AS project_name, g.id AS goal_id, i.id AS indicator_id, n1.name AS level1, n2.name AS level2, i.name,
         i.target_raw, i.target_unit, r.actual_raw, r.actual_value, r.forecast_raw, r.likelihood,
         COALESCE(r.light, 'grey') AS light, r.light_reason, r.light_explanation, r.progress,
         count(*) OVER () AS total
    FROM indicators i
    JOIN goals g ON g.id = i.goal_id
    JOIN indicator_nodes n2 ON n2.id = i.node_id
    JOIN indicator_nodes n1 ON n1.id = n2.parent_id
    JOIN fiscal_years f ON f.id = g.fiscal_year_id
    JOIN departments d ON d.id = f.department_id
    LEFT JOIN projects p ON p.id = g.project_id
    LEFT JOIN progress_reports r ON r.indicator_id = i.id AND r.period = $3
   WHERE g.fiscal_year_id IN (SELECT id FROM fy) AND g.term = 'annual' AND g.archived_at IS NULL AND i.archived_at IS NULL
     AND COALESCE(r.light, 'grey') IN ('red', 'yellow', 'undetermined', 'grey')
   ORDER BY array_position(ARRAY['red', 'yellow', 'undetermined', 'grey'], COALESCE(r.light, 'grey')), r.progress NULLS LAST,
            d.code, p.seq NULLS FIRST, g.seq, i.seq, i.id
   LIMIT $4 OFFSET $5
) page)
SELECT json_build_object('total', (SELECT max(total) FROM flagged), 'items', json_agg(json_build_object(
  'indicatorId', f.indicator_id, 'department', f.department_code, 'departmentName', f.department_name,
  'projectId', f.project_id, 'projectCode', f.project_code, 'projectName', f.project_name, 'goalId', f.goal_id,
  'level1', f.level1, 'level2', f.level2, 'name', f.name, 'targetRaw', f.target_raw, 'targetUnit', f.target_unit,
  'actualRaw', f.actual_raw, 'actualValue', f.actual_value, 'forecastRaw', f.forecast_raw, 'likelihood', f.likelihood,
  'light', f.light, 'lightReason', f.light_reason, 'explanation', f.light_explanation, 'progress', f.progress,
  'series', s.series) ORDER BY f.ord)) AS dashboard
  FROM flagged f
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('period', h.period, 'value', h.actual_value) ORDER BY h.period) AS series
      FROM progress_reports h WHERE h.indicator_id = f.indicator_id AND h.period BETWEEN $2 AND $3
  ) s ON true`;
