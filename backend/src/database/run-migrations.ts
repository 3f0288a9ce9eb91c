import { DataSource } from 'typeorm';
import { appRoleGrants } from './app-role';
import { dataSourceOptions } from './data-source.options';

/**
 * Applies pending migrations as the schema owner (MIGRATION_DATABASE_URL), then gives the app's own role — the
 * user of DATABASE_URL — exactly the rights it needs (app-role.ts), so a new install needs no manual GRANT.
 */
export async function runMigrationsAs(ownerUrl: string, appUrl?: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ url: ownerUrl, poolSize: 1 }));
  await dataSource.initialize();
  try {
    const applied = (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
    const appRole = appUrl ? decodeURIComponent(new URL(appUrl).username) : '';
    const [{ owner, schema }] = await dataSource.query<{ owner: string; schema: string }[]>(
      `SELECT current_user AS owner, current_schema() AS schema`,
    );
    if (appRole && appRole !== owner)
      await dataSource.transaction(async (manager) => {
        for (const statement of appRoleGrants(appRole, schema)) await manager.query(statement);
      });
    return applied;
  } finally {
    await dataSource.destroy();
  }
}
