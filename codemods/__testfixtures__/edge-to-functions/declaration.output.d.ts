import type { Geo } from '@vercel/functions';

export declare const here: Geo;
export declare function where(): Geo;
export const origin: Geo;
