import { waitUntil, getEnv } from '@fn-kit/functions';

waitUntil(Promise.resolve());
export const region = getEnv().VERCEL_REGION;
