import type { Geo } from '@vercel/edge';

export declare const here: Geo;
export declare function where(): Geo;
export const origin: Geo;
