import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const country = request.geo?.country ?? request.headers.get('x-vercel-ip-country') ?? 'US';
  const ip = request.ip ?? request.headers.get('x-real-ip') ?? 'unknown';
  const city = request.headers.get('x-vercel-ip-city') || request.geo?.city;
  // Different fields: both stay.
  const region = request.geo?.region ?? request.headers.get('x-vercel-ip-country-region');
  // A repeat further down the chain goes too.
  const label = request.geo?.['city'] ?? cityFromCookie(request) ?? (request.headers.get('x-vercel-ip-city') as string);
  // Only the ?. right after geolocation() is pointless; the field itself may be missing.
  const upper = request.geo?.country?.toUpperCase();
  return NextResponse.json({ country, ip, city, region, label, upper });
}

function cityFromCookie(request: NextRequest): string | undefined {
  return request.cookies.get('city')?.value;
}
