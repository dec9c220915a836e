import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { type Config, configSchema } from './schema.js';

export type { Config } from './schema.js';

/** Raised when the configuration is wrong; its message names every offending variable. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly variables: string[],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates a set of variables. Unknown variables are ignored; blank values count as unset.
 * Throws ConfigError with one line per bad variable, e.g. `PORT: expected a number (got "abc")`.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
  }
  const result = configSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const variables: string[] = [];
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration');
    variables.push(name);
    const got = cleaned[name];
    return `${name}: ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`, variables);
}

/**
 * Reads `.env` (if present) under the process environment: a variable set in the environment
 * wins over the file, so CI and production can override without editing it.
 */
export function loadConfig(envFile = '.env', env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return parseConfig({ ...fromFile, ...env });
}
