import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { compressedAssets } from './common/http/compressed-assets';
import { appConfig } from './config/app.config';
import { readDatabaseConfig } from './config/database.config';
import { EMBEDDED_POOL_SIZE, EmbeddedPostgres } from './database/embedded-postgres';
import { runMigrationsAs } from './database/run-migrations';
import { SeedLoaderService } from './modules/imports/seed-loader.service';
import { DemoAccountsService } from './modules/users/demo-accounts.service';
import { readAuthConfig } from './config/auth.config';
import { DataSource } from 'typeorm';
import { FIRST_ADMIN_HINT, hasActiveAdmin } from './cli/first-admin';

async function bootstrap(): Promise<void> {
  const settings = appConfig();
  const database = readDatabaseConfig();
  // Unset DATABASE_URL → embedded PostgreSQL, created on first run under DATA_DIR.
  const embedded = database.url ? undefined : await EmbeddedPostgres.start(database.dataDir);
  // With MIGRATION_DATABASE_URL the schema owner migrates first; the app's own role then only reads and writes.
  if (database.migrationUrl) await runMigrationsAs(database.migrationUrl, database.url);
  const connection = embedded
    ? { url: embedded.url, poolSize: EMBEDDED_POOL_SIZE, embedded: true }
    : {
        url: database.url as string,
        poolSize: database.poolSize,
        replicaUrl: database.replicaUrl,
        runMigrations: !database.migrationUrl,
      };

  const frontendDist = settings.frontendDist || join(__dirname, '..', '..', 'frontend', 'dist', 'browser');
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      connection,
      frontendDist,
      logLevel: settings.logLevel,
      prettyLogs: settings.nodeEnv === 'development' && isPrettyAvailable(),
    }),
    { bufferLogs: true },
  );
  configureApp(app);
  // Before the static files (registered at init): the frontend's scripts and styles leave compressed.
  if (existsSync(join(frontendDist, 'index.html'))) app.use(compressedAssets(frontendDist));
  await app.init();
  // A new database meets the seeded department; demo accounts need its projects.
  await app.get(SeedLoaderService).loadIfEmpty();
  const demoAccounts = await app.get(DemoAccountsService).ensure();
  await app.listen(settings.port);

  const url = `http://localhost:${settings.port}`;
  const where = embedded
    ? `embedded PostgreSQL in ${database.dataDir}`
    : `PostgreSQL server (DATABASE_URL${database.replicaUrl ? ', reads from DATABASE_REPLICA_URL' : ''})`;
  process.stdout.write(
    `\nJixiao 绩效 is running at ${url}  (API ${url}/api, docs ${url}/api/docs; ${where})\n`,
  );
  if (demoAccounts.length > 0) {
    const password = readAuthConfig().demoPassword;
    process.stdout.write(`Demo accounts (not created in production), password ${password}:\n`);
    for (const a of demoAccounts)
      process.stdout.write(
        `  ${a.username.padEnd(8)} ${a.displayName}${a.project ? ` — ${a.project}` : ''}\n`,
      );
  }
  if (!(await hasActiveAdmin(app.get(DataSource)))) process.stdout.write(FIRST_ADMIN_HINT);
  process.stdout.write('\n');

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal} received: closing the server and the database\n`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function isPrettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Jixiao failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
