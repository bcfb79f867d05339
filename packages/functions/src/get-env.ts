import { readSystemEnv, type EnvSource, type SystemEnv } from './system-env.js';

export type { EnvSource };

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
  return readSystemEnv(env);
}
