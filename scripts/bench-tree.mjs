// `npm run bench:tree`: how long the project page takes to show an indicator tree of 2,000 三级指标, measured in
// Debian's chromium against the built product (`npm start`'s build) on a fresh embedded database (no demo half
// year: the tree is what is measured).
//   1. As the admin, imports (POST /api/imports, a normalized JSON document) a department of its own with one
//      project whose 年度绩效目标 holds TREE_INDICATORS (default 2,000) 三级指标, made from the seed's real
//      annual indicators (their targets, 前年/上年 values and 确定依据), spread over the seed's 一级/二级 headings.
//   2. Opens that project's page BENCH_RUNS times (default 7, the first one a warm-up of the browser's caches) at
//      1366×768 and measures, in the page's own clock, what a user sees:
//      - from the end of the project's API answer (Resource Timing) to the first frame painted with the annual
//        tree's rows filling the screen (the last row in the DOM reaches the window's bottom edge, or every row
//        is there);
//      - then, the page scrolled to its end at once, from that scroll to the first frame painted with the tree's
//        last row in the DOM and on screen.
//      A large tree draws only the rows in view (virtual scroll, goal-tree.component.ts), so "all rows painted"
//      (which this script measured before the virtual scroll) no longer says anything; an earlier build that
//      draws every row has them all in the DOM when the screen is full, and its scroll to the end costs a frame.
// Prints p50 and max of the measured runs, the elements in the page and the machine's load. Env: BENCH_PORT
// (default 3989), CHROMIUM_PATH, DEMO_PASSWORD, TREE_INDICATORS, BENCH_RUNS, FRONTEND_DIST (another build to
// serve, e.g. an earlier one to compare). Not part of CI (a benchmark, not a test).
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
  // The tree's last row (the last 三级指标 under the last 二级 of the last annual goal), whose anchor the scroll
  // to the end waits for.
  const detail = await call(baseUrl, 'GET', `/projects/${project.id}`, accessToken);
  const lastIndicator = detail.goals
    .filter((goal) => goal.term === 'annual')
    .flatMap((goal) =>
      goal.indicators.flatMap((level1) => level1.children.flatMap((level2) => level2.indicators)),
    )
    .at(-1);
  if (!lastIndicator) throw new Error('the imported project has no annual indicator');

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

  // In every page, from its first script on: each frame, look at the annual tree's rows; note the first frame
  // painted after they filled the screen (a frame's rAF callback runs after the previous frame was painted).
  await context.addInitScript((expected) => {
    const seen = { first: null, rows: 0 };
    window.__treeTimes = seen;
    let pending = false;
    const frame = (now) => {
      if (pending) {
        seen.first = now;
        return;
      }
      const rows = document.querySelectorAll('app-goal-tree[term="annual"] tr.indicator');
      seen.rows = rows.length;
      const last = rows[rows.length - 1];
      if (rows.length >= expected || (last && last.getBoundingClientRect().bottom >= window.innerHeight)) {
        pending = true;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, indicators);

  const results = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(`${baseUrl}/projects/${project.id}`);
    await page.waitForFunction(() => window.__treeTimes?.first !== null, null, {
      timeout: 120_000,
      polling: 200,
    });
    const result = await page.evaluate(
      ([apiPath, lastId]) => {
        const answer = performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname === apiPath)
          .at(-1);
        const { first, rows } = window.__treeTimes;
        const domNodes = document.getElementsByTagName('*').length;
        // To the end of the page at once, as the End key does; then wait for the last row on screen.
        return new Promise((resolve, reject) => {
          const scrolled = performance.now();
          window.scrollTo({ top: document.documentElement.scrollHeight });
          let pending = false;
          const frame = (now) => {
            if (pending) {
              resolve({ first: first - answer.responseEnd, end: now - scrolled, rows, domNodes });
              return;
            }
            if (now - scrolled > 60_000) {
              reject(new Error('the last row was not on screen 60 s after the scroll to the end'));
              return;
            }
            const rect = document.getElementById(`indicator-${lastId}`)?.getBoundingClientRect();
            pending = rect !== undefined && rect.bottom > 0 && rect.top < window.innerHeight;
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        });
      },
      [projectPath, lastIndicator.id],
    );
    results.push(result);
    console.log(
      `run ${run + 1}${run === 0 ? ' (warm-up)' : ''}: from the API answer, ${result.first.toFixed(0)} ms to the ` +
        `first screenful painted (${result.rows} rows in the DOM, ${result.domNodes} elements in the page); ` +
        `${result.end.toFixed(0)} ms from a scroll to the end to the last row painted`,
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
  console.log(`| ${results.length - 1} runs | p50 | max |`);
  console.log(`| --- | --- | --- |`);
  console.log(`| first screenful painted (from the API answer) | ${stats('first')} |`);
  console.log(`| last row painted (from a scroll to the end) | ${stats('end')} |`);
} catch (error) {
  console.error(`[bench:tree] ${error instanceof Error ? error.message : error}`);
  failed = true;
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
