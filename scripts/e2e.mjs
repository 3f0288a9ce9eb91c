// Browser end-to-end tests: starts the product on a fresh embedded database as `npm run demo` does (DEMO=1, the
// demo half year written through the API by scripts/demo-data.mjs), then runs every frontend/e2e/*.e2e.mjs
// against it in Debian's chromium, screenshots under test-output/e2e/.
// Without chromium the run is skipped (npm test on a bare machine) unless E2E_REQUIRED=1 (.ci/run).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeSeed, seedDemo } from './demo-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  const message = `[e2e] chromium not found at ${chromiumPath}`;
  if (process.env.E2E_REQUIRED === '1') {
    console.error(`${message}: required here (install it: apt-get install -y chromium fonts-noto-cjk)`);
    process.exit(1);
  }
  console.log(`${message}: browser tests skipped`);
  process.exit(0);
}

const port = Number(process.env.E2E_PORT ?? 3931);
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-data-'));
const screenshots = join(root, 'test-output', 'e2e');
mkdirSync(screenshots, { recursive: true });

const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  CHROMIUM_PATH: chromiumPath,
  NODE_ENV: 'development',
  DEMO: '1',
  // The scripts sign the same demo accounts in many times a minute when the machine is idle; the login limit
  // itself (10 a minute by default) is tested by the backend's tests, not here.
  LOGIN_RATE_LIMIT: process.env.LOGIN_RATE_LIMIT ?? '600',
};
delete env.DATABASE_URL;
const server = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms`);
}

let failed = 0;
try {
  await waitForHealth(300_000);
  const seeding = Date.now();
  console.log(
    `[e2e] ${describeSeed(await seedDemo(baseUrl, env.DEMO_PASSWORD))} (${Date.now() - seeding} ms)`,
  );
  const scripts = readdirSync(join(root, 'frontend', 'e2e'))
    .filter((f) => f.endsWith('.e2e.mjs'))
    // E2E_ONLY=name,other runs only the scripts whose file name contains one of the names (while working on one).
    .filter((f) => !process.env.E2E_ONLY || process.env.E2E_ONLY.split(',').some((name) => f.includes(name)))
    .sort();
  for (const script of scripts) {
    const started = Date.now();
    const result = spawnSync(process.execPath, [join(root, 'frontend', 'e2e', script)], {
      env: { ...env, BASE_URL: baseUrl, SCREENSHOT_DIR: join(screenshots, script.replace('.e2e.mjs', '')) },
      stdio: 'inherit',
      cwd: join(root, 'frontend'),
    });
    const ok = result.status === 0;
    if (!ok) failed++;
    console.log(`[e2e] ${ok ? 'PASS' : 'FAIL'} ${script} (${Date.now() - started} ms)`);
  }
  console.log(
    `[e2e] ${scripts.length - failed}/${scripts.length} browser scripts passed; screenshots in test-output/e2e/`,
  );
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  failed++;
} finally {
  try {
    process.kill(-server.pid, 'SIGINT');
  } catch {
    // already gone
  }
  await new Promise((r) => server.once('exit', r).once('error', r) && setTimeout(r, 10_000));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
