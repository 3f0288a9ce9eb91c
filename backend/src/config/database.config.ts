import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

class DatabaseEnv {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_REPLICA_URL must be a postgres:// URL' })
  DATABASE_REPLICA_URL?: string;
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'MIGRATION_DATABASE_URL must be a postgres:// URL' })
  MIGRATION_DATABASE_URL?: string;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE?: number;
}

export interface DatabaseConfig {
  /** Set → that PostgreSQL server; unset → the embedded PGlite under dataDir. */
  url?: string;
  /** A streaming replica of `url` for reads outside transactions; ignored in embedded mode. */
  replicaUrl?: string;
  /**
   * The same database as `url`, reached as the role that owns the schema: migrations run there, so the app's own
   * role (`url`) needs no right to create, alter or drop anything — in particular not the audit log's triggers.
   */
  migrationUrl?: string;
  dataDir: string;
  poolSize: number;
}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const parsed = validateConfig(DatabaseEnv, env);
  const url = parsed.DATABASE_URL || undefined;
  if (parsed.MIGRATION_DATABASE_URL && !url)
    throw new Error(
      'Invalid configuration:\n  MIGRATION_DATABASE_URL: needs DATABASE_URL (the embedded database has one role)',
    );
  return {
    url,
    replicaUrl: (url && parsed.DATABASE_REPLICA_URL) || undefined,
    migrationUrl: parsed.MIGRATION_DATABASE_URL || undefined,
    dataDir: parsed.DATA_DIR || './data',
    poolSize: parsed.DATABASE_POOL_SIZE ?? 10,
  };
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => readDatabaseConfig());
