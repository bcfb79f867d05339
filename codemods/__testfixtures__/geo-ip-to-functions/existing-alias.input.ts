import type { NextRequest } from 'next/server';
import { geolocation as geo } from '@fn-kit/functions';

export function GET(req: NextRequest) {
  return Response.json({ a: geo(req), b: req.geo, ip: req.ip });
}
