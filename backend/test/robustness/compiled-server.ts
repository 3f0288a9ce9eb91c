import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const SERVER_ENTRY = join(REPO_ROOT, 'backend', 'dist', 'main.js');

/**
 * Brings backend/dist up to date (`tsc -b` is incremental: a no-op when nothing changed; CI's typecheck step has
 * already built it). Returns why the compiled server cannot be used, or undefined when it can.
 */
export async function ensureCompiledServer(): Promise<string | undefined> {
  try {
    await promisify(execFile)('npx', ['tsc', '-b', 'backend/tsconfig.build.json'], {
      cwd: REPO_ROOT,
      timeout: 180_000,
    });
  } catch (error) {
    if (!existsSync(SERVER_ENTRY))
      return `backend/dist is missing and \`npx tsc -b backend/tsconfig.build.json\` failed: ${String(error).slice(0, 300)}`;
    // A stale but present build still runs; the build error itself is the typecheck step's business.
  }
  return existsSync(SERVER_ENTRY) ? undefined : 'backend/dist/main.js was not produced by the build';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningServer {
  process: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node backend/dist/main.js` with the given environment; resolves once /api/health answers 200. */
export async function startCompiledServer(
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<RunningServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...env,
    PORT: String(port),
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [SERVER_ENTRY], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { process: child, url, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the compiled server did not become healthy:\n${output.slice(-3000)}`);
}
