import { getEnv } from '@vercel/functions';

export const isProd = getEnv().VERCEL_ENV === 'production';
