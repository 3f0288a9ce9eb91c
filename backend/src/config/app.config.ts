import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Who sees the OpenAPI docs at /api/docs: everyone, nobody, or signed-in admins (a bearer token). */
export const API_DOCS_MODES = ['on', 'off', 'admin'] as const;
export type ApiDocsMode = (typeof API_DOCS_MODES)[number];

class AppEnv {
  @IsOptional() @IsIn(NODE_ENVS) NODE_ENV?: NodeEnv;
  @IsOptional() @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @IsString() FRONTEND_DIST?: string;
  @IsOptional() @IsIn(API_DOCS_MODES) API_DOCS?: ApiDocsMode;
}

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  logLevel: string;
  /** Where the built Angular app is; empty = API only. */
  frontendDist: string;
  /** Default: open in development and tests, admins only in production. */
  apiDocs: ApiDocsMode;
}

export const appConfig = registerAs('app', (): AppConfig => {
  const env = validateConfig(AppEnv, process.env);
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: env.PORT ?? 3000,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    frontendDist: env.FRONTEND_DIST ?? '',
    apiDocs: env.API_DOCS ?? (env.NODE_ENV === 'production' ? 'admin' : 'on'),
  };
});
