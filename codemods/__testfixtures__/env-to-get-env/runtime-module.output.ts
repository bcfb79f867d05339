import { waitUntil, getEnv } from '@acme/platform';

waitUntil(Promise.resolve());
export const branch = getEnv().VERCEL_GIT_COMMIT_REF;
