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
 * The city rollup alone, as a leader's first screen needs it: light counts, budget and execution, and periods not
 * handed in, per department and in total, without listing every flagged indicator or every project.
 * $1 = year, $2 = first period of the year, $3 = the month (YYYY-MM), $4 = periods already due.
 */
export const CITY_ROLLUP_SQL = `
WITH fy AS (SELECT fy.id, d.code FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE fy.year = $1),
lights AS (
  SELECT g.fiscal_year_id, count(*) FILTER (WHERE r.light = 'red') AS red, count(*) FILTER (WHERE r.light = 'yellow') AS yellow,
         count(*) FILTER (WHERE r.light = 'green') AS green, count(*) FILTER (WHERE r.light = 'blue') AS blue,
         count(*) FILTER (WHERE r.light IS NULL OR r.light = 'grey') AS grey, count(*) AS total
    FROM indicators i JOIN goals g ON g.id = i.goal_id
    LEFT JOIN progress_reports r ON r.indicator_id = i.id AND r.period = $3
   WHERE g.fiscal_year_id IN (SELECT id FROM fy) AND g.term = 'annual'
   GROUP BY g.fiscal_year_id
),
money AS (
  SELECT p.fiscal_year_id, sum(COALESCE(p.current_budget_yuan, p.budget_yuan)) AS budget, sum(l.executed_yuan) AS executed
    FROM projects p
    LEFT JOIN LATERAL (SELECT b.executed_yuan FROM budget_executions b WHERE b.project_id = p.id AND b.period BETWEEN $2 AND $3
                        ORDER BY b.period DESC LIMIT 1) l ON true
   WHERE p.fiscal_year_id IN (SELECT id FROM fy)
   GROUP BY p.fiscal_year_id
),
late AS (
  SELECT p.fiscal_year_id, count(*) AS overdue
    FROM projects p CROSS JOIN unnest($4::text[]) AS per(period)
    LEFT JOIN report_periods rp ON rp.project_id = p.id AND rp.period = per.period
   WHERE p.fiscal_year_id IN (SELECT id FROM fy) AND (rp.status IS NULL OR rp.status IN ('draft', 'returned'))
   GROUP BY p.fiscal_year_id
)
SELECT json_agg(json_build_object('code', fy.code, 'red', l.red, 'yellow', l.yellow, 'green', l.green, 'blue', l.blue,
                                  'grey', l.grey, 'total', l.total, 'budget', m.budget, 'executed', m.executed,
                                  'overdue', COALESCE(o.overdue, 0)) ORDER BY fy.code) AS rollup
  FROM fy LEFT JOIN lights l ON l.fiscal_year_id = fy.id LEFT JOIN money m ON m.fiscal_year_id = fy.id
  LEFT JOIN late o ON o.fiscal_year_id = fy.id`;
