import { waitUntil } from '@fn-kit/functions';

waitUntil(Promise.resolve());
export const region = process.env.VERCEL_REGION;
