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
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE?: number;
}

export interface DatabaseConfig {
  /** Set → that PostgreSQL server; unset → the embedded PGlite under dataDir. */
  url?: string;
  /** A streaming replica of `url` for reads outside transactions; ignored in embedded mode. */
  replicaUrl?: string;
  dataDir: string;
  poolSize: number;
}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const parsed = validateConfig(DatabaseEnv, env);
  const url = parsed.DATABASE_URL || undefined;
  return {
    url,
    replicaUrl: (url && parsed.DATABASE_REPLICA_URL) || undefined,
    dataDir: parsed.DATA_DIR || './data',
    poolSize: parsed.DATABASE_POOL_SIZE ?? 10,
  };
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => readDatabaseConfig());
