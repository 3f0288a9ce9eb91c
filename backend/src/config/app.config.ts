import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Who sees the OpenAPI docs at /api/docs: everyone, nobody, or signed-in admins (a bearer token). */
export const API_DOCS_MODES = ['on', 'off', 'admin'] as const;
export type ApiDocsMode = (typeof API_DOCS_MODES)[number];

/**
 * Express's `trust proxy`, so `req.ip` (login limits, logs) is the client behind a reverse proxy: a hop count or
 * the proxies' addresses / subnets (or loopback, linklocal, uniquelocal). `true` is refused on purpose: trusting
 * every hop lets any client pick its own address with X-Forwarded-For.
 */
const PROXY = String.raw`(?:loopback|linklocal|uniquelocal|\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(?:/\d{1,3})?)`;
const TRUST_PROXY = new RegExp(String.raw`^(?:[1-9]|${PROXY}(?:\s*,\s*${PROXY})*)$`);
export type TrustProxy = false | number | string;

class AppEnv {
  @IsOptional() @IsIn(NODE_ENVS) NODE_ENV?: NodeEnv;
  @IsOptional() @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @IsString() FRONTEND_DIST?: string;
  @IsOptional() @IsIn(API_DOCS_MODES) API_DOCS?: ApiDocsMode;
  @IsOptional()
  @Matches(TRUST_PROXY, {
    message:
      'TRUST_PROXY must be a hop count (1-9) or the proxies: addresses, subnets, loopback, linklocal, uniquelocal',
  })
  TRUST_PROXY?: string;
  @IsOptional() @IsIn(['0', '1']) DEMO?: string;
}

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  logLevel: string;
  /** Where the built Angular app is; empty = API only. */
  frontendDist: string;
  /** Default: open in development and tests, admins only in production. */
  apiDocs: ApiDocsMode;
  /** Unset: the connecting address is the client's (no proxy trusted). */
  trustProxy: TrustProxy;
  /** A demo installation (`npm run demo`): the frontend marks every page 演示数据. Never in production. */
  demo: boolean;
}

export const appConfig = registerAs('app', (): AppConfig => {
  const env = validateConfig(AppEnv, process.env);
  if (env.DEMO === '1' && env.NODE_ENV === 'production') {
    throw new Error('Invalid configuration: DEMO=1 is for development only, not NODE_ENV=production');
  }
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: env.PORT ?? 3000,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    frontendDist: env.FRONTEND_DIST ?? '',
    apiDocs: env.API_DOCS ?? (env.NODE_ENV === 'production' ? 'admin' : 'on'),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    demo: env.DEMO === '1',
  };
});

function readTrustProxy(value: string | undefined): TrustProxy {
  if (!value) return false;
  return /^\d$/.test(value) ? Number(value) : value;
}
