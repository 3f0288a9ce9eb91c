import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

class AppEnv {
  @IsOptional() @IsIn(NODE_ENVS) NODE_ENV?: NodeEnv;
  @IsOptional() @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @IsString() FRONTEND_DIST?: string;
}

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  logLevel: string;
  /** Where the built Angular app is; empty = API only. */
  frontendDist: string;
}

export const appConfig = registerAs('app', (): AppConfig => {
  const env = validateConfig(AppEnv, process.env);
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: env.PORT ?? 3000,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    frontendDist: env.FRONTEND_DIST ?? '',
  };
});
