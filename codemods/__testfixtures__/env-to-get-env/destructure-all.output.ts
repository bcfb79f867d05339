import { getEnv } from '@vercel/functions';

const { VERCEL_ENV, VERCEL_URL: url = 'localhost' } = getEnv();

export { VERCEL_ENV, url };
