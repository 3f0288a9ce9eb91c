// Smoke test of the README's promise: `npm start` on a fresh data directory serves /api/health and the
// frontend at /, shuts down cleanly on SIGINT, and a second start (nothing changed) is fast and reopens
// the same embedded database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.SMOKE_PORT ?? 3917);
const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-smoke-'));
const base = `http://127.0.0.1:${port}`;

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function startOnce(label, timeoutMs) {
  const started = Date.now();
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn('npm', ['start'], { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  try {
    const health = await (await waitFor(`${base}/api/health`, timeoutMs)).json();
    if (health.status !== 'ok') throw new Error(`health: ${JSON.stringify(health)}`);
    const html = await (await waitFor(`${base}/`, 5000)).text();
    if (!html.includes('<app-root')) throw new Error('the frontend shell is not served at /');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: process.env.DEMO_PASSWORD ?? 'Jixiao@2025' }),
    });
    if (login.status !== 200) throw new Error(`demo admin login: ${login.status} ${await login.text()}`);
    const { accessToken } = await login.json();
    const res = await fetch(`${base}/api/departments`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (res.status !== 200) throw new Error(`/api/departments: ${res.status}`);
    const departments = await res.json();
    console.log(`[smoke] ${label}: up in ${Date.now() - started} ms; ${departments.length} department(s)`);
    return departments;
  } finally {
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    process.kill(-child.pid, 'SIGINT');
    const { code, signal } = await exited;
    console.log(`[smoke] ${label}: stopped (code ${code}, signal ${signal})`);
  }
}

try {
  const first = await startOnce('first start', 300_000);
  const second = await startOnce('second start', 60_000);
  if (JSON.stringify(first) !== JSON.stringify(second))
    throw new Error('the second start saw different data');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
