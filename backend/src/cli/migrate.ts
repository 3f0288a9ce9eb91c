import { withDatabase } from './database-session';

/** `migrate run | revert | show` on the configured database. */
async function main(command: string | undefined): Promise<void> {
  await withDatabase(async (dataSource) => {
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Nothing to apply.');
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
  });
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
