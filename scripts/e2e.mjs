// Browser end-to-end tests: starts the product on a fresh embedded database as `npm run demo` does (DEMO=1, the
// demo half year written through the API by scripts/demo-data.mjs), then runs every frontend/e2e/*.e2e.mjs
// against it in Debian's chromium, screenshots under test-output/e2e/.
// Without chromium the run is skipped (npm test on a bare machine) unless E2E_REQUIRED=1 (.ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeSeed, seedDemo } from './demo-data.mjs';
import { startDemoServer } from './demo-server.mjs';

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
const screenshots = join(root, 'test-output', 'e2e');
mkdirSync(screenshots, { recursive: true });
const server = startDemoServer(port, {
  CHROMIUM_PATH: chromiumPath,
  // The scripts sign the same demo accounts in many times a minute when the machine is idle; the login limit
  // itself (10 a minute by default) is tested by the backend's tests, not here.
  LOGIN_RATE_LIMIT: process.env.LOGIN_RATE_LIMIT ?? '600',
});
const { baseUrl, env } = server;

let failed = 0;
try {
  await server.ready();
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
  await server.stop();
}
process.exit(failed ? 1 : 0);
