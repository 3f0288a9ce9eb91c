// `npm run bench:frontend`: what a browser downloads to show the product, measured in Debian's chromium against
// the built product (`npm start`'s build) on a fresh embedded database with the demo half year.
//   1. the login page, cold cache (a newcomer's first visit);
//   2. signing in and the dashboard, continuing from 1 (what the first working screen adds);
//   3. the dashboard reloaded (a returning user: content-hashed files come from the cache, unasked).
// Bytes are as transferred (compressed bodies plus headers), the API's answers counted apart from the app's files.
// Env: BENCH_PORT (default 3990), CHROMIUM_PATH, DEMO_PASSWORD. Not part of CI (a benchmark, not a test).
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { seedDemo } from './demo-data.mjs';
import { startDemoServer } from './demo-server.mjs';

const port = Number(process.env.BENCH_PORT ?? 3990);
const password = process.env.DEMO_PASSWORD ?? 'Jixiao@2025';
const server = startDemoServer(port);
const { baseUrl } = server;

/** Records every finished request of a page: kind (app file or API), encoded body and header bytes. */
function recorder(page) {
  const rows = [];
  let inFlight = 0;
  let lastChange = Date.now();
  page.on('request', () => {
    inFlight += 1;
    lastChange = Date.now();
  });
  const settled = () => {
    inFlight -= 1;
    lastChange = Date.now();
  };
  page.on('requestfailed', settled);
  page.on('requestfinished', settled);
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    const response = await request.response().catch(() => null);
    if (!sizes || !response) return;
    const url = new URL(request.url());
    rows.push({
      path: url.pathname,
      api: url.pathname.startsWith('/api/'),
      fromCache: response.fromServiceWorker() || (sizes.responseBodySize === 0 && response.status() === 200),
      bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      encoding: (await response.allHeaders().catch(() => ({})))['content-encoding'] ?? '',
    });
  });
  return {
    /** Resolves once nothing was requested or finished for half a second (the SPA's own calls included). */
    async quiet() {
      while (inFlight > 0 || Date.now() - lastChange < 500) await new Promise((r) => setTimeout(r, 50));
    },
    take() {
      const taken = rows.splice(0);
      if (process.env.BENCH_VERBOSE) for (const row of taken) console.log(row.bytes, row.encoding, row.path);
      const app = taken.filter((row) => !row.api);
      const sum = (list) => list.reduce((total, row) => total + row.bytes, 0);
      return {
        appRequests: app.length,
        appBytes: sum(app),
        uncompressed: app.filter((row) => !row.encoding && row.bytes > 2048).map((row) => row.path),
        apiRequests: taken.length - app.length,
        apiBytes: sum(taken.filter((row) => row.api)),
      };
    },
  };
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

let failed = false;
try {
  // The first start builds the frontend: minutes on a busy machine.
  await server.ready(900_000);
  await seedDemo(baseUrl, password);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const record = recorder(page);
  const results = [];

  let started = Date.now();
  await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
  await page.locator('#login-username').waitFor();
  await record.quiet();
  results.push({ what: 'login page, cold cache', ms: Date.now() - started, ...record.take() });

  started = Date.now();
  await page.locator('#login-username').fill('admin');
  await page.locator('#login-password').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/dashboard'));
  await record.quiet();
  results.push({ what: 'sign in → dashboard (adds)', ms: Date.now() - started, ...record.take() });

  started = Date.now();
  await page.reload();
  await page.waitForURL((url) => url.pathname.startsWith('/dashboard'));
  await record.quiet();
  results.push({ what: 'dashboard reloaded (returning user)', ms: Date.now() - started, ...record.take() });
  await browser.close();

  console.log(
    `\nfrontend first load (load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})\n`,
  );
  console.log('| what | app files | app bytes | API calls | API bytes | time to idle |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of results) {
    console.log(
      `| ${row.what} | ${row.appRequests} | ${kB(row.appBytes)} | ${row.apiRequests} | ${kB(row.apiBytes)} | ${row.ms} ms |`,
    );
  }
  const uncompressed = results.flatMap((row) => row.uncompressed);
  if (uncompressed.length)
    console.log(`\nsent uncompressed (> 2 kB): ${[...new Set(uncompressed)].join(', ')}`);
} catch (error) {
  console.error(`[bench:frontend] ${error instanceof Error ? error.message : error}`);
  failed = true;
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
