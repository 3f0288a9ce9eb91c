import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Client, QueryResult } from 'pg';
import { BenchDatabase } from './bench-database';
import {
  BENCH_PASSWORD,
  BENCH_YEAR,
  generate,
  insertBenchUser,
  INDICATORS_PER_PROJECT,
  MONTHS,
  PROJECTS_PER_DEPARTMENT,
  templatesOf,
} from './generate';
import { targetWorkbook } from './excel-targets';
import {
  CITY_ROLLUP_SQL,
  DASHBOARD_SQL,
  DASHBOARD_WITH_SERIES_SQL,
  FLAGGED_PAGE_SQL,
} from './hand-written.sql';
import { freePort, Started, startServer, stopServer } from './processes';
import { summarize, Summary, timed } from './stats';
import { countIndicators, readSeedDocument, scaledDocument } from './synthetic-document';

/**
 * `npm run bench [-- --departments=100 --keep --reuse --only=dashboards,throughput,import,coldstart --coldstart-runs=1]`
 * Generates N departments × 15 projects × 20 indicators × 12 monthly reports into its own database on a PostgreSQL
 * server (BENCH_DATABASE_URL, default the local server), runs the compiled app against it and measures, side by
 * side in one run: the dashboards against one hand-written SQL statement, GET /api/departments against a bare
 * node:http + pg server, imports, and the embedded mode's cold start. Prints markdown; writes JSON (BENCH_OUT).
 */
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, ...v] = a.replace(/^--/, '').split('=');
    return [k, v.length ? v.join('=') : 'true'] as const;
  }),
);
const departments = Number(args.get('departments') ?? process.env.BENCH_DEPARTMENTS ?? 100);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = args.get('database') ?? 'jixiao_bench';
const only = args.get('only')?.split(',');
const wants = (section: string): boolean => !only || only.includes(section);
const DASHBOARD_ITERATIONS = Number(args.get('iterations') ?? 100);
const CITY_ITERATIONS = Number(args.get('city-iterations') ?? 10);
const AUTOCANNON_SECONDS = Number(args.get('seconds') ?? 10);

const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
/** backend/, from the compiled bench/dist/bench/run.js. */
const BACKEND = join(__dirname, '..', '..', '..');
const API_ENTRY = join(BACKEND, 'dist', 'main.js');

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const results: Record<string, unknown> = {};

async function main(): Promise<void> {
  const machine = {
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  results.machine = machine;
  results.departments = departments;
  log(`# Jixiao benchmark: ${departments} departments\n`);
  log(
    `machine: ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
  );

  // The cold start runs the embedded database only: alone, it needs no PostgreSQL server nor generated data.
  if (only?.every((section) => section === 'coldstart')) {
    await coldStart();
    return finish();
  }
  const reuse = args.has('reuse');
  const db = reuse
    ? BenchDatabase.existing(serverUrl, databaseName)
    : await BenchDatabase.create(serverUrl, databaseName);
  const client = await db.client();
  results.postgres = (await client.query(`SELECT version()`)).rows[0].version;
  log(`database: ${results.postgres}`);
  if (!reuse) await load(client);
  const sizes = (
    await client.query(
      `SELECT (SELECT count(*) FROM indicators)::int AS indicators, (SELECT count(*) FROM progress_reports)::int AS reports,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    )
  ).rows[0];
  results.data = sizes;
  log(`data: ${sizes.indicators} indicators, ${sizes.reports} reports, database ${sizes.size}\n`);

  const api = await startServer('node', [API_ENTRY], {
    DATABASE_URL: db.url,
    NODE_ENV: 'production',
    JWT_SECRET: BENCH_JWT_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  });
  try {
    const bearer = await login(api.url, 'benchadmin');
    if (wants('dashboards')) await dashboards(api.url, bearer, client);
    if (wants('throughput')) await throughput(api.url, bearer, db.url);
    if (wants('import')) await imports(api.url, bearer);
  } finally {
    await stopServer(api.process);
  }
  if (wants('coldstart')) await coldStart();
  await client.end();
  if (!args.has('keep')) await db.drop();
  finish();
}

