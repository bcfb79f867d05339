// Nothing here is a getEnv() read.
process.env.VERCEL_ENV = 'preview';
delete process.env.VERCEL_URL;
export const onPlatform = typeof process.env.VERCEL !== 'undefined';
export const id = process.env.VERCEL_PROJECT_ID;
export const pub = process.env.NEXT_PUBLIC_VERCEL_URL;
export const vite = import.meta.env.VERCEL_ENV;
export const db = process.env.DATABASE_URL;
export function f(process: { env: { VERCEL_ENV: string } }) {
  return process.env.VERCEL_ENV;
}
