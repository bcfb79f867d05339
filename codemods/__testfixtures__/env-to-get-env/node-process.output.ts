import { env } from 'node:process';
import proc from 'process';
import { getEnv } from '@vercel/functions';

export const e = getEnv().VERCEL_ENV;

export function region() {
  const vars = proc.env;
  return getEnv().VERCEL_REGION ?? 'dev1';
}
