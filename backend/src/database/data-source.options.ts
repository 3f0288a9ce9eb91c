import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseConnection {
  url: string;
  /** Embedded PGlite allows exactly one connection; a server takes a real pool. */
  poolSize: number;
  schema?: string;
}

/** The one TypeORM configuration used by the app, the CLIs and the tests: migrations only, never synchronize. */
export function dataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    schema: connection.schema,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is core PostgreSQL since 13: no extension to install, on a server or in PGlite.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: connection.poolSize,
      connectionTimeoutMillis: 10000,
      // Runaway queries must not hold the single embedded connection forever.
      statement_timeout: 60000,
      options: connection.schema ? `-c search_path=${connection.schema}` : undefined,
    },
  };
}
