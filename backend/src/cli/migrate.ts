import { readDatabaseConfig } from '../config/database.config';
import { runMigrationsAs } from '../database/run-migrations';
import { withDatabase } from './database-session';

const report = (applied: string[]): void =>
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');

/** `migrate run | revert | show` on the configured database, as the schema owner when MIGRATION_DATABASE_URL is set. */
async function main(command: string | undefined): Promise<void> {
  const config = readDatabaseConfig();
  if (command === 'run' && config.migrationUrl) {
    report(await runMigrationsAs(config.migrationUrl, config.url));
    return;
  }
  await withDatabase(
    async (dataSource) => {
      if (command === 'run') {
        report((await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name));
      } else if (command === 'revert') {
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
      } else if (command === 'show') {
        console.log(
          (await dataSource.showMigrations()) ? 'Migrations are pending.' : 'The schema is up to date.',
        );
      } else {
        throw new Error('Usage: migrate run | revert | show');
      }
    },
    { asOwner: true },
  );
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
