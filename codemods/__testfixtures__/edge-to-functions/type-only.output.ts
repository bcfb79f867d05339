import type { Geo } from '@vercel/functions';

export const here: Geo = {};
