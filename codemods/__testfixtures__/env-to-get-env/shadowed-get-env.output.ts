import { getEnv, getEnv as getEnvFn } from '@vercel/functions';

export function f() {
  const getEnv = () => ({});
  return [getEnv(), getEnvFn().CI];
}
