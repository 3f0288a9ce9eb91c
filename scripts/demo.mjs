// `npm run demo`: the product on its own embedded database (./data-demo, never ./data nor DATABASE_URL) with the
// seeded department and a realistic half year written through the API (scripts/demo-data.mjs); every page is
// marked 演示数据. Builds and starts like `npm start`; a second run reuses the directory and its data.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeSeed, seedDemo } from './demo-data.mjs';

if (process.env.NODE_ENV === 'production') {
  console.error('npm run demo is for development only (NODE_ENV=production is set)');
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const baseUrl = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  NODE_ENV: 'development',
  DEMO: '1',
  PORT: String(port),
  DATA_DIR: join(root, 'data-demo'),
};
delete env.DATABASE_URL;
delete env.DATABASE_REPLICA_URL;
delete env.MIGRATION_DATABASE_URL;

// Another server on the port would answer the health check and take the demo data.
const occupied = await fetch(`${baseUrl}/api/health`).then(
  () => true,
  () => false,
);
if (occupied) {
  console.error(
    `Port ${port} is already in use (another server is running?): stop it, or choose one with PORT=`,
  );
  process.exit(1);
}

const server = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

async function waitForHealth() {
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not up yet (the first run builds first)
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

try {
  await waitForHealth();
  console.log('Writing the demo half year through the API…');
  const started = Date.now();
  const result = await seedDemo(baseUrl, process.env.DEMO_PASSWORD);
  console.log(`${describeSeed(result)}（${Math.round((Date.now() - started) / 1000)} 秒）`);
  console.log(
    `\n演示环境：http://localhost:${port}  — 以 leader 登录看首页，lead01 … 填报，admin 管理（密码见上）\n`,
  );
} catch (error) {
  console.error(`The demo data could not be written: ${error instanceof Error ? error.message : error}`);
  server.kill('SIGINT');
}
