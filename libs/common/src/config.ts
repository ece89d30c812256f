import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** Thrown at boot when the environment is unusable; the message lists every bad variable at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((text) => `${e.property}: ${text}`));
}

/**
 * Validates the environment once, at boot, against an env class (class-validator decorators, property names
 * equal to the variable names). Nothing else in the code base reads `process.env`.
 */
export function loadConfig<T extends object>(
  envClass: new () => T,
  env: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env,
): T {
  // An empty variable counts as unset (compose files and shells often pass `VAR=`).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(envClass, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return config;
}
