import type { NextRequest } from 'next/server';
import { ipAddress } from '@vercel/functions';

export function POST(request: NextRequest, upstream: NextRequest) {
  // Different requests: both reads stay.
  const ip = request.ip ?? upstream.ip;
  // Not written by the transform: left as it is.
  const again = ipAddress(request) ?? ipAddress(request);
  // Different functions on the same request.
  const where = request.geo?.city ?? request.ip;
  return Response.json({ ip, again, where });
}
