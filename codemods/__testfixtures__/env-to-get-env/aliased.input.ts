import { getEnv as env } from '@vercel/functions';

export const sha = process.env.VERCEL_GIT_COMMIT_SHA!.slice(0, 7);
