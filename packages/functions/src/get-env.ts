import { GET_ENV_KEYS } from './catalog/index.js';
import type { SystemEnv } from './system-env.js';

/** An environment to read from: `process.env` or any string map. */
export type EnvSource = { readonly [key: string]: string | undefined };

function defaultEnv(): EnvSource {
  return typeof process === 'undefined' ? {} : process.env;
}

/**
 * The platform's system environment variables: exactly the keys of {@link SystemEnv}, each
 * `undefined` when unset or empty.
 *
 * @param env where to read from (default `process.env`)
 */
export function getEnv(env: EnvSource = defaultEnv()): SystemEnv {
  const result: Record<string, string | undefined> = {};
  for (const key of GET_ENV_KEYS) {
    const value = env[key];
    result[key] = value === '' ? undefined : value;
  }
  return result as unknown as SystemEnv;
}
