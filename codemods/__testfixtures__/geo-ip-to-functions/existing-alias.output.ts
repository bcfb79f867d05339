import type { NextRequest } from 'next/server';
import { geolocation as geo } from '@fn-kit/functions';
import { ipAddress } from '@vercel/functions';

export function GET(req: NextRequest) {
  return Response.json({ a: geo(req), b: geo(req), ip: ipAddress(req) });
}
