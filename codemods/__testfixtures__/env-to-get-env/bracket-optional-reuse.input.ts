import { getEnv, waitUntil } from '@vercel/functions';

export const url = process.env['VERCEL_URL'] ?? process?.env?.VERCEL_BRANCH_URL ?? 'localhost:3000';
export const sha = process.env.VERCEL_GIT_COMMIT_SHA?.slice(0, 7);
waitUntil(Promise.resolve(getEnv()));
