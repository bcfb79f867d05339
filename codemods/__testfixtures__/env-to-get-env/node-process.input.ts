import { env } from 'node:process';
import proc from 'process';

export const e = env.VERCEL_ENV;

export function region() {
  const vars = proc.env;
  return vars.VERCEL_REGION ?? 'dev1';
}
