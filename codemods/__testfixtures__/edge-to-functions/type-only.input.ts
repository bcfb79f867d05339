import type { Geo } from '@vercel/edge';

export const here: Geo = {};
