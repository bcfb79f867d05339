import type { NextRequest } from 'next/server';
import { ipAddress, geolocation } from '@vercel/functions';

export function POST(request: NextRequest, upstream: NextRequest) {
  // Different requests: both reads stay.
  const ip = ipAddress(request) ?? ipAddress(upstream);
  // Not written by the transform: left as it is.
  const again = ipAddress(request) ?? ipAddress(request);
  // Different functions on the same request.
  const where = geolocation(request).city ?? ipAddress(request);
  return Response.json({ ip, again, where });
}
