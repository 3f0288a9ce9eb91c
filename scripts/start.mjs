// `npm start`: build what changed (domain library, backend, frontend), then run the server.
// A second start with nothing changed skips every build: tsc -b is incremental, and the frontend
// build is skipped when the hash of its inputs matches the stamp left by the last build.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function hashInputs(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
        visit(join(path, entry));
      }
    } else {
      hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  paths.forEach((p) => visit(join(root, p)));
  return hash.digest('hex');
}

// 1. Domain library and backend (project references; incremental).
run(npx, ['tsc', '-b', 'backend/tsconfig.build.json']);
// The migrated embedded database that a new data directory starts from (a no-op when it is current).
run(process.execPath, [join(root, 'backend', 'dist', 'cli', 'pgdata-template.js')]);

// 2. Frontend, only when its inputs changed.
const frontendInputs = [
  'frontend/src',
  'frontend/public',
  'frontend/angular.json',
  'frontend/package.json',
  'frontend/tsconfig.json',
  'frontend/tsconfig.app.json',
  'libs/domain/src',
  'tsconfig.base.json',
  'package-lock.json',
];
const stampFile = join(root, 'frontend', 'dist', '.build-stamp');
const stamp = hashInputs(frontendInputs);
const built = existsSync(join(root, 'frontend', 'dist', 'browser', 'index.html'));
if (!built || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
  console.log('Building the frontend (first start, or its sources changed)…');
  run(npx, ['ng', 'build'], join(root, 'frontend'));
  writeFileSync(stampFile, stamp);
}

// 3. The server; signals are passed on so the embedded database closes cleanly.
const server = spawn(process.execPath, [join(root, 'backend', 'dist', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
