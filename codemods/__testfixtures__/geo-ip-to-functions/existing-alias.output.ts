import type { NextRequest } from 'next/server';
import { geolocation as geo, ipAddress } from '@fn-kit/functions';

export function GET(req: NextRequest) {
  return Response.json({ a: geo(req), b: geo(req), ip: ipAddress(req) });
}
