// `npm run bench:tree`: how long the project page takes to show an indicator tree of 2,000 三级指标, measured in
// Debian's chromium against the built product (`npm start`'s build) on a fresh embedded database (no demo half
// year: the tree is what is measured).
//   1. As the admin, imports (POST /api/imports, a normalized JSON document) a department of its own with one
//      project whose 年度绩效目标 holds TREE_INDICATORS (default 2,000) 三级指标, made from the seed's real
//      annual indicators (their targets, 前年/上年 values and 确定依据), spread over the seed's 一级/二级 headings.
//   2. Opens that project's page BENCH_RUNS times (default 7, the first one a warm-up of the browser's caches) and
//      measures, in the page's own clock, from the end of the project's API answer (Resource Timing) to the first
//      frame painted with a screenful of the annual tree's rows in the DOM (40, more than a 1366×768 screen shows),
//      and to the first frame painted with all of them.
// Prints p50 and max of the measured runs and the machine's load. Env: BENCH_PORT (default 3989), CHROMIUM_PATH,
// DEMO_PASSWORD, TREE_INDICATORS, BENCH_RUNS, FRONTEND_DIST (another build to serve, e.g. an earlier one to
// compare). Not part of CI (a benchmark, not a test).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from './demo-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.BENCH_PORT ?? 3989);
const password = process.env.DEMO_PASSWORD ?? 'Jixiao@2025';
const indicators = Number(process.env.TREE_INDICATORS ?? 2000);
const runs = Number(process.env.BENCH_RUNS ?? 7);
const DEPARTMENT = '9300000001';
const PROJECT_NAME = '指标树基准测试项目';
/** Rows that fill more than a 1366×768 screen. */
const SCREENFUL = 40;

/** The seed document reduced to one project whose annual goal holds `count` 三级指标 (unique names). */
function treeDocument(count) {
  const seed = JSON.parse(readFileSync(join(root, 'seeds', '031-2025.json'), 'utf8'));
  const annual = seed.projects.flatMap((p) =>
    p.goals.filter((g) => g.term === 'annual').flatMap((g) => g.indicators),
  );
  const [base] = seed.projects;
  const goals = base.goals.map((goal) =>
    goal.term !== 'annual'
      ? goal
      : {
          ...goal,
          indicators: Array.from({ length: count }, (_, i) => {
            const source = annual[i % annual.length];
            return { ...structuredClone(source), name: `${source.name}（${i + 1}）` };
          }),
        },
  );
  return {
    ...seed,
    department: { ...seed.department, code: DEPARTMENT, name: `${seed.department.name}（基准）` },
    overall: seed.overall,
    projects: [{ ...base, code: 'BENCH-TREE', name: PROJECT_NAME, goals }],
  };
}

async function call(baseUrl, method, path, token, body) {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      authorization: `Bearer ${token}`,
    },
    body: body === undefined || body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const server = startDemoServer(port);
const { baseUrl } = server;
let failed = false;
try {
  // The first start builds the frontend: minutes on a busy machine.
  await server.ready(900_000);
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const { accessToken } = await login.json();
  const form = new FormData();
  const doc = treeDocument(indicators);
  form.append(
    'file',
    new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }),
    'bench-tree.json',
  );
  const importStarted = Date.now();
  await call(baseUrl, 'POST', '/imports', accessToken, form);
  const importMs = Date.now() - importStarted;
  const projects = await call(
    baseUrl,
    'GET',
    `/departments/${DEPARTMENT}/years/${doc.year}/projects`,
    accessToken,
  );
  const project = projects.find((p) => p.name === PROJECT_NAME);
  if (!project) throw new Error('the imported project is not listed');
  const projectPath = `/api/projects/${project.id}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-username').fill('admin');
  await page.locator('#login-password').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));

  // In every page, from its first script on: each frame, count the annual tree's rows; note the first frame
  // painted after a screenful (SCREENFUL rows, more than a 1366×768 screen shows) was in the DOM, and the first
  // one after all of them were. A frame's rAF callback runs after the previous frame was painted.
  await context.addInitScript(
    ([expected, screenful]) => {
      const seen = { first: null, all: null, rows: 0 };
      window.__treeTimes = seen;
      let firstPending = false;
      let allPending = false;
      const frame = (now) => {
        if (firstPending && seen.first === null) seen.first = now;
        if (allPending && seen.all === null) seen.all = now;
        const rows = document.querySelectorAll('app-goal-tree[term="annual"] tr.indicator').length;
        seen.rows = rows;
        if (rows >= Math.min(screenful, expected)) firstPending = true;
        if (rows >= expected) allPending = true;
        if (seen.all === null) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    [indicators, SCREENFUL],
  );

  const results = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(`${baseUrl}/projects/${project.id}`);
    await page.waitForFunction(() => window.__treeTimes?.all !== null, null, {
      timeout: 120_000,
      polling: 200,
    });
    const result = await page.evaluate((apiPath) => {
      const answer = performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname === apiPath)
        .at(-1);
      const { first, all, rows } = window.__treeTimes;
      return {
        first: first - answer.responseEnd,
        all: all - answer.responseEnd,
        fromNavigation: all,
        rows,
        domNodes: document.getElementsByTagName('*').length,
      };
    }, projectPath);
    results.push(result);
    console.log(
      `run ${run + 1}${run === 0 ? ' (warm-up)' : ''}: from the API answer, ${result.first.toFixed(0)} ms to the ` +
        `first screenful painted, ${result.all.toFixed(0)} ms to all ${result.rows} rows painted ` +
        `(${result.fromNavigation.toFixed(0)} ms from navigation; ${result.domNodes} elements in the page)`,
    );
  }
  await browser.close();

  const stats = (key) => {
    const sorted = results
      .slice(1)
      .map((r) => r[key])
      .sort((a, b) => a - b);
    return `${sorted[Math.floor((sorted.length - 1) / 2)].toFixed(0)} ms | ${sorted.at(-1).toFixed(0)} ms`;
  };
  console.log(
    `\nindicator tree of ${indicators} 三级指标 (import ${importMs} ms; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})\n`,
  );
  console.log(`| from the API answer to (${results.length - 1} runs) | p50 | max |`);
  console.log(`| --- | --- | --- |`);
  console.log(`| first screenful (${Math.min(SCREENFUL, indicators)} rows) painted | ${stats('first')} |`);
  console.log(`| all ${indicators} rows painted | ${stats('all')} |`);
} catch (error) {
  console.error(`[bench:tree] ${error instanceof Error ? error.message : error}`);
  failed = true;
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
