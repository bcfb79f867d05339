import { getEnv, waitUntil } from '@vercel/functions';

export const url = getEnv().VERCEL_URL ?? getEnv().VERCEL_BRANCH_URL ?? 'localhost:3000';
export const sha = getEnv().VERCEL_GIT_COMMIT_SHA?.slice(0, 7);
waitUntil(Promise.resolve(getEnv()));
