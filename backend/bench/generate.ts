import type { BudgetDocument } from '@jixiao/domain';
import * as argon2 from 'argon2';
import type { Client } from 'pg';

export const PROJECTS_PER_DEPARTMENT = 15;
export const INDICATORS_PER_PROJECT = 20;
export const MONTHS = 12;
export const BENCH_YEAR = 2025;
export const BENCH_PASSWORD = 'Bench-Passw0rd!';

/** One 三级指标 of the seed with its published target and the parser's structured reading. */
export interface Template {
  level1: string;
  level2: string;
  name: string;
  target: string;
  basis: string | null;
  parsed: unknown;
}

/** Every indicator of the seed's annual goals (部门整体 and projects): the kinds of target the generator draws. */
export function templatesOf(seed: BudgetDocument): Template[] {
  const goals = [...seed.overall.goals, ...seed.projects.flatMap((p) => p.goals)].filter(
    (g) => g.term === 'annual',
  );
  return goals.flatMap((g) =>
    g.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.target,
      basis: i.basis ?? null,
      parsed: (i as { parsed?: unknown }).parsed ?? null,
    })),
  );
}

export interface GenerateOptions {
  /** Department codes are `${prefix}${n}` (n zero-padded to 5) for n in [from, to]. */
  prefix: string;
  from: number;
  to: number;
  /** Monthly reports, budget executions and workflow rows for every month of the year. */
  withReports: boolean;
  log?: (line: string) => void;
}

/**
 * Departments × 15 projects × one annual goal × 20 indicators (targets drawn in document order from the seed)
 * × 12 monthly reports, budget executions and report periods, each table filled by one set-based INSERT … SELECT
 * over generate_series (reports in slices of 100 departments). Lights follow a fixed mix (60 % green, 15 % yellow,
 * 10 % red, 10 % blue, 5 % grey) that changes by quarter, so trends and flagged lists have realistic sizes.
 */
