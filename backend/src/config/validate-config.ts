import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Validates one area's environment variables at boot and fails fast, naming every bad variable. */
export function validateConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv): T {
  const config = plainToInstance(schema, env, { enableImplicitConversion: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${details.join('\n  ')}`);
  }
  return config;
}
