import type { ModifiedRequest } from '@vercel/edge';

export type R = ModifiedRequest;
