import 'reflect-metadata';
import { StartupPhases } from './common/startup/startup-phases';
import { Logger } from '@nestjs/common';
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
  // Where the start's time goes, logged at debug level (LOG_LEVEL=debug) once the server listens.
  const phases = new StartupPhases();
  phases.mark('modules');
  const settings = appConfig();
  const database = readDatabaseConfig();
  // Unset DATABASE_URL → embedded PostgreSQL, created on first run under DATA_DIR.
  const embedded = database.url ? undefined : await EmbeddedPostgres.start(database.dataDir);
  // With MIGRATION_DATABASE_URL the schema owner migrates first; the app's own role then only reads and writes.
  if (database.migrationUrl) await runMigrationsAs(database.migrationUrl, database.url);
  phases.mark('database');
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
  phases.mark('nest create (TypeORM connect, migrations check)');
  configureApp(app);
  phases.mark('configure');
  // Before the static files (registered at init): the frontend's scripts and styles leave compressed.
  if (existsSync(join(frontendDist, 'index.html'))) app.use(compressedAssets(frontendDist));
  await app.init();
  phases.mark('nest init');
  // A new database meets the seeded department; demo accounts need its projects. Their password is hashed
  // meanwhile (argon2 on libuv's thread pool, the import on the main thread).
  const demo = app.get(DemoAccountsService);
  await demo.prepare();
  await app.get(SeedLoaderService).loadIfEmpty();
  phases.mark('seed import');
  const demoAccounts = await demo.ensure();
  phases.mark('demo accounts');
  await app.listen(settings.port);
  phases.mark('listen');
  new Logger('Startup').debug(`phases: ${phases.toString()}`);

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
