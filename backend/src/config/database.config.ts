import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

class DatabaseEnv {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE?: number;
}

export interface DatabaseConfig {
  /** Set → that PostgreSQL server; unset → the embedded PGlite under dataDir. */
  url?: string;
  dataDir: string;
  poolSize: number;
}

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const parsed = validateConfig(DatabaseEnv, env);
  return {
    url: parsed.DATABASE_URL || undefined,
    dataDir: parsed.DATA_DIR || './data',
    poolSize: parsed.DATABASE_POOL_SIZE ?? 10,
  };
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => readDatabaseConfig());