export async function generate(
  client: Client,
  seed: BudgetDocument,
  options: GenerateOptions,
): Promise<void> {
  const log = options.log ?? (() => undefined);
  const templates = templatesOf(seed);
  const codeOf = `'${options.prefix}' || lpad(n::text, 5, '0')`;
  const mine = `d.code BETWEEN '${options.prefix}${String(options.from).padStart(5, '0')}' AND '${options.prefix}${String(options.to).padStart(5, '0')}'`;
  const step = async (label: string, sql: string, params: unknown[] = []): Promise<void> => {
    const started = Date.now();
    const result = await client.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${Date.now() - started} ms`);
  };

  await step(
    'departments',
    `INSERT INTO departments (code, name) SELECT ${codeOf}, '基准部门 ' || lpad(n::text, 5, '0') FROM generate_series($1::int, $2::int) n`,
    [options.from, options.to],
  );
  await step(
    'fiscal years',
    `INSERT INTO fiscal_years (department_id, year) SELECT d.id, ${BENCH_YEAR} FROM departments d WHERE ${mine}`,
  );
  await step(
    'projects',
    `INSERT INTO projects (fiscal_year_id, seq, code, name, category, budget_yuan)
     SELECT fy.id, s, d.code || 'P' || lpad(s::text, 2, '0'), '基准项目 ' || d.code || '-' || s, '其他运转类',
            (200000 + (abs(hashtext(d.code || s)) % 500) * 20000)::numeric
       FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id
      CROSS JOIN generate_series(1, ${PROJECTS_PER_DEPARTMENT}) s
      WHERE ${mine}`,
  );
  await step(
    'goals',
    `INSERT INTO goals (fiscal_year_id, project_id, term, seq, label, title)
     SELECT p.fiscal_year_id, p.id, 'annual', 1, '年度绩效目标', '完成' || p.name || '年度任务'
       FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
      WHERE ${mine}`,
  );
  await client.query(`DROP TABLE IF EXISTS bench_slots`);
  await step(
    'indicator slots (goal × 20 seed templates)',
    `CREATE TEMP TABLE bench_slots AS
     WITH t AS (
       SELECT (ord - 1)::int AS ord, r.*
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, ord),
              LATERAL jsonb_to_record(j) AS r(level1 text, level2 text, name text, target text, basis text, parsed jsonb)
     ),
     g AS (
       SELECT g.id, row_number() OVER (ORDER BY d.code, p.seq) AS n
         FROM goals g JOIN projects p ON p.id = g.project_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id
        WHERE ${mine}
     )
     SELECT g.id AS goal_id, j AS seq, t.level1, t.level2, t.name, t.target, t.basis, t.parsed
       FROM g CROSS JOIN generate_series(1, ${INDICATORS_PER_PROJECT}) j
       JOIN t ON t.ord = (g.n * ${INDICATORS_PER_PROJECT} + j) % $2`,
    [JSON.stringify(templates), templates.length],
  );
  await step(
    '一级 nodes',
    `INSERT INTO indicator_nodes (goal_id, parent_id, level, name, seq)
     SELECT goal_id, NULL, 1, level1, min(seq) FROM bench_slots GROUP BY goal_id, level1`,
  );
  await step(
    '二级 nodes',
    `INSERT INTO indicator_nodes (goal_id, parent_id, level, name, seq)
     SELECT DISTINCT ON (s.goal_id, s.level2) s.goal_id, n1.id, 2, s.level2, s.seq
       FROM bench_slots s JOIN indicator_nodes n1 ON n1.goal_id = s.goal_id AND n1.level = 1 AND n1.name = s.level1
      ORDER BY s.goal_id, s.level2, s.seq`,
  );
  await step(
    'indicators',
    `INSERT INTO indicators (goal_id, node_id, seq, name, target_raw, basis, target_operator, target_value, target_min,
                             target_max, target_unit, target_deadline, target_direction, target_accumulation,
                             target_confidence, target_note, target_parsed)
     SELECT s.goal_id, n2.id, s.seq, s.name, s.target, s.basis, s.parsed->>'operator', (s.parsed->>'value')::numeric,
            (s.parsed->>'min')::numeric, (s.parsed->>'max')::numeric, s.parsed->>'unit', (s.parsed->>'deadline')::date,
            s.parsed->>'direction', s.parsed->>'accumulation', s.parsed->>'confidence', s.parsed->>'note', s.parsed
       FROM bench_slots s JOIN indicator_nodes n2 ON n2.goal_id = s.goal_id AND n2.level = 2 AND n2.name = s.level2`,
  );
  await client.query(`DROP TABLE bench_slots`);
  if (!options.withReports) return;

  for (let from = options.from; from <= options.to; from += 100) {
    const to = Math.min(options.to, from + 99);
    const slice = `d.code BETWEEN '${options.prefix}${String(from).padStart(5, '0')}' AND '${options.prefix}${String(to).padStart(5, '0')}'`;
    await step(
      `progress reports, departments ${from}–${to}`,
      `INSERT INTO progress_reports (indicator_id, period, actual_raw, actual_value, actual_unit, light, light_reason, likelihood)
       SELECT i.id, '${BENCH_YEAR}-' || lpad(m::text, 2, '0'),
              CASE WHEN i.target_value IS NULL THEN '按计划推进'
                   ELSE round(i.target_value * m / 12 * x.f, 2)::text || COALESCE(i.target_unit, '') END,
              CASE WHEN i.target_value IS NOT NULL THEN round(i.target_value * m / 12 * x.f, 2) END,
              i.target_unit,
              x.light, CASE WHEN x.light IN ('red', 'yellow') THEN '进度低于序时进度' END,
              CASE WHEN x.light = 'red' THEN '有可能' ELSE '确定能' END
         FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id
        CROSS JOIN generate_series(1, ${MONTHS}) m
        CROSS JOIN LATERAL (
          SELECT 0.7 + (abs(hashtext(i.id::text || m)) % 50) / 100.0 AS f,
                 CASE WHEN h < 60 THEN 'green' WHEN h < 75 THEN 'yellow' WHEN h < 85 THEN 'red'
                      WHEN h < 95 THEN 'blue' ELSE 'grey' END AS light
            FROM (SELECT abs(hashtext(i.id::text || ((m - 1) / 3))) % 100 AS h) q
        ) x
        WHERE ${slice}`,
    );
  }
  await step(
    'budget executions',
    `INSERT INTO budget_executions (project_id, period, executed_yuan)
     SELECT p.id, '${BENCH_YEAR}-' || lpad(m::text, 2, '0'),
            round(p.budget_yuan * m / 12 * (0.6 + (abs(hashtext(p.id::text)) % 50) / 100.0), 2)
       FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
      CROSS JOIN generate_series(1, ${MONTHS}) m
      WHERE ${mine}`,
  );
  await step(
    'report periods',
    `INSERT INTO report_periods (fiscal_year_id, project_id, period, status, return_reason)
     SELECT p.fiscal_year_id, p.id, '${BENCH_YEAR}-' || lpad(m::text, 2, '0'), x.status,
            CASE WHEN x.status = 'returned' THEN '请补充佐证材料' END
       FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
      CROSS JOIN generate_series(1, ${MONTHS}) m
      CROSS JOIN LATERAL (
        SELECT CASE WHEN m <= 10 THEN 'approved'
                    ELSE (ARRAY['approved', 'submitted', 'draft', 'returned'])[1 + abs(hashtext(p.id::text || m)) % 4] END AS status
      ) x
      WHERE ${mine}`,
  );
}

/** A signed-in-able user (argon2 hash of BENCH_PASSWORD), optionally assigned to every project of some departments. */
export async function insertBenchUser(
  client: Client,
  username: string,
  role: 'admin' | 'lead' | 'leader',
  assignToCodePrefix?: string,
): Promise<string> {
  const hash = await argon2.hash(BENCH_PASSWORD);
  const department = assignToCodePrefix
    ? (
        await client.query(`SELECT id FROM departments WHERE code LIKE $1 ORDER BY code LIMIT 1`, [
          `${assignToCodePrefix}%`,
        ])
      ).rows[0]?.id
    : null;
  const {
    rows: [user],
  } = await client.query(
    `INSERT INTO users (username, display_name, role_code, department_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [username, `基准测试 ${username}`, role, role === 'admin' ? null : department, hash],
  );
  if (assignToCodePrefix)
    await client.query(
      `INSERT INTO project_assignments (project_id, user_id)
       SELECT p.id, $2 FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE d.code LIKE $1`,
      [`${assignToCodePrefix}%`, user.id],
    );
  return user.id;
}
