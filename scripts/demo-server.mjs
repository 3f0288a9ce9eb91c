// The product started as `npm run demo` starts it (DEMO=1, a fresh embedded database in a temporary directory),
// for the browser scripts and the frontend benchmark: one place that starts it, waits for it and stops it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts `scripts/start.mjs` on `port` with `extraEnv`; returns its address, environment and a stop(). */
export function startDemoServer(port, extraEnv = {}) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-demo-data-'));
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    DEMO: '1',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });

  return {
    baseUrl,
    env,
    /** Resolves when /api/health answers; rejects after timeoutMs. */
    async ready(timeoutMs = 300_000) {
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
    },
    /** Stops the server (and its build processes) and removes its data directory. */
    async stop() {
      try {
        process.kill(-server.pid, 'SIGINT');
      } catch {
        // already gone
      }
      await new Promise((r) => server.once('exit', r).once('error', r) && setTimeout(r, 10_000));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
