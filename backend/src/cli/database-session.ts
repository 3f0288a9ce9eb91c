import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { readDatabaseConfig } from '../config/database.config';
import { dataSourceOptions } from '../database/data-source.options';
import { EMBEDDED_POOL_SIZE, EmbeddedPostgres } from '../database/embedded-postgres';

/**
 * Opens the database the server would use (DATABASE_URL, else the embedded one in DATA_DIR) for a CLI; `asOwner`
 * (migrations, grants) connects through MIGRATION_DATABASE_URL when it is set.
 */
export async function withDatabase<T>(
  work: (dataSource: DataSource) => Promise<T>,
  { asOwner = false }: { asOwner?: boolean } = {},
): Promise<T> {
  const config = readDatabaseConfig();
  const serverUrl = (asOwner && config.migrationUrl) || config.url;
  const embedded = config.url ? undefined : await EmbeddedPostgres.start(config.dataDir);
  const dataSource = new DataSource(
    dataSourceOptions(
      embedded
        ? { url: embedded.url, poolSize: EMBEDDED_POOL_SIZE }
        : { url: serverUrl as string, poolSize: 2 },
    ),
  );
  try {
    await dataSource.initialize();
    return await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}
