import { waitUntil } from '@acme/platform';

waitUntil(Promise.resolve());
export const branch = process.env.VERCEL_GIT_COMMIT_REF;
