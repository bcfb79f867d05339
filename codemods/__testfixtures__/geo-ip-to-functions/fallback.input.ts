import type { NextRequest } from 'next/server';

const DEFAULT_GEO = { country: 'US' };

export function GET(request: NextRequest) {
  const { latitude, longitude } = request.geo ?? {};
  const geo = request.geo || DEFAULT_GEO;
  return Response.json({ latitude, longitude, country: geo.country });
}