function finish(): void {
  results.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  log(`\nload average at the end: ${(results.loadAverageAtEnd as number[]).join(' ')}`);
  const out = process.env.BENCH_OUT ?? join(tmpdir(), `jixiao-bench-${departments}.json`);
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`raw results: ${out}`);
}

async function load(client: Client): Promise<void> {
  const seed = readSeedDocument();
  log(
    `## Data\n\n${departments} departments × ${PROJECTS_PER_DEPARTMENT} projects × ${INDICATORS_PER_PROJECT} indicators × ${MONTHS} months`,
  );
  const [ms] = await timed(async () => {
    await generate(client, seed, { prefix: 'B', from: 1, to: departments, withReports: true, log });
    // A department without any report yet, for the load test's writes.
    await generate(client, seed, { prefix: 'L', from: 1, to: 1, withReports: false, log });
    await insertBenchUser(client, 'benchadmin', 'admin');
    await insertBenchUser(client, 'benchlead', 'lead', 'L');
    await client.query('ANALYZE');
  });
  results.generateMs = Math.round(ms);
  log(`generated in ${(ms / 1000).toFixed(1)} s\n`);
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}

async function getJson(url: string, bearer: string): Promise<{ body: string; status: number }> {
  const res = await fetch(url, { headers: { authorization: bearer } });
  return { body: await res.text(), status: res.status };
}

const duePeriods = Array.from({ length: 12 }, (_, i) => `${BENCH_YEAR}-${String(i + 1).padStart(2, '0')}`);
const AS_OF = `${BENCH_YEAR}-12`;

interface SideBySide {
  api: Summary;
  sql: Summary;
  ratioP50: number;
  ratioP95: number;
  apiBytes: number;
  sqlBytes: number;
}

/** What one iteration compares: the API's URL and the hand-written statement producing the same content. */
interface Pair {
  url: string;
  sql: string;
  values: unknown[];
}

/** Throws when the API's answer and the statement's document disagree on what both count. */
type Agreement = (api: Record<string, unknown>, sql: Record<string, unknown>) => string | null;

/** Same light counts (total and red) in both. */
const sameCounts: Agreement = (api, sql) => {
  const a = api.counts as Record<string, number>;
  const s = sql.counts as Record<string, number>;
  return a.total === Number(s.total) && a.red === Number(s.red)
    ? null
    : `API counts ${JSON.stringify(a)} ≠ SQL counts ${JSON.stringify(s)}`;
};

