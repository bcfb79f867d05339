import type { NextRequest } from 'next/server';

export function lookup(request?: NextRequest) {
  return { country: request?.geo?.country, ip: request?.ip };
}
