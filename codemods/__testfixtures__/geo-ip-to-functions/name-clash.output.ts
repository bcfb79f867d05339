import type { NextRequest } from 'next/server';
import { geolocation as geolocationFn, ipAddress as ipAddressFn } from '@vercel/functions';

const ipAddress = '127.0.0.1';

export function GET(request: NextRequest) {
  const geolocation = geolocationFn(request);
  return Response.json({ geolocation, ip: ipAddressFn(request) ?? ipAddress });
}
