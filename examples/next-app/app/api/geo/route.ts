import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

/** Shown in the header: "Shipping to Berlin, DE". */
export function GET(request: NextRequest) {
  const country = request.headers.get('x-vercel-ip-country') ?? 'US';
  const city = decodeURIComponent(request.headers.get('x-vercel-ip-city') ?? '');
  const { latitude, longitude } = request.geo ?? {};

  return NextResponse.json({
    country,
    city,
    latitude,
    longitude,
    ip: request.ip,
    servedFrom: process.env.VERCEL_REGON ?? 'dev1',
  });
}
