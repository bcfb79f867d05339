function getEnv() {
  return 'dev';
}

export const e = [getEnv(), process.env.VERCEL_ENV];
