import { DataSource, DataSourceOptions, QueryRunner } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseConnection {
  url: string;
  /** Embedded PGlite allows exactly one connection; a server takes a real pool. */
  poolSize: number;
  schema?: string;
  /** A streaming replica (hot standby) of `url`: reads made outside a transaction go there. */
  replicaUrl?: string;
  /** False when the migrations already ran under another role (MIGRATION_DATABASE_URL) before the app started. */
  runMigrations?: boolean;
  /** The embedded PGlite (one process, one connection): no LISTEN connection for the session cache. */
  embedded?: boolean;
}

/** The connection the app was started with (DatabaseModule), for what needs a connection of its own. */
export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

/** The one TypeORM configuration used by the app, the CLIs and the tests: migrations only, never synchronize. */
export function dataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  const options: DataSourceOptions = {
    type: 'postgres',
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
  if (!connection.replicaUrl) return { ...options, url: connection.url };
  // TypeORM replication: a pool per server; migrations, transactions and writes use the primary (master).
  return {
    ...options,
    replication: { master: { url: connection.url }, slaves: [{ url: connection.replicaUrl }] },
  };
}

/** A statement that only reads: SELECT or WITH … SELECT, with nothing that writes, locks or has side effects. */
const READ = /^\s*(SELECT|WITH)\b/i;
const NOT_ON_A_REPLICA =
  /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|CALL|FOR\s+(NO\s+KEY\s+)?UPDATE|FOR\s+(KEY\s+)?SHARE|pg_advisory\w*|nextval|setval|set_config|pg_notify)\b/i;
/**
 * Sessions and credentials are read from the primary: logout, lockout, deactivation and a new password must take
 * effect at once (jwt-auth.guard, login), which a replica a few milliseconds behind would not guarantee.
 */
const PRIMARY_ONLY = /\b(refresh_tokens|refresh_token_rotations|password_hash)\b/;

export function isReplicaRead(sql: string): boolean {
  return READ.test(sql) && !NOT_ON_A_REPLICA.test(sql) && !PRIMARY_ONLY.test(sql);
}

/** Errors that mean the replica cannot answer now (down, restarting, or cancelled by a recovery conflict). */
const REPLICA_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '40001',
]);
const unavailable = (error: unknown): boolean => {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    (code !== undefined && (REPLICA_UNAVAILABLE.has(code) || code.startsWith('08'))) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(e?.message ?? '')
  );
};

/**
 * The app's DataSource. Without a replica it is TypeORM's own. With one, the repositories' raw reads
 * (`dataSource.query`, `manager.query` outside a transaction) go to the replica like TypeORM's own SELECT query
 * builder does; everything inside a transaction, every write and every session check goes to the primary. While
 * the replica cannot answer, its reads fall back to the primary.
 */
export class AppDataSource extends DataSource {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature of DataSource.query
  override async query<T = any>(query: string, parameters?: any[], queryRunner?: QueryRunner): Promise<T> {
    if (queryRunner || !('replication' in this.options && this.options.replication) || !isReplicaRead(query))
      return super.query<T>(query, parameters, queryRunner);
    const replica = this.createQueryRunner('slave');
    try {
      return (await replica.query(query, parameters)) as T;
    } catch (error) {
      if (!unavailable(error)) throw error;
    } finally {
      await replica.release();
    }
    return super.query<T>(query, parameters);
  }
}

/** For TypeOrmModule's dataSourceFactory (which initializes it, with its retries). */
export const createAppDataSource = async (options?: DataSourceOptions): Promise<DataSource> => {
  if (!options) throw new Error('TypeORM options are required');
  return new AppDataSource(options);
};