/** API and hand-written SQL alternately on the same rows, so both see the same cache and the same machine load. */
async function sideBySide(
  label: string,
  iterations: number,
  request: (i: number) => Pair,
  bearer: string,
  client: Client,
  agree: Agreement = sameCounts,
): Promise<SideBySide> {
  const apiMs: number[] = [];
  const sqlMs: number[] = [];
  let apiBytes = 0;
  let sqlBytes = 0;
  const warmUp = iterations >= 20 ? 5 : 1;
  for (let i = -warmUp; i < iterations; i++) {
    const { url, sql, values } = request(Math.max(0, i));
    const api = () => timed(() => getJson(url, bearer));
    const statement = () => timed(() => client.query(sql, values));
    // Whichever runs second finds the rows the first just read in the cache (at 1,000 departments the data no
    // longer fits in memory): the order alternates, so neither side always gets the warm cache.
    let a: number, res: Awaited<ReturnType<typeof getJson>>, s: number, rows: QueryResult;
    if (i % 2 === 0) {
      [a, res] = await api();
      [s, rows] = await statement();
    } else {
      [s, rows] = await statement();
      [a, res] = await api();
    }
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${res.body.slice(0, 300)}`);
    if (i < 0) continue; // warm-up
    apiMs.push(a);
    sqlMs.push(s);
    apiBytes = res.body.length;
    sqlBytes = JSON.stringify(rows.rows[0].dashboard).length;
    if (i === 0) {
      // Same rows: what both count must agree.
      const disagreement = agree(JSON.parse(res.body), rows.rows[0].dashboard);
      if (disagreement) throw new Error(`${label}: ${disagreement}`);
    }
  }
  const api = summarize(apiMs);
  const sql = summarize(sqlMs);
  const result = {
    api,
    sql,
    ratioP50: Math.round((api.p50 / sql.p50) * 100) / 100,
    ratioP95: Math.round((api.p95 / sql.p95) * 100) / 100,
    apiBytes,
    sqlBytes,
  };
  log(
    `| ${label} | ${api.p50} / ${api.p95} | ${sql.p50} / ${sql.p95} | ${result.ratioP50} / ${result.ratioP95} | ${iterations} | ${Math.round(apiBytes / 1024)} kB / ${Math.round(sqlBytes / 1024)} kB |`,
  );
  return result;
}

async function dashboards(url: string, bearer: string, client: Client): Promise<void> {
  log('## Dashboards: API vs one hand-written SQL statement (ms)\n');
  log('| view | API p50 / p95 | SQL p50 / p95 | ratio p50 / p95 | n | body API / SQL |');
  log('| --- | --- | --- | --- | --- | --- |');
  const codes = Array.from(
    { length: 20 },
    (_, i) => `B${String(1 + Math.floor((i * departments) / 20)).padStart(5, '0')}`,
  );
  const dashboardSql = (code: string | null): Omit<Pair, 'url'> => ({
    sql: DASHBOARD_SQL,
    values: [BENCH_YEAR, code, `${BENCH_YEAR}-01`, AS_OF, duePeriods],
  });
  results.departmentDashboard = await sideBySide(
    'department dashboard',
    DASHBOARD_ITERATIONS,
    (i) => ({
      url: `${url}/api/departments/${codes[i % codes.length]}/years/${BENCH_YEAR}/dashboard?asOf=${AS_OF}`,
      ...dashboardSql(codes[i % codes.length]),
    }),
    bearer,
    client,
  );
  // The same, against the statement that also reads what the projections need (see DASHBOARD_WITH_SERIES_SQL).
  results.departmentDashboardWithSeries = await sideBySide(
    'department dashboard (statement with the series)',
    DASHBOARD_ITERATIONS,
    (i) => ({
      url: `${url}/api/departments/${codes[i % codes.length]}/years/${BENCH_YEAR}/dashboard?asOf=${AS_OF}`,
      ...dashboardSql(codes[i % codes.length]),
      sql: DASHBOARD_WITH_SERIES_SQL,
    }),
    bearer,
    client,
  );
  if (CITY_ITERATIONS === 0) return;
  // The city view: totals and one row per department (no list of indicators or projects).
  results.cityDashboard = await sideBySide(
    'city dashboard (rollup)',
    CITY_ITERATIONS,
    () => ({
      url: `${url}/api/dashboard?year=${BENCH_YEAR}&asOf=${AS_OF}`,
      sql: CITY_ROLLUP_SQL,
      values: [BENCH_YEAR, `${BENCH_YEAR}-01`, AS_OF, duePeriods],
    }),
    bearer,
    client,
    (api, sql) => {
      const counts = sameCounts(api, sql);
      if (counts) return counts;
      const rows = api.departments as { overdue: number }[];
      const sqlRows = sql.departments as { overdue: number }[];
      if (rows.length !== sqlRows.length) return `${rows.length} departments ≠ ${sqlRows.length} in SQL`;
      return api.overdue === Number(sql.overdue) &&
        rows.every((row, i) => row.overdue === Number(sqlRows[i].overdue))
        ? null
        : `API overdue ${String(api.overdue)} ≠ SQL overdue ${String(sql.overdue)} (or per department)`;
    },
  );
  // One page (20 rows) of the city's flagged indicators worst first; pages 1–5 in turn.
  results.cityFlaggedPage = await sideBySide(
    'city flagged, one page of 20',
    CITY_ITERATIONS,
    (i) => ({
      url: `${url}/api/dashboard/flagged?year=${BENCH_YEAR}&asOf=${AS_OF}&page=${(i % 5) + 1}&pageSize=20`,
      sql: FLAGGED_PAGE_SQL,
      values: [BENCH_YEAR, `${BENCH_YEAR}-01`, AS_OF, 20, (i % 5) * 20],
    }),
    bearer,
    client,
    (api, sql) => {
      const ids = (items: unknown) =>
        (items as { indicatorId: string }[]).map((item) => item.indicatorId).join();
      if (api.total !== Number(sql.total))
        return `API total ${String(api.total)} ≠ SQL total ${String(sql.total)}`;
      return ids(api.items) === ids(sql.items) ? null : 'API and SQL list other indicators on the page';
    },
  );
  // The former city answer's content (every flagged indicator and every project), by the one statement, for scale.
  const fullMs: number[] = [];
  let fullBytes = 0;
  for (let i = -1; i < CITY_ITERATIONS; i++) {
    const [ms, rows] = await timed(() => client.query(DASHBOARD_SQL, dashboardSql(null).values));
    if (i >= 0) fullMs.push(ms);
    fullBytes = JSON.stringify(rows.rows[0].dashboard).length;
  }
  results.cityFullSql = { ...summarize(fullMs), bytes: fullBytes };
  log(
    `| whole-city lists (the former city answer's content, SQL only) | — | ${summarize(fullMs).p50} / ${summarize(fullMs).p95} | — | ${CITY_ITERATIONS} | — / ${Math.round(fullBytes / 1024)} kB |`,
  );
  log('');
}

interface Throughput {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  non2xx: number;
}

const mean = (xs: number[]): number => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

async function cannon(url: string, headers: Record<string, string>, seconds: number): Promise<Throughput> {
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  return {
    requestsPerSecond: r.requests.average,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

/**
 * Rounds alternate between the servers, so a change in the machine's load hits all alike. Three servers: the API,
 * the bare server doing the API's session check too, and the bare server alone.
 */
async function throughput(url: string, bearer: string, databaseUrl: string): Promise<void> {
  const rounds = 3;
  // --route=me: GET /api/auth/me (the session check and nothing else) instead of the department list.
  const me = args.get('route') === 'me';
  const [apiPath, barePath] = me ? ['/api/auth/me', '/me'] : ['/api/departments', '/departments'];
  log(
    `## Read throughput: GET ${apiPath} vs bare node:http + pg (autocannon, 10 connections, ${rounds} alternating rounds of ${AUTOCANNON_SECONDS} s)\n`,
  );
  // --api-variants=name:KEY=value+KEY2=value,…: more API processes, each with its own environment (e.g. a
  // candidate switched off), measured in the same alternating rounds.
  const variants: [string, Started][] = [];
  for (const spec of args.get('api-variants')?.split(',').filter(Boolean) ?? []) {
    const [name, envSpec = ''] = spec.split(':');
    const env = Object.fromEntries(
      envSpec
        .split('+')
        .filter(Boolean)
        .map((kv) => kv.split('=') as [string, string]),
    );
    variants.push([
      name,
      await startServer('node', [API_ENTRY], {
        DATABASE_URL: databaseUrl,
        NODE_ENV: 'production',
        JWT_SECRET: BENCH_JWT_SECRET,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        ...env,
      }),
    ]);
  }
  const bareEnv = { DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_JWT_SECRET };
  const barePort = await freePort();
  const bareUrl = `http://127.0.0.1:${barePort}${barePath}`;
  const bare = await startServer(
    'node',
    [join(__dirname, 'bare-server.js'), String(barePort)],
    bareEnv,
    `http://127.0.0.1:${barePort}/health`,
  );
  const authPort = await freePort();
  const authUrl = `http://127.0.0.1:${authPort}${barePath}`;
  const withAuth = await startServer(
    'node',
    [join(__dirname, 'bare-server.js'), String(authPort)],
    { ...bareEnv, BARE_AUTH: '1' },
    `http://127.0.0.1:${authPort}/health`,
  );
  try {
    const targets: (readonly [string, string])[] = [
      ['API (Nest: guard with session check, pino-http, helmet)', `${url}${apiPath}`],
      ['bare node:http + pg, same session check', authUrl],
      ['bare node:http + pg', bareUrl],
      ...variants.map(([name, started]) => [`API, ${name}`, `${started.url}${apiPath}`] as const),
    ];
    for (const [, target] of targets) await cannon(target, { authorization: bearer }, 2);
    const runs: Throughput[][] = [];
    for (let round = 0; round < rounds; round++) {
      const row: Throughput[] = [];
      for (const [, target] of targets)
        row.push(await cannon(target, { authorization: bearer }, AUTOCANNON_SECONDS));
      runs.push(row);
    }
    const combine = (i: number): Throughput => ({
      requestsPerSecond: mean(runs.map((r) => r[i].requestsPerSecond)),
      latencyP50: mean(runs.map((r) => r[i].latencyP50)),
      latencyP99: mean(runs.map((r) => r[i].latencyP99)),
      errors: runs.reduce((s, r) => s + r[i].errors, 0),
      non2xx: runs.reduce((s, r) => s + r[i].non2xx, 0),
    });
    const [app, auth, plain] = [combine(0), combine(1), combine(2)];
    const ratio = Math.round((app.requestsPerSecond / plain.requestsPerSecond) * 100) / 100;
    const ratioAuth = Math.round((app.requestsPerSecond / auth.requestsPerSecond) * 100) / 100;
    results.throughput = {
      api: app,
      bareWithSessionCheck: auth,
      bare: plain,
      ratio,
      ratioToBareWithSessionCheck: ratioAuth,
      route: apiPath,
      variants: variants.map(([name], i) => ({ name, ...combine(3 + i) })),
      rounds: runs,
    };
    log('| server | req/s (rounds) | mean req/s | p50 ms | p99 ms | errors | non-2xx |');
    log('| --- | --- | --- | --- | --- | --- | --- |');
    targets.forEach(([name], i) => {
      const t = combine(i);
      log(
        `| ${name} | ${runs.map((r) => r[i].requestsPerSecond).join(', ')} | ${t.requestsPerSecond} | ${t.latencyP50} | ${t.latencyP99} | ${t.errors} | ${t.non2xx} |`,
      );
    });
    log(`\nratio API / bare: ${ratio}; API / bare with the same session check: ${ratioAuth}`);
    variants.forEach(([name], i) => {
      const rps = combine(3 + i).requestsPerSecond;
      const to = (t: Throughput): number => Math.round((rps / t.requestsPerSecond) * 100) / 100;
      log(`ratio API, ${name} / bare: ${to(plain)}; / bare with the same session check: ${to(auth)}`);
    });
    log('');
  } finally {
    await stopServer(bare.process);
    await stopServer(withAuth.process);
    for (const [, started] of variants) await stopServer(started.process);
  }
}

async function upload(
  url: string,
  bearer: string,
  name: string,
  content: string,
): Promise<{ ms: number; status: number; body: string }> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  const [ms, res] = await timed(async () => {
    const r = await fetch(`${url}/api/imports`, {
      method: 'POST',
      headers: { authorization: bearer },
      body: form,
    });
    return { status: r.status, body: await r.text() };
  });
  return { ms: Math.round(ms), ...res };
}

async function imports(url: string, bearer: string): Promise<void> {
  log('## Imports (POST /api/imports, one transaction each; ms)\n');
  const seed = readSeedDocument();
  const timesOf = async (make: (i: number) => [string, string], n: number): Promise<number[]> => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const [name, content] = make(i);
      const res = await upload(url, bearer, name, content);
      if (res.status !== 201) throw new Error(`import ${name}: ${res.status} ${res.body.slice(0, 300)}`);
      ms.push(res.ms);
    }
    return ms;
  };
  // New department codes on every run, so a reused database never answers "unchanged".
  const run = String(Date.now() % 1_000_000).padStart(6, '0');
  const seedJson = await timesOf(
    (i) => [
      `seed-${i}.json`,
      JSON.stringify({ ...seed, department: { ...seed.department, code: `7${run}${i}` } }),
    ],
    5,
  );
  const big = (i: number) => scaledDocument(seed, `6${run}${i}`, 10_000);
  const bigJson = await timesOf((i) => [`big-${i}.json`, JSON.stringify(big(i))], 3);
  const excel = await excelImports(url, bearer, seed);
  results.imports = {
    excel,
    seedIndicators: countIndicators(seed) + seed.overall.goals.reduce((s, g) => s + g.indicators.length, 0),
    seedJsonMs: summarize(seedJson),
    bigIndicators: countIndicators(big(0)),
    bigJsonMs: summarize(bigJson),
  };
  log('| document | indicators | runs | p50 | max |');
  log('| --- | --- | --- | --- | --- |');
  log(
    `| seed (normalized JSON, new department each run) | ${(results.imports as { seedIndicators: number }).seedIndicators} | 5 | ${summarize(seedJson).p50} | ${summarize(seedJson).max} |`,
  );
  log(
    `| seed projects repeated (normalized JSON) | ${countIndicators(big(0))} | 3 | ${summarize(bigJson).p50} | ${summarize(bigJson).max} |`,
  );
  if (excel)
    log(
      `| Excel target tables, ${excel.sheets} sheets × ${excel.rowsPerSheet} rows (the route's per-sheet limit) | ${excel.sheets * excel.rowsPerSheet} | 1 | total ${excel.totalMs} (per sheet p50 ${excel.perSheet.p50}) | per sheet ${excel.perSheet.max} |`,
    );
  else log('\nPOST /api/projects/:id/targets/import is not in this build: no Excel figure.');
  log('');
}

