import { getEnv as getEnvFn } from '@vercel/functions';

function getEnv() {
  return 'dev';
}

export const e = [getEnv(), getEnvFn().VERCEL_ENV];
