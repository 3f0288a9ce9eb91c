import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { validateConfig } from './validate-config';

/** Development-only secret; production refuses to start with it (or with none). */
export const DEFAULT_JWT_SECRET = 'jixiao-development-secret-change-me';
export const DEFAULT_DEMO_PASSWORD = 'Jixiao@2025';

class AuthEnv {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;
  @IsOptional() @IsInt() @Min(60) @Max(86400) ACCESS_TOKEN_TTL_SECONDS?: number;
  @IsOptional() @IsInt() @Min(300) @Max(2592000) REFRESH_TOKEN_TTL_SECONDS?: number;
  @IsOptional() @IsInt() @Min(60) @Max(86400) IDLE_TIMEOUT_SECONDS?: number;
  @IsOptional() @IsString() DEMO_PASSWORD?: string;
  @IsOptional() @IsInt() @Min(1) @Max(10000) LOGIN_RATE_LIMIT?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100000) LOGIN_ADDRESS_FAILURE_LIMIT?: number;
  @IsOptional() @IsInt() @Min(0) @Max(60) SESSION_CACHE_SECONDS?: number;
}

export interface AuthConfig {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** A session not refreshed for this long ends (等保: idle timeout). */
  idleTimeoutSeconds: number;
  /** Failures in a row after which each further failure delays the account's next attempt. */
  maxFailedLogins: number;
  /** The first delay; each further failure doubles it, up to lockoutMaxSeconds. */
  lockoutBaseSeconds: number;
  lockoutMaxSeconds: number;
  /** Login requests per minute per client address and username. */
  loginRateLimit: number;
  /** Failed logins per client address, across usernames, within loginAddressWindowSeconds. */
  loginAddressFailureLimit: number;
  loginAddressWindowSeconds: number;
  /** Demo accounts are created only outside production. */
  demoAccounts: boolean;
  demoPassword: string;
  /**
   * How long a session check is remembered in the process at most (0: not at all). Logout, deactivation and the
   * like end it at once anyway, in every process (SessionCache); this bounds what a lost announcement could cost.
   */
  sessionCacheSeconds: number;
}

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = validateConfig(AuthEnv, env);
  const production = parsed.NODE_ENV === 'production';
  const jwtSecret = parsed.JWT_SECRET ?? DEFAULT_JWT_SECRET;
  if (production && jwtSecret === DEFAULT_JWT_SECRET) {
    throw new Error(
      'Invalid configuration: JWT_SECRET must be set to a private value when NODE_ENV=production',
    );
  }
  return {
    jwtSecret,
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS ?? 900,
    refreshTokenTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS ?? 8 * 3600,
    idleTimeoutSeconds: parsed.IDLE_TIMEOUT_SECONDS ?? 1800,
    maxFailedLogins: 5,
    lockoutBaseSeconds: 60,
    lockoutMaxSeconds: 15 * 60,
    loginRateLimit: parsed.LOGIN_RATE_LIMIT ?? 10,
    loginAddressFailureLimit: parsed.LOGIN_ADDRESS_FAILURE_LIMIT ?? 30,
    loginAddressWindowSeconds: 15 * 60,
    demoAccounts: !production,
    demoPassword: parsed.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    sessionCacheSeconds: parsed.SESSION_CACHE_SECONDS ?? 30,
  };
}

export const authConfig = registerAs('auth', (): AuthConfig => readAuthConfig());