/**
 * 10,000 indicators through the Excel import: the route takes one project's target table of at most 500 rows, so
 * 20 projects get a 500-row sheet each. Skipped when the running build has no such route.
 */
async function excelImports(url: string, bearer: string, seed: ReturnType<typeof readSeedDocument>) {
  // The API description is the admin's in production (API_DOCS=admin): asked with the admin's session.
  const docs = (await (
    await fetch(`${url}/api/docs-json`, { headers: { authorization: bearer } })
  ).json()) as { paths?: Record<string, unknown> };
  if (!docs.paths) throw new Error('GET /api/docs-json: no API description (is API_DOCS off?)');
  if (!docs.paths['/api/projects/{id}/targets/import']) return undefined;
  const rowsPerSheet = 500;
  const sheets = 20;
  const client = await BenchDatabase.existing(serverUrl, databaseName).client();
  const projects = (
    await client.query(
      `SELECT p.id FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE d.code LIKE 'B%' ORDER BY d.code, p.seq LIMIT $1`,
      [sheets],
    )
  ).rows.map((r: { id: string }) => r.id);
  await client.end();
  const templates = templatesOf(seed);
  const perSheet: number[] = [];
  for (const [i, projectId] of projects.entries()) {
    const file = await targetWorkbook(templates, rowsPerSheet, `x${i}`);
    const form = new FormData();
    form.append('file', new Blob([file]), `targets-${i}.xlsx`);
    const [ms, res] = await timed(() =>
      // The sheet replaces the project's generated annual indicators, which carry reports: archiving them is confirmed.
      fetch(`${url}/api/projects/${projectId}/targets/import?confirmArchive=true`, {
        method: 'POST',
        headers: { authorization: bearer },
        body: form,
      }),
    );
    if (res.status >= 300) throw new Error(`Excel import: ${res.status} ${(await res.text()).slice(0, 500)}`);
    perSheet.push(ms);
  }
  return {
    sheets,
    rowsPerSheet,
    totalMs: Math.round(perSheet.reduce((a, b) => a + b, 0)),
    perSheet: summarize(perSheet),
  };
}

async function coldStart(): Promise<void> {
  log('## Embedded mode: start to first answer (GET /api/health), ms\n');
  const rounds = Number(args.get('coldstart-runs') ?? 1);
  const runs: { kind: string; ms: number; load: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-embedded-'));
    try {
      for (const kind of ['new data directory', 'existing data directory', 'existing data directory']) {
        const load = Math.round(loadavg()[0] * 10) / 10;
        const started = Date.now();
        const server = await startServer('node', [API_ENTRY], {
          DATABASE_URL: undefined,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
        });
        runs.push({ kind, ms: Date.now() - started, load });
        await stopServer(server.process);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  results.coldStart = runs;
  log('| data directory | ms | load average (1 min) |');
  log('| --- | --- | --- |');
  for (const r of runs) log(`| ${r.kind} | ${r.ms} | ${r.load} |`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
