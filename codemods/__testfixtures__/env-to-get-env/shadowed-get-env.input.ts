import { getEnv } from '@vercel/functions';

export function f() {
  const getEnv = () => ({});
  return [getEnv(), process.env.CI];
}
