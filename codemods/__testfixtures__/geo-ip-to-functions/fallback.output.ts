import type { NextRequest } from 'next/server';
import { geolocation } from '@vercel/functions';

const DEFAULT_GEO = { country: 'US' };

export function GET(request: NextRequest) {
  const { latitude, longitude } = geolocation(request);
  const geo = geolocation(request) || DEFAULT_GEO;
  return Response.json({ latitude, longitude, country: geo.country });
}
