import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchDatabase } from './bench-database';
import { BENCH_PASSWORD, BENCH_YEAR, generate, insertBenchUser } from './generate';
import { startServer, stopServer } from './processes';
import { summarize } from './stats';
import { readSeedDocument } from './synthetic-document';

/**
 * `npm run test:load [-- --rate=50 --seconds=60 --departments=50]`: an open-loop load at a fixed request rate
 * (requests start on schedule whether or not earlier ones have answered, so a slow server cannot slow the load
 * down and hide its own latency) mixing dashboard and list reads with monitoring report writes, against the
 * compiled app on a PostgreSQL server. Fails (exit 1) on any error; prints p50/p95/p99 per kind of request.
 */
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'] as const;
  }),
);
const RATE = Number(args.get('rate') ?? 25);
const SECONDS = Number(args.get('seconds') ?? 60);
const DEPARTMENTS = Number(args.get('departments') ?? 50);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string): void => void process.stdout.write(`${line}\n`);

type Kind = 'department dashboard' | 'project list' | 'department list' | 'report write';
/** The mix, in requests out of 20. */
const MIX: [Kind, number][] = [
  ['department dashboard', 7],
  ['project list', 5],
  ['department list', 2],
  ['report write', 6],
];

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}

async function main(): Promise<void> {
  log(
    `# Load: ${RATE} requests/s for ${SECONDS} s, ${DEPARTMENTS} departments; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );
  const db = await BenchDatabase.create(serverUrl, 'jixiao_load');
  const client = await db.client();
  const seed = readSeedDocument();
  await generate(client, seed, { prefix: 'B', from: 1, to: DEPARTMENTS, withReports: true });
  // Writes go to a department without reports: every write creates a report (no version needed, no 409).
  await generate(client, seed, { prefix: 'L', from: 1, to: 1, withReports: false });
  await insertBenchUser(client, 'benchadmin', 'admin');
  await insertBenchUser(client, 'benchlead', 'lead', 'L');
  await client.query('ANALYZE');
  const slots = (
    await client.query(
      `SELECT i.id, COALESCE(i.target_value::text || COALESCE(i.target_unit, ''), i.target_raw) AS actual
         FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id WHERE d.code LIKE 'L%' ORDER BY i.id`,
    )
  ).rows.flatMap((r: { id: string; actual: string }) =>
    Array.from({ length: 12 }, (_, m) => ({
      id: r.id,
      actual: r.actual,
      period: `${BENCH_YEAR}-${String(m + 1).padStart(2, '0')}`,
    })),
  );
  await client.end();

  const api = await startServer('node', [join(__dirname, '..', '..', '..', 'dist', 'main.js')], {
    DATABASE_URL: db.url,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
  });
  const latencies = new Map<Kind, number[]>(MIX.map(([kind]) => [kind, []]));
  const errors: string[] = [];
  let writes = 0;
  try {
    const admin = await login(api.url, 'benchadmin');
    const lead = await login(api.url, 'benchlead');
    const code = (i: number) => `B${String(1 + (i % DEPARTMENTS)).padStart(5, '0')}`;
    const deck = MIX.flatMap(([kind, n]) => Array<Kind>(n).fill(kind));
    const request = (i: number): [Kind, () => Promise<Response>] => {
      const kind = deck[(i * 7) % deck.length];
      const get = (path: string) => () => fetch(`${api.url}${path}`, { headers: { authorization: admin } });
      switch (kind) {
        case 'department dashboard':
          return [kind, get(`/api/departments/${code(i)}/years/${BENCH_YEAR}/dashboard`)];
        case 'project list':
          return [kind, get(`/api/departments/${code(i)}/years/${BENCH_YEAR}/projects`)];
        case 'department list':
          return [kind, get('/api/departments')];
        case 'report write': {
          const slot = slots[writes++ % slots.length];
          return [
            kind,
            () =>
              fetch(`${api.url}/api/indicators/${slot.id}/reports/${slot.period}`, {
                method: 'PUT',
                headers: { authorization: lead, 'content-type': 'application/json' },
                body: JSON.stringify({ actual: slot.actual, likelihood: '确定能' }),
              }),
          ];
        }
      }
    };
    const total = RATE * SECONDS;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    let maxInFlight = 0;
    let open = 0;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const [kind, send] = request(i);
      open++;
      maxInFlight = Math.max(maxInFlight, open);
      inFlight.push(
        (async () => {
          // Latency from the scheduled start: a late start (the client falling behind) counts against the server.
          try {
            const res = await send();
            await res.arrayBuffer();
            if (res.status >= 300) errors.push(`${kind}: HTTP ${res.status}`);
          } catch (error) {
            errors.push(`${kind}: ${String(error)}`);
          } finally {
            latencies.get(kind)?.push(performance.now() - due);
            open--;
          }
        })(),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - started) / 1000;
    const all = [...latencies.values()].flat();
    const rows = [...latencies].map(([kind, xs]) => ({ kind, ...summarize(xs) }));
    rows.push({ kind: 'all' as Kind, ...summarize(all) });
    log('| request | n | p50 ms | p95 ms | p99 ms | max ms |');
    log('| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) log(`| ${r.kind} | ${r.n} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} |`);
    log(
      `\n${all.length} requests in ${elapsed.toFixed(1)} s (${(all.length / elapsed).toFixed(1)}/s), at most ${maxInFlight} in flight, ${errors.length} errors; load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    const out = process.env.BENCH_OUT ?? join(tmpdir(), 'jixiao-load.json');
    writeFileSync(
      out,
      `${JSON.stringify({ rate: RATE, seconds: SECONDS, departments: DEPARTMENTS, rows, errors: errors.slice(0, 50), errorCount: errors.length }, null, 2)}\n`,
    );
    log(`raw results: ${out}`);
  } finally {
    await stopServer(api.process);
    await db.drop();
  }
  if (errors.length) {
    process.stderr.write(`errors:\n${[...new Set(errors)].slice(0, 20).join('\n')}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `load test failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
